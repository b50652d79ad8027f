import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { TransactionHost } from '@simpul/database';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '@simpul/notification';
import { bootWorker, dataSourceOf, unitId } from '../support/boot-in-process';
import { findFreePort } from '../support/find-free-port';
import { dataOf, errorCode, graphqlRequest, signIn } from '../support/graphql-http';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';
import { waitForCondition } from '../support/wait-for-condition';

const SECRET = 'whsec-integration-0123456789abcdefghijklmnop';
/** What openCaseAndSend writes about the person and the referral: none of it may travel. */
const PERSONAL = ['Korban Uji', '1998-04-01', 'Mohon pemulangan'];

const NOTIFICATIONS = `query ($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id action seq reference unitCode referralId alertId caseId
      escalationLevel link createdAt readAt } }
  }
  unreadNotificationCount
}`;

interface NotificationNode {
  id: string;
  action: string;
  seq: string;
  reference: string | null;
  unitCode: string | null;
  referralId: string | null;
  alertId: string | null;
  escalationLevel: number | null;
  link: string;
  readAt: string | null;
}
interface NotificationsData {
  notifications: { totalCount: number; edges: { node: NotificationNode }[] };
  unreadNotificationCount: number;
}

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A webhook receiver on a fixed port that can be started, stopped and told to fail. */
class Receiver {
  readonly received: Received[] = [];
  status = 204;
  private server: Server | undefined;

  constructor(readonly port: number) {}

  get url() {
    return `http://127.0.0.1:${this.port}/hooks/simpul?token=path-secret`;
  }

  start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        if (this.status < 300) this.received.push({ headers: req.headers, body });
        res.writeHead(this.status).end();
      });
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

