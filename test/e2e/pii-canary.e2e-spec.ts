import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { payloadDigest } from '@simpul/ledger-format';
import { errorCodeOf, type GraphqlResponse } from '../support/graphql-client';
import { findUnitIds, loginAs } from '../support/login-as';
import { startAppProcesses, type AppProcesses } from '../support/start-app-processes';
import { waitForCondition } from '../support/wait-for-condition';

/**
 * Seeds a person with distinctive identity values, drives the system through the paths that
 * touch them — including bad input built from them, and an alert whose free text names the
 * person — and then looks for the values everywhere
 * they must never be: process output (logs), errors, ledger entries, outbox rows, every Redis
 * key of the run (BullMQ jobs, events, pub/sub), and what leaves the hub about the case:
 * notifications, emails (the .eml files of MAIL_DIR) and webhook bodies.
 */
const CANARY = {
  fullName: 'Zakharia Canarywood',
  nationalId: '3171019876543210',
  passportNumber: 'QZ9988776',
  phone: '+62 899 0077 1133',
  birthDate: '1961-07-14',
};
const NEEDLES = [
  'Zakharia',
  'Canarywood',
  CANARY.nationalId,
  CANARY.passportNumber,
  '899 0077',
  CANARY.birthDate,
];
/**
 * An alert is police free text: a name, a passport, a phone in its summary and its closing note
 * stay in the alert row, shown to its units only — never in what the hub writes or sends about it.
 */
const ALERT_SUMMARY = `${CANARY.fullName} (paspor ${CANARY.passportNumber}, HP ${CANARY.phone}) ditampung perekrut`;
const found = (haystack: string) => NEEDLES.filter((needle) => haystack.includes(needle));

