import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { entryHash, GENESIS_PREV_HASH, hashedEntryOf, payloadDigest } from '@simpul/ledger';
import { bootWorker } from '../support/boot-in-process';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { loginAs, type Session } from '../support/login-as';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';
import { waitForLedgerSealed } from '../support/start-ledger-sequencer';
import { waitForCondition } from '../support/wait-for-condition';

const VERIFY = join(process.cwd(), 'scripts/simpul-verify.mjs');

interface Verification {
  id: string;
  status: string;
  firstBadSeq: string | null;
  reason: string | null;
  checkedEntries: string | null;
}

/** Recomputes prev_hash and entry_hash from seq `from` on, as a forger covering a change would. */
async function rechain(db: Client, from: number): Promise<void> {
  const [prev] = (
    await db.query<{ entry_hash: string }>('SELECT entry_hash FROM ledger_entry WHERE seq = $1', [
      from - 1,
    ])
  ).rows;
  let prevHash = from === 0 ? GENESIS_PREV_HASH : prev.entry_hash;
  const { rows } = await db.query<Record<string, never>>(
    'SELECT * FROM ledger_entry WHERE seq >= $1 ORDER BY seq',
    [from],
  );
  for (const row of rows) {
    const hash = entryHash(
      prevHash,
      hashedEntryOf({
        seq: String(row.seq),
        at: row.at,
        action: row.action,
        actorId: row.actor_id,
        fromUnitId: row.from_unit_id,
        toUnitId: row.to_unit_id,
        caseId: row.case_id,
        referralId: row.referral_id,
        alertId: row.alert_id,
        noteDigest: row.note_digest,
        payloadDigest: row.payload_digest,
      }),
    );
    await db.query('UPDATE ledger_entry SET prev_hash = $2, entry_hash = $3 WHERE seq = $1', [
      row.seq,
      prevHash,
      hash,
    ]);
    prevHash = hash;
  }
  await db.query('UPDATE ledger_head SET last_hash = $1', [prevHash]);
}