/** graphql-ws subscription to notificationAdded, collecting what arrives. */
function subscribeToNotifications(url: string, token: string) {
  const received: NotificationNode[] = [];
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
  });
  const stop = client.subscribe<{ notificationAdded: NotificationNode }>(
    { query: 'subscription { notificationAdded { id action reference referralId link } }' },
    {
      next: (result) => {
        if (result.data) received.push(result.data.notificationAdded);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return {
    received,
    close: async () => {
      stop();
      await client.dispose();
    },
  };
}

async function waitForSubscribers(channel: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL!);
  try {
    await waitForCondition(`a subscriber on ${channel}`, async () => {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      return Number(count) > 0;
    });
  } finally {
    redis.disconnect();
  }
}

describe('notifications, email and webhooks', () => {
  let gateway: RunningGateway;
  let worker: INestApplicationContext;
  let db: DataSource;
  let mailDir: string;
  let receiver: Receiver;
  const tokens = new Map<string, string>();
  const env = () => ({
    MAIL_DIR: mailDir,
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_RETRY_BASE_MS: '100',
    WEBHOOK_TIMEOUT_MS: '2000',
    OUTBOX_SWEEP_MS: '200',
    OUTBOX_PARK_AFTER_FAILURES: '1',
    PUBLIC_URL: 'https://simpul.test',
  });

  const tokenOf = async (username: string) => {
    if (!tokens.has(username)) {
      tokens.set(username, (await signIn(gateway.graphqlUrl, username)).accessToken);
    }
    return tokens.get(username)!;
  };
  const gql = async <T>(username: string, query: string, variables = {}) =>
    graphqlRequest<T>(gateway.graphqlUrl, query, variables, { token: await tokenOf(username) });
  const notificationsOf = async (username: string, variables = {}) =>
    dataOf(await gql<NotificationsData>(username, NOTIFICATIONS, variables));
  const officerId = async (username: string) => {
    const rows: { id: string }[] = await db.query('SELECT id FROM officer WHERE username = $1', [
      username,
    ]);
    return rows[0].id;
  };

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'simpul-mail-'));
    receiver = new Receiver(await findFreePort());
    gateway = await startHardenedGateway(env());
    db = dataSourceOf(gateway.app);
    worker = await bootWorker(env());
    // The run's database is shared by the test files: deliveries and notifications another file
    // left undone are done by this worker first, so that the counts below move only with this
    // file's own steps.
    await waitForCondition(
      'earlier files’ deliveries and notifications done',
      async () => {
        const [{ pending }]: { pending: number }[] = await db.query(
          `SELECT (SELECT count(*) FROM ledger_entry WHERE seq IS NULL)::int
                + (SELECT count(*) FROM outbox
                    WHERE done_at IS NULL AND parked_at IS NULL
                      AND job_name IN ('deliver-referral', 'deliver-alert', 'notify-handoff-events'))::int
                  AS pending`,
        );
        return pending === 0;
      },
      60_000,
      200,
    );
  }, 120_000);

  afterAll(async () => {
    await receiver?.stop();
    await worker?.close();
    await gateway?.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  it('tells the receiving unit live, lets only its officers read and mark their own, and pages', async () => {
    const live = subscribeToNotifications(
      gateway.graphqlUrl.replace('http', 'ws'),
      await tokenOf('bp3mi.ntt'),
    );
    await waitForSubscribers(`${process.env.REDIS_PREFIX}:notifications`);
    const before = (await notificationsOf('bp3mi.ntt')).unreadNotificationCount;

    const sender = await demoActor(gateway.app, 'kbri.phnompenh');
    const { referral } = await openCaseAndSend(gateway.app, sender, 'BP3MI-NTT');

    let mine: NotificationNode | undefined;
    await waitForCondition('the delivery notification', async () => {
      const data = await notificationsOf('bp3mi.ntt');
      mine = data.notifications.edges.map((e) => e.node).find((n) => n.referralId === referral.id);
      return mine !== undefined;
    });
    expect(mine).toMatchObject({
      action: 'REFERRAL_DELIVERED',
      reference: referral.reference,
      unitCode: 'BP3MI-NTT',
      link: `https://simpul.test/rujukan/${referral.id}`,
      readAt: null,
      escalationLevel: null,
    });
    // The supervisor of the same unit is told too; the sender is not (it acted).
    await waitForCondition('the supervisor told', async () =>
      (await notificationsOf('bp3mi.ntt.kepala')).notifications.edges.some(
        (e) => e.node.referralId === referral.id,
      ),
    );
    expect(
      (await notificationsOf('kbri.phnompenh')).notifications.edges.some(
        (e) => e.node.referralId === referral.id,
      ),
    ).toBe(false);
    await waitForCondition('the live notification', () =>
      live.received.some((n) => n.id === mine!.id),
    );
    await live.close();
    expect((await notificationsOf('bp3mi.ntt')).unreadNotificationCount).toBe(before + 1);

    // Another officer cannot read or mark it: NOT_FOUND, no existence leak.
    const MARK = 'mutation ($id: ID!) { markNotificationRead(id: $id) { id readAt } }';
    expect(errorCode(await gql('kbri.phnompenh', MARK, { id: mine!.id }))).toBe('NOT_FOUND');
    expect(
      errorCode(await gql('bp3mi.ntt', MARK, { id: '00000000-0000-4000-8000-000000000000' })),
    ).toBe('NOT_FOUND');
    const marked = dataOf(
      await gql<{ markNotificationRead: { readAt: string } }>('bp3mi.ntt', MARK, { id: mine!.id }),
    );
    expect(marked.markNotificationRead.readAt).not.toBeNull();
    const unread = await notificationsOf('bp3mi.ntt', { unreadOnly: true });
    expect(unread.notifications.edges.some((e) => e.node.id === mine!.id)).toBe(false);
    expect(unread.unreadNotificationCount).toBe(before);

    // Accepting tells the sender.
    await gql('bp3mi.ntt', 'mutation ($id: ID!) { acceptReferral(id: $id) { status } }', {
      id: referral.id,
    });
    await waitForCondition('the sender told of the acceptance', async () =>
      (await notificationsOf('kbri.phnompenh')).notifications.edges.some(
        (e) => e.node.referralId === referral.id && e.node.action === 'REFERRAL_ACCEPTED',
      ),
    );

    // Paging: first 1, then after its cursor, never the same notification twice.
    const page1 = dataOf(
      await gql<{
        notifications: {
          edges: { cursor: string; node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>(
        'bp3mi.ntt',
        'query { notifications(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
      ),
    );
    expect(page1.notifications.edges).toHaveLength(1);
    if (page1.notifications.pageInfo.hasNextPage) {
      const page2 = await notificationsOf('bp3mi.ntt', {
        first: 1,
        after: page1.notifications.pageInfo.endCursor,
      });
      expect(page2.notifications.edges[0].node.id).not.toBe(page1.notifications.edges[0].node.id);
    }
    expect(errorCode(await gql('bp3mi.ntt', NOTIFICATIONS, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql('bp3mi.ntt', NOTIFICATIONS, { after: 'bogus' }))).toBe(
      'BAD_USER_INPUT',
    );

    const all = dataOf(
      await gql<{ markAllNotificationsRead: number }>(
        'bp3mi.ntt',
        'mutation { markAllNotificationsRead }',
      ),
    );
    expect(all.markAllNotificationsRead).toBeGreaterThanOrEqual(0);
    expect((await notificationsOf('bp3mi.ntt')).unreadNotificationCount).toBe(0);
    expect(errorCode(await graphqlRequest(gateway.graphqlUrl, NOTIFICATIONS))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('derives escalations and CRITICAL alerts from ledger entries: supervisors, email with no personal data', async () => {
    const SET_EMAIL =
      'mutation ($officerId: ID!, $email: String) { setOfficerWorkEmail(officerId: $officerId, workEmail: $email) }';
    const kepala = await officerId('bp3mi.ntt.kepala');
    expect(
      errorCode(
        await gql('bp3mi.ntt', SET_EMAIL, { officerId: kepala, email: 'kepala@bp3mi.test' }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await gql('admin', SET_EMAIL, { officerId: kepala, email: 'not an address' })),
    ).toBe('BAD_USER_INPUT');
    dataOf(await gql('admin', SET_EMAIL, { officerId: kepala, email: 'kepala@bp3mi.test' }));
    dataOf(
      await gql('admin', SET_EMAIL, {
        officerId: await officerId('bp3mi.ntt'),
        email: 'meja@bp3mi.test',
      }),
    );
    const [entry]: { payload: Record<string, unknown> }[] = await db.query(
      `SELECT payload FROM ledger_entry WHERE action = 'OFFICER_UPDATED' AND payload->>'officerId' = $1 ORDER BY id DESC LIMIT 1`,
      [kepala],
    );
    expect(entry.payload).toEqual({
      officerId: kepala,
      unitId: expect.any(String),
      changed: ['workEmail'],
    });

    const sender = await demoActor(gateway.app, 'kbri.phnompenh');
    const { referral } = await openCaseAndSend(gateway.app, sender, 'BP3MI-NTT');
    const bp3mi = await unitId(db, 'BP3MI-NTT');
    const alertId = '4f1d2b8e-5a60-4c2e-9a57-0d8f3c1e2b77';
    // What the escalation and alert contexts write when they land (their entries, appended here).
    await gateway.app.get(TransactionHost).run(() =>
      gateway.app.get(LedgerWriter).append([
        {
          action: HandoffAction.REFERRAL_ESCALATED,
          actorId: null,
          fromUnitId: bp3mi,
          toUnitId: bp3mi,
          caseId: referral.caseId,
          referralId: referral.id,
          payload: { level: 1, deadline: 'acknowledgeBy' },
        },
        {
          action: HandoffAction.ALERT_DELIVERED,
          actorId: null,
          fromUnitId: null,
          toUnitId: bp3mi,
          caseId: null,
          referralId: null,
          alertId,
          payload: { reference: 'ALR-2026-000042', severity: 'CRITICAL' },
        },
      ]),
    );

    const find = async (username: string, action: string) =>
      (await notificationsOf(username)).notifications.edges
        .map((e) => e.node)
        .find(
          (n) => n.action === action && (n.referralId === referral.id || n.alertId === alertId),
        );
    await waitForCondition(
      'the escalation told to the supervisor',
      async () => (await find('bp3mi.ntt.kepala', 'REFERRAL_ESCALATED')) !== undefined,
    );
    expect(await find('bp3mi.ntt.kepala', 'REFERRAL_ESCALATED')).toMatchObject({
      escalationLevel: 1,
      reference: referral.reference,
    });
    // Only the SUPERVISORs hear of an escalation; every caseworker of the unit of an alert.
    expect(await find('bp3mi.ntt', 'REFERRAL_ESCALATED')).toBeUndefined();
    await waitForCondition(
      'the alert told to the desk',
      async () => (await find('bp3mi.ntt', 'ALERT_DELIVERED')) !== undefined,
    );
    expect(await find('bp3mi.ntt', 'ALERT_DELIVERED')).toMatchObject({
      reference: 'ALR-2026-000042',
      link: `https://simpul.test/peringatan/${alertId}`,
    });

    // Emails: the escalation to the supervisor, the CRITICAL alert to both; as .eml files.
    // Quoted-printable soft line breaks undone, so that a link or a name reads as one string.
    const emails = () =>
      readdirSync(mailDir)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => readFileSync(join(mailDir, f), 'utf8').replace(/=\r?\n/g, ''));
    await waitForCondition(
      'three emails',
      () =>
        emails().filter((m) => m.includes(referral.reference) || m.includes('ALR-2026-000042'))
          .length >= 3,
    );
    const mine = emails().filter(
      (m) => m.includes(referral.reference) || m.includes('ALR-2026-000042'),
    );
    expect(mine.filter((m) => m.includes('To: kepala@bp3mi.test'))).toHaveLength(2);
    expect(mine.filter((m) => m.includes('To: meja@bp3mi.test'))).toHaveLength(1);
    const escalationMail = mine.find((m) => m.includes('REFERRAL_ESCALATED'))!;
    expect(escalationMail).toContain(`https://simpul.test/rujukan/${referral.id}`);
    for (const mail of mine) for (const personal of PERSONAL) expect(mail).not.toContain(personal);
  });

  it('tells no unit outside the receiving agency of a confidential referral’s escalation', async () => {
    const sender = await demoActor(gateway.app, 'kbri.phnompenh');
    const { referral: secret } = await openCaseAndSend(gateway.app, sender, 'BP3MI-NTT', {
      confidential: true,
    });
    const { referral: open } = await openCaseAndSend(gateway.app, sender, 'BP3MI-NTT');
    expect([secret.confidential, open.confidential]).toEqual([true, false]);
    const [bp3mi, head, gtNtt] = await Promise.all(
      ['BP3MI-NTT', 'KP2MI-PUSAT', 'GT-NTT'].map((code) => unitId(db, code)),
    );
    // The head unit is of the receiving unit's agency (its SUPERVISORs see the referral); the
    // provincial Gugus Tugas is not.
    const agencies: { agency_id: string }[] = await db.query(
      'SELECT agency_id FROM unit WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)',
      [[bp3mi, head, gtNtt]],
    );
    expect(agencies[0].agency_id).toBe(agencies[1].agency_id);
    expect(agencies[2].agency_id).not.toBe(agencies[0].agency_id);
    const escalated = (referral: typeof open, toUnitId: string, level: number) => ({
      action: HandoffAction.REFERRAL_ESCALATED,
      actorId: null,
      fromUnitId: bp3mi,
      toUnitId,
      caseId: referral.caseId,
      referralId: referral.id,
      payload: { reference: referral.reference, level, deadline: 'ACKNOWLEDGE' },
    });
    // One transaction, so one sealed batch: what GT-NTT is told of the open referral is told in
    // the same run that leaves out the confidential one.
    await gateway.app
      .get(TransactionHost)
      .run(() =>
        gateway.app
          .get(LedgerWriter)
          .append([
            escalated(secret, head, 2),
            escalated(secret, gtNtt, 3),
            escalated(open, gtNtt, 3),
          ]),
      );
    const escalationsOf = async (username: string) =>
      (await notificationsOf(username, { first: 100 })).notifications.edges
        .map((edge) => edge.node)
        .filter((node) => node.action === 'REFERRAL_ESCALATED')
        .map((node) => node.referralId);
    await waitForCondition('GT-NTT told of the open referral', async () =>
      (await escalationsOf('gugustugas.ntt')).includes(open.id),
    );
    expect(await escalationsOf('gugustugas.ntt')).not.toContain(secret.id);
    await waitForCondition('the head unit told of the confidential referral', async () =>
      (await escalationsOf('kp2mi.pusat')).includes(secret.id),
    );
  });

  it('tells the raising unit, not the acknowledging one, that its alert was acknowledged', async () => {
    const { raiseAlert } = dataOf(
      await gql<{ raiseAlert: { id: string } }>(
        'polda.ntt',
        'mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }',
        {
          input: {
            type: 'SUSPECTED_TRAFFICKING',
            severity: 'MEDIUM',
            summary: 'Calon pekerja menunggu di pelabuhan',
            regionCode: '53',
          },
        },
      ),
    );
    const find = async (username: string, action: string) =>
      (await notificationsOf(username)).notifications.edges
        .map((e) => e.node)
        .find((n) => n.action === action && n.alertId === raiseAlert.id);
    await waitForCondition(
      'the alert in the BP3MI desk',
      async () => (await find('bp3mi.ntt', 'ALERT_DELIVERED')) !== undefined,
    );
    dataOf(
      await gql('bp3mi.ntt', 'mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }', {
        id: raiseAlert.id,
      }),
    );
    await waitForCondition(
      'the acknowledgement told to the police',
      async () => (await find('polda.ntt', 'ALERT_ACKNOWLEDGED')) !== undefined,
    );
    // The desk that acknowledged is not told of its own step.
    expect(await find('bp3mi.ntt', 'ALERT_ACKNOWLEDGED')).toBeUndefined();
  });

  it('gives the demo cast work addresses on the reserved .invalid domain, never overriding an ADMIN one', async () => {
    const rows: { username: string; address: string }[] = await db.query(
      `SELECT o.username, w.address FROM officer_work_email w JOIN officer o ON o.id = w.officer_id
        WHERE o.username = ANY($1::text[]) ORDER BY o.username`,
      [['gugustugas.ntt', 'polda.ntt']],
    );
    expect(rows).toEqual([
      { username: 'gugustugas.ntt', address: 'gugustugas.ntt@demo.simpul.invalid' },
      { username: 'polda.ntt', address: 'polda.ntt@demo.simpul.invalid' },
    ]);
    // A second preparation (every `npm start`) keeps what an ADMIN set.
    const { seedDemoWorkEmails } = await import('@simpul/notification');
    await db.query(`UPDATE officer_work_email SET address = 'gt@ntt.test'
      WHERE officer_id = (SELECT id FROM officer WHERE username = 'gugustugas.ntt')`);
    expect(await seedDemoWorkEmails(db.manager, ['gugustugas.ntt'])).toBe(0);
    const [kept]: { address: string }[] = await db.query(
      `SELECT address FROM officer_work_email
        WHERE officer_id = (SELECT id FROM officer WHERE username = 'gugustugas.ntt')`,
    );
    expect(kept.address).toBe('gt@ntt.test');
  });

  it('signs webhooks, delivers to a receiver that was down once it is back, and parks what keeps failing for ADMIN to replay', async () => {
    const CREATE = `mutation ($input: CreateWebhookEndpointInput!) {
      createWebhookEndpoint(input: $input) { id unitCode url active pendingDeliveries } }`;
    const uptd = await unitId(db, 'UPTDPPA-NTT');
    const input = { unitId: uptd, url: receiver.url, secret: SECRET };
    expect(errorCode(await gql('uptdppa.ntt', CREATE, { input }))).toBe('FORBIDDEN');
    expect(errorCode(await gql('admin', CREATE, { input: { ...input, secret: 'short' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await gql('admin', CREATE, { input: { ...input, url: 'ftp://x.test/' } })),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await gql('admin', CREATE, { input: { ...input, url: 'https://simpul.test/hook' } }),
      ),
    ).toBe('BAD_USER_INPUT');
    const created = dataOf(
      await gql<{ createWebhookEndpoint: { id: string; unitCode: string } }>('admin', CREATE, {
        input,
      }),
    );
    expect(created.createWebhookEndpoint.unitCode).toBe('UPTDPPA-NTT');
    const [ledgerEntry]: { payload: Record<string, unknown> }[] = await db.query(
      `SELECT payload FROM ledger_entry WHERE action = 'WEBHOOK_ENDPOINT_CREATED' AND payload->>'webhookEndpointId' = $1`,
      [created.createWebhookEndpoint.id],
    );
    expect(ledgerEntry.payload.origin).toBe(`http://127.0.0.1:${receiver.port}`);
    expect(JSON.stringify(ledgerEntry.payload)).not.toContain('path-secret');
    expect(JSON.stringify(ledgerEntry.payload)).not.toContain(SECRET);
    const [stored]: { secret_sealed: string }[] = await db.query(
      'SELECT secret_sealed FROM webhook_endpoint WHERE id = $1',
      [created.createWebhookEndpoint.id],
    );
    expect(stored.secret_sealed).not.toContain(SECRET);

    // The receiver is down while the referral is delivered: the first attempts fail.
    const sender = await demoActor(gateway.app, 'kbri.phnompenh');
    const { referral } = await openCaseAndSend(gateway.app, sender, 'UPTDPPA-NTT');
    await waitForCondition('a failed attempt', async () => {
      const [row]: { attempts: number }[] = await db.query(
        `SELECT d.attempts FROM webhook_delivery d JOIN ledger_entry e ON e.seq = d.seq
          WHERE d.endpoint_id = $1 AND e.referral_id = $2`,
        [created.createWebhookEndpoint.id, referral.id],
      );
      return (row?.attempts ?? 0) >= 1;
    });
    await receiver.start();
    await waitForCondition(
      'the delivery once the receiver is back',
      () => receiver.received.some((r) => r.body.includes(referral.id)),
      30_000,
    );
    const got = receiver.received.find((r) => r.body.includes(referral.id))!;
    expect(
      verifyWebhookSignature(
        SECRET,
        got.body,
        got.headers[SIGNATURE_HEADER.toLowerCase()] as string,
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        `${SECRET}x`,
        got.body,
        got.headers[SIGNATURE_HEADER.toLowerCase()] as string,
      ),
    ).toBe(false);
    const body = JSON.parse(got.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      event: 'REFERRAL_DELIVERED',
      unit: 'UPTDPPA-NTT',
      fromUnit: 'KBRI-PHNOMPENH',
      toUnit: 'UPTDPPA-NTT',
      referralId: referral.id,
      reference: referral.reference,
      link: `https://simpul.test/rujukan/${referral.id}`,
    });
    expect(got.headers['simpul-delivery']).toBe(body.id);
    for (const personal of PERSONAL) expect(got.body).not.toContain(personal);

    // A receiver that keeps failing: the row is parked, ADMIN sees and replays it.
    receiver.status = 500;
    const { referral: second } = await openCaseAndSend(gateway.app, sender, 'UPTDPPA-NTT');
    // Other files park rows in the run's database too: the filter finds this one.
    const PARKED = `query ($ids: [ID!]) {
      parkedOutboxRows(first: 5, filter: { ids: $ids, jobName: "deliver-webhook" }) {
        id jobName failures lastError } }`;
    let parkedId: string | undefined;
    await waitForCondition(
      'the webhook delivery parked',
      async () => {
        const rows: { id: string }[] = await db.query(
          `SELECT o.id::text FROM outbox o JOIN webhook_delivery d ON d.id = (o.payload->>'deliveryId')::uuid
             JOIN ledger_entry e ON e.seq = d.seq
            WHERE o.job_name = 'deliver-webhook' AND o.parked_at IS NOT NULL AND e.referral_id = $1`,
          [second.id],
        );
        parkedId = rows[0]?.id;
        return parkedId !== undefined;
      },
      60_000,
      200,
    );
    const parked = dataOf(
      await gql<{ parkedOutboxRows: { id: string; jobName: string; lastError: string }[] }>(
        'admin',
        PARKED,
        { ids: [parkedId] },
      ),
    );
    expect(parked.parkedOutboxRows).toEqual([
      expect.objectContaining({
        id: parkedId,
        jobName: 'deliver-webhook',
        lastError: expect.stringContaining('HTTP 500'),
      }),
    ]);
    const endpoints = dataOf(
      await gql<{
        webhookEndpoints: { id: string; pendingDeliveries: number; lastError: string }[];
      }>('admin', '{ webhookEndpoints { id pendingDeliveries lastError } }'),
    );
    expect(
      endpoints.webhookEndpoints.find((e) => e.id === created.createWebhookEndpoint.id),
    ).toMatchObject({
      pendingDeliveries: 1,
      lastError: expect.stringContaining('HTTP 500'),
    });
    receiver.status = 204;
    dataOf(
      await gql('admin', 'mutation ($id: ID!) { replayOutboxRow(id: $id) { id } }', {
        id: parkedId,
      }),
    );
    await waitForCondition(
      'the replayed delivery',
      () => receiver.received.some((r) => r.body.includes(second.id)),
      30_000,
    );

    // Rotating the secret signs later deliveries with the new one; deleting stops them.
    const ROTATED = `${SECRET}-rotated`;
    const UPDATE =
      'mutation ($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { id active } }';
    dataOf(
      await gql('admin', UPDATE, {
        id: created.createWebhookEndpoint.id,
        input: { secret: ROTATED },
      }),
    );
    const [updated]: { payload: Record<string, unknown> }[] = await db.query(
      `SELECT payload FROM ledger_entry WHERE action = 'WEBHOOK_ENDPOINT_UPDATED' AND payload->>'webhookEndpointId' = $1`,
      [created.createWebhookEndpoint.id],
    );
    expect(updated.payload.changed).toEqual(['secret']);
    expect(JSON.stringify(updated.payload)).not.toContain(ROTATED);
    const { referral: third } = await openCaseAndSend(gateway.app, sender, 'UPTDPPA-NTT');
    await waitForCondition(
      'the delivery signed with the rotated secret',
      () => receiver.received.some((r) => r.body.includes(third.id)),
      30_000,
    );
    const rotated = receiver.received.find((r) => r.body.includes(third.id))!;
    expect(
      verifyWebhookSignature(ROTATED, rotated.body, rotated.headers['simpul-signature'] as string),
    ).toBe(true);
    expect(
      dataOf(
        await gql<{ deleteWebhookEndpoint: boolean }>(
          'admin',
          'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }',
          { id: created.createWebhookEndpoint.id },
        ),
      ).deleteWebhookEndpoint,
    ).toBe(true);
    expect(
      errorCode(
        await gql('admin', 'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', {
          id: created.createWebhookEndpoint.id,
        }),
      ),
    ).toBe('NOT_FOUND');
  });
});
