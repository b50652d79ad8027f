import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DeliveryState } from '@simpul/referral';
import { bootWorker, dataSourceOf } from '../support/boot-in-process';
import { errorCode, graphqlRequest, signIn, dataOf } from '../support/graphql-http';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';
import { waitForCondition } from '../support/wait-for-condition';

const PARK_AFTER = 2;
const ROW = 'id queue jobName createdAt dispatchCount failures lastError parkedAt doneAt';
// Other files park rows in the run's database too: the filter finds this file's own.
const PARKED = `query ($filter: ParkedOutboxRowFilter) {
  parkedOutboxRows(first: 10, filter: $filter) { ${ROW} } }`;
const REPLAY = `mutation ($id: ID!) { replayOutboxRow(id: $id) { ${ROW} } }`;

interface OutboxRow {
  id: string;
  queue: string;
  jobName: string;
  dispatchCount: number;
  failures: number;
  lastError: string | null;
  parkedAt: string | null;
  doneAt: string | null;
}

/**
 * One bad outbox row (a queue name BullMQ refuses) no longer stops the relay: after a few attempts
 * it is parked with its error, counted in /health/ready (which stays ready), and everything else
 * flows. ADMIN lists it and, once the cause is fixed, replays it — on the ledger — and it completes.
 */
describe('parked outbox rows', () => {
  let gateway: RunningGateway;
  let worker: INestApplicationContext | undefined;
  let db: DataSource;

  beforeAll(async () => {
    gateway = await startHardenedGateway();
    db = dataSourceOf(gateway.app);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await gateway?.close();
  });

  const deliveryOf = async (referralId: string): Promise<DeliveryState> => {
    const [row]: { delivery: DeliveryState }[] = await db.query(
      'SELECT delivery FROM referral WHERE id = $1',
      [referralId],
    );
    return row.delivery;
  };

  const ready = async () => {
    const response = await fetch(`${gateway.baseUrl}/health/ready`);
    return {
      status: response.status,
      body: (await response.json()) as { status: string; details?: { outbox: { parked: number } } },
    };
  };

  it('parks the poison row, lets the rest flow, and lets ADMIN replay it', async () => {
    const parkedBefore = (await ready()).body.details!.outbox.parked;
    const sender = await demoActor(gateway.app, 'kbri.phnompenh');
    // Sent while no worker runs, then its outbox row is spoiled: a queue name BullMQ refuses.
    const { referral: poisoned } = await openCaseAndSend(gateway.app, sender, 'KEMLU-PWNI');
    await db.query(
      `UPDATE outbox SET queue = 'no:such:queue' WHERE payload->>'referralId' = $1::text`,
      [poisoned.id],
    );
    const [{ id: rowId }]: { id: string }[] = await db.query(
      `SELECT id::text FROM outbox WHERE payload->>'referralId' = $1::text`,
      [poisoned.id],
    );

    worker = await bootWorker({
      OUTBOX_SWEEP_MS: '200',
      OUTBOX_PARK_AFTER_FAILURES: String(PARK_AFTER),
    });
    // The rest flows: a referral sent after the poison is delivered.
    const { referral: healthy } = await openCaseAndSend(gateway.app, sender, 'KEMLU-PWNI');
    await waitForCondition(
      'the healthy referral delivered',
      async () => (await deliveryOf(healthy.id)) === DeliveryState.DELIVERED,
    );
    await waitForCondition('the poison row parked', async () => {
      const [row]: { parked: boolean }[] = await db.query(
        'SELECT parked_at IS NOT NULL AS parked FROM outbox WHERE id = $1',
        [rowId],
      );
      return row.parked;
    });
    expect(await deliveryOf(poisoned.id)).toBe(DeliveryState.PENDING);

    // Health counts it and stays ready: parked work is an operator's matter, not an outage.
    const health = await ready();
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.details!.outbox.parked).toBe(parkedBefore + 1);

    // ADMIN sees it, with its error and without its payload.
    const admin = await signIn(gateway.graphqlUrl, 'admin');
    const parked = async (filter: Record<string, unknown>) =>
      await graphqlRequest<{ parkedOutboxRows: OutboxRow[] }>(
        gateway.graphqlUrl,
        PARKED,
        { filter },
        { token: admin.accessToken },
      );
    const listed = dataOf(await parked({ ids: [rowId] })).parkedOutboxRows;
    expect(listed.map((row) => row.id)).toEqual([rowId]);
    const [shown] = listed;
    expect(shown).toMatchObject({
      queue: 'no:such:queue',
      jobName: 'deliver-referral',
      dispatchCount: 0,
      failures: PARK_AFTER,
      lastError: 'Error: Queue name cannot contain :',
      doneAt: null,
    });
    expect(shown.parkedAt).toEqual(expect.any(String));
    expect(JSON.stringify(listed)).not.toContain(poisoned.id);
    // Every field of the filter narrows: by queue and by job (other files may park rows of the
    // same kind in the run's database: all shown are of it, this one among them), and together
    // with the id to this row alone; a job or queue it is not of leaves nothing.
    for (const filter of [
      { queue: 'no:such:queue' },
      { queue: 'no:such:queue', jobName: 'deliver-referral' },
    ]) {
      const rows = dataOf(await parked(filter)).parkedOutboxRows;
      expect(rows.map((row) => row.id)).toContain(rowId);
      for (const row of rows) expect(row).toMatchObject(filter);
    }
    // (Other files' deliver-referral rows may fill the first 10: only what is shown is checked.)
    const ofJob = dataOf(await parked({ jobName: 'deliver-referral' })).parkedOutboxRows;
    expect(ofJob.length).toBeGreaterThan(0);
    for (const row of ofJob) expect(row.jobName).toBe('deliver-referral');
    expect(
      dataOf(
        await parked({ ids: [rowId], jobName: 'deliver-referral', queue: 'no:such:queue' }),
      ).parkedOutboxRows.map((row) => row.id),
    ).toEqual([rowId]);
    for (const filter of [
      { ids: [rowId], jobName: 'deliver-webhook' },
      { ids: [rowId], queue: 'delivery' },
      { ids: ['999999999999'] },
    ]) {
      expect(dataOf(await parked(filter)).parkedOutboxRows).toEqual([]);
    }
    for (const filter of [
      { ids: ['abc'] },
      { ids: ['-1'] },
      { jobName: '' },
      { queue: 'x'.repeat(101) },
    ]) {
      expect(errorCode(await parked(filter))).toBe('BAD_USER_INPUT');
    }

    // Nobody else does.
    const officer = await signIn(gateway.graphqlUrl, 'kbri.phnompenh');
    for (const [query, variables] of [
      [PARKED, { filter: { ids: [rowId] } }],
      [REPLAY, { id: rowId }],
    ] as const) {
      expect(
        errorCode(
          await graphqlRequest(gateway.graphqlUrl, query, variables, {
            token: officer.accessToken,
          }),
        ),
      ).toBe('FORBIDDEN');
    }

    // The cause fixed, ADMIN replays it and it completes.
    await db.query(`UPDATE outbox SET queue = 'delivery' WHERE id = $1`, [rowId]);
    const replayed = dataOf(
      await graphqlRequest<{ replayOutboxRow: OutboxRow }>(
        gateway.graphqlUrl,
        REPLAY,
        { id: rowId },
        { token: admin.accessToken },
      ),
    ).replayOutboxRow;
    expect(replayed).toMatchObject({ id: rowId, parkedAt: null, failures: 0 });
    await waitForCondition(
      'the replayed referral delivered',
      async () => (await deliveryOf(poisoned.id)) === DeliveryState.DELIVERED,
    );
    await waitForCondition('the replayed row done', async () => {
      const [row]: { done: boolean }[] = await db.query(
        'SELECT done_at IS NOT NULL AS done FROM outbox WHERE id = $1',
        [rowId],
      );
      return row.done;
    });
    const delivered: unknown[] = await db.query(
      `SELECT seq FROM ledger_entry WHERE action = 'REFERRAL_DELIVERED' AND referral_id = $1`,
      [poisoned.id],
    );
    expect(delivered).toHaveLength(1);
    expect((await ready()).body.details!.outbox.parked).toBe(parkedBefore);

    // The replay is on the ledger like every ADMIN action: the admin, the row, nothing personal.
    const entries: { actor_id: string; payload: Record<string, unknown> }[] = await db.query(
      `SELECT actor_id, payload FROM ledger_entry WHERE action = 'OUTBOX_ROW_REPLAYED'
        AND payload->>'outboxRowId' = $1`,
      [rowId],
    );
    expect(entries).toEqual([
      {
        actor_id: admin.officer.id,
        payload: { outboxRowId: rowId, jobName: 'deliver-referral', failures: PARK_AFTER },
      },
    ]);

    // A row that is not parked cannot be replayed; an unknown one is not found.
    const again = await graphqlRequest(
      gateway.graphqlUrl,
      REPLAY,
      { id: rowId },
      {
        token: admin.accessToken,
      },
    );
    expect(errorCode(again)).toBe('CONFLICT');
    // A row number that names no row is NOT_FOUND; anything that cannot be an id is refused.
    for (const [id, code] of [
      ['999999999999', 'NOT_FOUND'],
      ['abc', 'BAD_USER_INPUT'],
      ['-1', 'BAD_USER_INPUT'],
    ]) {
      expect(
        errorCode(
          await graphqlRequest(gateway.graphqlUrl, REPLAY, { id }, { token: admin.accessToken }),
        ),
      ).toBe(code);
    }
  }, 90_000);
});