describe('no personal data outside its sealed column', () => {
  let apps: AppProcesses;
  const errors: GraphqlResponse<unknown>[] = [];
  const mailDir = mkdtempSync(join(tmpdir(), 'simpul-canary-mail-'));
  const webhookBodies: string[] = [];
  let receiver: Server;
  let receiverUrl: string;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        webhookBodies.push(`${JSON.stringify(req.headers)}\n${body}`);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const address = receiver.address();
    receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
    apps = await startAppProcesses({
      env: {
        ...process.env,
        LOG_LEVEL: 'debug',
        MAIL_DIR: mailDir,
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      },
    });
  }, 90_000); // two processes to start and become ready (up to 60 s each)
  afterAll(async () => {
    await apps?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
    rmSync(mailDir, { recursive: true, force: true });
  });

  it('keeps the canary out of logs, errors, ledger, outbox and Redis', async () => {
    const lead = await loginAs(apps.graphqlUrl, 'kbri.phnompenh');
    const receiver = await loginAs(apps.graphqlUrl, 'kemlu.pwni');
    const units = await findUnitIds(lead.client);
    // Dit. PWNI's agency system gets webhooks, and its desk officer email for escalations.
    const admin = await loginAs(apps.graphqlUrl, 'admin');
    await admin.client.data(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id } }`,
      {
        input: {
          unitId: units.get('KEMLU-PWNI'),
          url: receiverUrl,
          secret: 'canary-webhook-secret-0123456789abcdef',
        },
      },
    );
    const { me } = await receiver.client.data<{ me: { id: string } }>('{ me { id } }');
    await admin.client.data(
      `mutation($id: ID!) { setOfficerWorkEmail(officerId: $id, workEmail: "pwni.meja@kemlu.test") }`,
      { id: me.id },
    );
    const { openCase } = await lead.client.data<{
      openCase: { id: string; persons: { id: string }[] };
    }>(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id persons { id } } }`, {
      input: {
        title: 'Kasus kanari',
        exploitationTypes: ['ONLINE_SCAM'],
        persons: [{ ...CANARY, sex: 'MALE' }],
      },
    });
    const personId = openCase.persons[0].id;
    const { sendReferral } = await lead.client.data<{ sendReferral: { id: string } }>(
      `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }`,
      {
        input: {
          caseId: openCase.id,
          toUnitId: units.get('KEMLU-PWNI'),
          services: ['REPATRIATION'],
          priority: 'EMERGENCY',
          summary: 'Pemulangan',
          personIds: [personId],
          lawfulBasis: { basis: 'VITAL_INTEREST' },
        },
      },
    );
    await waitForCondition('delivery', async () => {
      const { referral } = await receiver.client.data<{ referral: { delivery: string } }>(
        `query($id: ID!) { referral(id: $id) { delivery } }`,
        { id: sendReferral.id },
      );
      return referral.delivery === 'DELIVERED';
    });
    const read = await receiver.client.data<{ case: { persons: { fullName: string }[] } }>(
      `query($id: ID!) { case(id: $id) { persons { fullName nationalId passportNumber phone } } }`,
      { id: openCase.id },
    );
    expect(read.case.persons[0].fullName).toBe(CANARY.fullName);

    // An alert about someone abroad, CRITICAL: Dit. PWNI's desk is emailed and its system gets
    // the webhook; the summary and the closing note name the person.
    const police = await loginAs(apps.graphqlUrl, 'polri.ppo');
    const { raiseAlert } = await police.client.data<{ raiseAlert: { id: string } }>(
      `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }`,
      {
        input: {
          type: 'VICTIM_LOCATED_ABROAD',
          severity: 'CRITICAL',
          countryCode: 'KH',
          summary: ALERT_SUMMARY,
          exploitationTypes: ['ONLINE_SCAM'],
        },
      },
    );
    await waitForCondition('the alert delivered to Dit. PWNI', async () => {
      const { alert } = await receiver.client.data<{
        alert: { myDelivery: { delivery: string } | null };
      }>(`query($id: ID!) { alert(id: $id) { summary myDelivery { delivery } } }`, {
        id: raiseAlert.id,
      });
      return alert.myDelivery?.delivery === 'DELIVERED';
    });
    await receiver.client.data(
      `mutation($id: ID!, $note: String!) { resolveAlert(id: $id, note: $note) { id } }`,
      { id: raiseAlert.id, note: `${CANARY.fullName} dipulangkan, ${CANARY.birthDate}` },
    );
    errors.push(
      await police.client.request(
        `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }`,
        {
          input: {
            type: 'OTHER',
            severity: 'LOW',
            summary: `${ALERT_SUMMARY} ${'x'.repeat(4000)}`,
          },
        },
      ),
      await police.client.request(
        `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }`,
        {
          input: { type: 'OTHER', severity: 'LOW', summary: 'x', regionCode: CANARY.nationalId },
        },
      ),
    );

    // Bad input built from the canary: errors must name fields, never echo values.
    errors.push(
      await lead.client.request(
        `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
        {
          input: {
            title: 'x',
            exploitationTypes: ['OTHER'],
            persons: [{ fullName: 'a', sex: 'MALE', nationalId: CANARY.fullName }],
          },
        },
      ),
      await lead.client.request(
        `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }`,
        {
          id: personId,
          input: { phone: `${CANARY.fullName} ${CANARY.phone}` },
        },
      ),
      await lead.client.request(`query($nik: String) { findPersons(nationalId: $nik) { id } }`, {
        nik: CANARY.fullName,
      }),
      await lead.client.request(`{ case(id: "${CANARY.nationalId}") { id } }`),
    );
    // A NIK given as a case id has the shape of a row number, so it passes the id check and
    // names no case: NOT_FOUND — and, like every error here, without echoing the NIK.
    expect(errors.map(errorCodeOf)).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      undefined,
      'NOT_FOUND',
    ]);
    expect(found(JSON.stringify(errors))).toEqual([]);

    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      // The escalation context's entry, as it writes one: an escalation is emailed as well.
      const escalated = { level: 1, deadline: 'acknowledgeBy' };
      await db.query(
        `INSERT INTO ledger_entry (written_at, action, actor_id, from_unit_id, to_unit_id, case_id,
                                   referral_id, alert_id, note_digest, payload, payload_digest)
         VALUES (now(), 'REFERRAL_ESCALATED', NULL, $1, $1, $2, $3, NULL, NULL, $4, $5)`,
        [
          units.get('KEMLU-PWNI'),
          openCase.id,
          sendReferral.id,
          JSON.stringify(escalated),
          payloadDigest(escalated),
        ],
      );
      // Emails: the CRITICAL alert and the escalation; webhooks: the referral's delivery and
      // escalation, and the alert's delivery.
      await waitForCondition('the notifications, the emails and the webhooks', async () => {
        const mails = readdirSync(mailDir).filter((file) => file.endsWith('.eml'));
        return mails.length >= 2 && webhookBodies.length >= 3;
      });
      const { notifications } = await receiver.client.data<{
        notifications: { edges: { node: { action: string } }[] };
      }>(
        '{ notifications { edges { node { id action seq reference unitCode referralId caseId escalationLevel link } } } }',
      );
      expect(notifications.edges.map((e) => e.node.action)).toEqual(
        expect.arrayContaining(['REFERRAL_DELIVERED', 'REFERRAL_ESCALATED', 'ALERT_DELIVERED']),
      );
      expect(found(JSON.stringify(notifications))).toEqual([]);
      const stored = await db.query('SELECT * FROM notification');
      expect(found(JSON.stringify(stored.rows))).toEqual([]);
      const mails = readdirSync(mailDir).map((file) =>
        readFileSync(join(mailDir, file), 'utf8').replace(/=\r?\n/g, ''),
      );
      expect(mails.join('\n')).toContain('REFERRAL_ESCALATED');
      expect(mails.join('\n')).toContain(raiseAlert.id);
      expect(found(mails.join('\n'))).toEqual([]);
      expect(webhookBodies.join('\n')).toContain(sendReferral.id);
      expect(webhookBodies.join('\n')).toContain(raiseAlert.id);
      expect(found(webhookBodies.join('\n'))).toEqual([]);
      const deliveries = await db.query('SELECT * FROM webhook_delivery');
      expect(found(JSON.stringify(deliveries.rows))).toEqual([]);

      const ledger = await db.query('SELECT * FROM ledger_entry');
      expect(ledger.rowCount).toBeGreaterThan(0);
      expect(found(JSON.stringify(ledger.rows))).toEqual([]);
      const outbox = await db.query('SELECT * FROM outbox');
      expect(found(JSON.stringify(outbox.rows))).toEqual([]);
      const persons = await db.query('SELECT * FROM person');
      expect(found(JSON.stringify(persons.rows))).toEqual([]);
      // The alert's text is where it belongs, and only there.
      const alerts = await db.query('SELECT summary, status_note FROM alert');
      expect(JSON.stringify(alerts.rows)).toContain(CANARY.passportNumber);
    } finally {
      await db.end();
    }

    const redis = new Redis(process.env.REDIS_URL as string);
    try {
      const dump = await dumpKeys(redis, process.env.REDIS_PREFIX as string);
      expect(dump.length).toBeGreaterThan(0);
      expect(found(dump)).toEqual([]);
    } finally {
      redis.disconnect();
    }

    const output = apps.output();
    expect(output).toContain('"msg"');
    expect(found(output)).toEqual([]);
  }, 60_000);
});

/** Every value under the run's prefix (BullMQ's keys are `{prefix}:…`), as one string. */
async function dumpKeys(redis: Redis, prefix: string): Promise<string> {
  const parts: string[] = [];
  for (const pattern of [`${prefix}*`, `{${prefix}}*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      for (const key of keys) parts.push(key, await valueOf(redis, key));
      cursor = next;
    } while (cursor !== '0');
  }
  return parts.join('\n');
}

async function valueOf(redis: Redis, key: string): Promise<string> {
  switch (await redis.type(key)) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, 0, -1));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}