/** Writes a copy of the last entry after it, around the sequencer (hashes to be fixed by rechain). */
async function appendCopyOfLastEntry(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO ledger_entry (id, xact_id, written_at, seq, at, action, actor_id, from_unit_id,
       to_unit_id, case_id, referral_id, alert_id, note_digest, payload, payload_digest,
       prev_hash, entry_hash)
     OVERRIDING SYSTEM VALUE
     SELECT id + 100000, xact_id, written_at, seq + 1, at, action, actor_id, from_unit_id,
            to_unit_id, case_id, referral_id, alert_id, note_digest, payload, payload_digest,
            entry_hash, repeat('f', 64)
       FROM ledger_entry WHERE seq = (SELECT max(seq) FROM ledger_entry)`,
  );
}

/**
 * Tampering as a database superuser, around every trigger (session_replication_role = replica):
 * each change is named — first bad seq and why — by ADMIN's verifyLedger in the worker and by the
 * offline verifier on a new export. On a database of its own: the changes are undone after each.
 */
describe('tampering with the stored ledger is detected', () => {
  let isolated: IsolatedDatabase;
  let gateway: RunningGateway;
  let worker: INestApplicationContext;
  let admin: Session;
  let auditor: Session;
  let db: Client;
  let dir: string;
  let keysFile: string;
  let size: number;
  const k = 3;

  beforeAll(async () => {
    isolated = await createIsolatedDatabase('tamper');
    const env = {
      DATABASE_URL: isolated.url,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-tamper`,
      LOG_LEVEL: 'silent',
      // Checkpoints only when the test asks: none may be signed over a tampered ledger.
      CHECKPOINT_EVERY_ENTRIES: '100000000',
      CHECKPOINT_EVERY_MS: '86400000',
    };
    gateway = await startHardenedGateway(env);
    worker = await bootWorker(env);
    admin = await loginAs(gateway.graphqlUrl, 'admin');
    auditor = await loginAs(gateway.graphqlUrl, 'auditor');
    const lead = await demoActor(gateway.app, 'kbri.phnompenh');
    for (const unit of ['BP3MI-NTT', 'KEMLU-PWNI', 'KP2MI-PUSAT']) {
      await openCaseAndSend(gateway.app, lead, unit);
    }
    db = new Client({ connectionString: isolated.url });
    await db.connect();
    // The worker delivers the three referrals (REFERRAL_DELIVERED): the ledger is still once they are in.
    await waitForCondition('the referrals delivered', async () => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ledger_entry WHERE action = 'REFERRAL_DELIVERED'`,
      );
      return rows[0].n === 3;
    });
    await waitForLedgerSealed({
      query: async (sql: string): Promise<unknown> => (await db.query(sql)).rows,
    });
    const { issueCheckpoint } = await admin.client.data<{ issueCheckpoint: { treeSize: string } }>(
      'mutation { issueCheckpoint { treeSize } }',
    );
    size = Number(issueCheckpoint.treeSize);
    expect(size).toBeGreaterThan(k + 3);
    // What every tamper is undone to.
    await db.query('CREATE TABLE tamper_backup AS SELECT * FROM ledger_entry');
    await db.query('CREATE TABLE tamper_head AS SELECT * FROM ledger_head');
    dir = mkdtempSync(join(tmpdir(), 'simpul-tamper-'));
    keysFile = join(dir, 'keys.json');
    writeFileSync(
      keysFile,
      await (await fetch(`${gateway.baseUrl}/.well-known/simpul-ledger-keys.json`)).text(),
    );
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await gateway?.close();
    await isolated?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs SQL as the superuser with every trigger off: what "around the app" means. */
  async function tamper(sql: (db: Client) => Promise<void>): Promise<void> {
    await db.query('BEGIN');
    try {
      await db.query('SET LOCAL session_replication_role = replica');
      await sql(db);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  }

  async function restore(): Promise<void> {
    await tamper(async (c) => {
      await c.query('DELETE FROM ledger_entry');
      await c.query('INSERT INTO ledger_entry OVERRIDING SYSTEM VALUE SELECT * FROM tamper_backup');
      await c.query('DELETE FROM ledger_head');
      await c.query('INSERT INTO ledger_head SELECT * FROM tamper_head');
    });
  }

  async function verifyInWorker(): Promise<Verification> {
    const fields = 'id status firstBadSeq reason checkedEntries';
    const { verifyLedger } = await admin.client.data<{ verifyLedger: Verification }>(
      `mutation { verifyLedger { ${fields} } }`,
    );
    expect(verifyLedger.status).toBe('QUEUED');
    let run = verifyLedger;
    await waitForCondition(
      'the verification to finish',
      async () => {
        run = (
          await admin.client.data<{ ledgerVerification: Verification }>(
            `query($id: ID!) { ledgerVerification(id: $id) { ${fields} } }`,
            { id: verifyLedger.id },
          )
        ).ledgerVerification;
        return run.status === 'PASSED' || run.status === 'FAILED';
      },
      30_000,
    );
    return run;
  }

  async function verifyNewExport(name: string): Promise<{ status: number | null; out: string }> {
    const response = await fetch(`${gateway.baseUrl}/exports/ledger.jsonl`, {
      headers: { authorization: `Bearer ${auditor.token}` },
    });
    expect(response.status).toBe(200);
    const file = join(dir, name);
    writeFileSync(file, await response.text());
    const run = spawnSync(process.execPath, [VERIFY, file, '--keys', keysFile], {
      encoding: 'utf8',
    });
    return { status: run.status, out: `${run.stdout}${run.stderr}` };
  }

  async function health(): Promise<{ tamperSuspected: number; firstBadSeq?: number }> {
    const response = await fetch(`${gateway.baseUrl}/health/ready`);
    const body = (await response.json()) as {
      details: { ledger: { tamperSuspected: number; firstBadSeq?: number } };
    };
    return body.details.ledger;
  }

  it('passes an untouched ledger, in the worker and offline', async () => {
    const run = await verifyInWorker();
    expect(run).toMatchObject({ status: 'PASSED', firstBadSeq: null, reason: null });
    expect(Number(run.checkedEntries)).toBeGreaterThanOrEqual(size);
    expect((await health()).tamperSuspected).toBe(0);
    const offline = await verifyNewExport('clean.jsonl');
    expect(offline.out).toContain('VERIFIED');
    expect(offline.status).toBe(0);
  });

  it('names an entry written beyond the chain head that the sequencer never sealed', async () => {
    await tamper(async (c) => {
      await appendCopyOfLastEntry(c);
      await rechain(c, size);
      await c.query('UPDATE ledger_head SET last_hash = (SELECT last_hash FROM tamper_head)');
    });
    try {
      const run = await verifyInWorker();
      expect(run).toMatchObject({ status: 'FAILED', firstBadSeq: String(size) });
      expect(run.reason).toMatch(/beyond the chain head/);
    } finally {
      await restore();
    }
    // Undone, the ledger verifies again and the flag clears.
    expect((await verifyInWorker()).status).toBe('PASSED');
    expect((await health()).tamperSuspected).toBe(0);
  });

  it('signs no checkpoint over a chain rewritten under the tree and extended past it', async () => {
    // A superuser edits an entry the tree already holds, recomputes every hash after it, appends
    // one more entry and moves the chain head: the new entry links to the rewritten chain, not to
    // the leaf the tree recorded, so the hub must not fold it into a signed root.
    await tamper(async (c) => {
      await c.query(`UPDATE ledger_entry SET action = 'REFERRAL_REJECTED' WHERE seq = $1`, [k]);
      await appendCopyOfLastEntry(c);
      await rechain(c, k);
      await c.query('UPDATE ledger_head SET next_seq = next_seq + 1');
    });
    try {
      const answer = await admin.client.request('mutation { issueCheckpoint { treeSize } }');
      expect(answer.errors?.length).toBeGreaterThan(0);
      const { rows } = await db.query<{ signed: string; leaves: string }>(
        `SELECT (SELECT max(tree_size) FROM ledger_checkpoint)::text AS signed,
                (SELECT count(*) FROM merkle_node WHERE level = 0)::text AS leaves`,
      );
      expect(rows[0]).toEqual({ signed: String(size), leaves: String(size) });
    } finally {
      await restore();
    }
    expect((await verifyInWorker()).status).toBe('PASSED');
  });

  const cases: {
    name: string;
    apply: (db: Client) => Promise<void>;
    seq: () => number;
    worker: RegExp;
    offline: (seq: number) => string | RegExp;
  }[] = [
    {
      name: 'an edited entry',
      apply: async (c) => {
        await c.query(`UPDATE ledger_entry SET action = 'REFERRAL_REJECTED' WHERE seq = $1`, [k]);
      },
      seq: () => k,
      worker: /entryHash does not recompute/,
      offline: (seq) => `FAIL  seq ${seq}: entryHash does not recompute`,
    },
    {
      name: 'an edited payload',
      apply: async (c) => {
        await c.query(`UPDATE ledger_entry SET payload = '{"priority":"ROUTINE"}' WHERE seq = $1`, [
          k + 1,
        ]);
      },
      seq: () => k + 1,
      worker: /payloadDigest does not match/,
      offline: (seq) => `FAIL  seq ${seq}: payloadDigest does not match the payload`,
    },
    {
      name: 'an edited entry with the whole chain recomputed after it',
      apply: async (c) => {
        await c.query(`UPDATE ledger_entry SET action = 'REFERRAL_REJECTED' WHERE seq = $1`, [k]);
        await rechain(c, k);
      },
      seq: () => k,
      worker: /recorded when the entry was sealed/,
      offline: () => /FAIL {2}the first \d+ entries are not the ones the checkpoint signed/,
    },
    {
      name: 'a deleted entry',
      apply: async (c) => {
        await c.query('DELETE FROM ledger_entry WHERE seq = $1', [k]);
      },
      seq: () => k,
      worker: /is missing/,
      offline: (seq) => `FAIL  seq ${seq}: seq ${seq} is missing`,
    },
    {
      name: 'two entries swapped',
      apply: async (c) => {
        await c.query('UPDATE ledger_entry SET seq = -1 WHERE seq = $1', [k]);
        await c.query('UPDATE ledger_entry SET seq = $1 WHERE seq = $2', [k, k + 1]);
        await c.query('UPDATE ledger_entry SET seq = $1 WHERE seq = -1', [k + 1]);
      },
      seq: () => k,
      worker: /prevHash does not link/,
      offline: (seq) => `FAIL  seq ${seq}: prevHash does not link`,
    },
    {
      name: 'a truncated tail',
      apply: async (c) => {
        await c.query('DELETE FROM ledger_entry WHERE seq >= $1', [size - 2]);
      },
      seq: () => size - 2,
      worker: /onwards are missing/,
      offline: (seq) => `FAIL  seq ${seq}: the checkpoint covers ${size} entries`,
    },
    {
      name: 'a forged entry inserted, later entries renumbered and the chain recomputed',
      apply: async (c) => {
        await c.query('UPDATE ledger_entry SET seq = -seq - 1 WHERE seq >= $1', [k]);
        await c.query('UPDATE ledger_entry SET seq = -seq WHERE seq < 0');
        const payload = { services: ['SHELTER'] };
        await c.query(
          `INSERT INTO ledger_entry (id, xact_id, written_at, seq, at, action, actor_id, from_unit_id,
             to_unit_id, case_id, referral_id, alert_id, note_digest, payload, payload_digest,
             prev_hash, entry_hash)
           OVERRIDING SYSTEM VALUE
           SELECT max(id) + 1000, 0, now(), $1::bigint,
                  (SELECT at FROM ledger_entry WHERE seq = $1::bigint - 1),
                  'REFERRAL_ACCEPTED', NULL, NULL, NULL, NULL, NULL, NULL, NULL, $2, $3,
                  repeat('0', 64), repeat('0', 64)
             FROM ledger_entry`,
          [k, JSON.stringify(payload), payloadDigest(payload)],
        );
        await c.query('UPDATE ledger_head SET next_seq = next_seq + 1');
        await rechain(c, k);
      },
      seq: () => k,
      worker: /recorded when the entry was sealed/,
      offline: () => /FAIL {2}the first \d+ entries are not the ones the checkpoint signed/,
    },
  ];

  for (const tampering of cases) {
    it(`names ${tampering.name}: verifyLedger in the worker and the CLI on a new export`, async () => {
      await tamper(tampering.apply);
      try {
        const run = await verifyInWorker();
        expect(run.status).toBe('FAILED');
        expect(run.firstBadSeq).toBe(String(tampering.seq()));
        expect(run.reason).toMatch(tampering.worker);
        expect(await health()).toEqual({ tamperSuspected: 1, firstBadSeq: tampering.seq() });
        const offline = await verifyNewExport(`${tampering.seq()}.jsonl`);
        expect(offline.status).toBe(1);
        const expected = tampering.offline(tampering.seq());
        if (typeof expected === 'string') expect(offline.out).toContain(expected);
        else expect(offline.out).toMatch(expected);
      } finally {
        await restore();
      }
    });
  }
});
