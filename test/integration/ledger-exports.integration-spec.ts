import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import {
  checkpointFingerprint,
  parseLedgerDocument,
  verifyLedgerDocument,
  type PublishedKeys,
} from '@simpul/ledger';
import { dataSourceOf } from '../support/boot-in-process';
import { loginAs, type Session } from '../support/login-as';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';
import { startLedgerSequencer, waitForLedgerSealed } from '../support/start-ledger-sequencer';

const VERIFY = join(process.cwd(), 'scripts/simpul-verify.mjs');

/** A command's exit status and output, without blocking the event loop (the gateway's sockets live on). */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; out: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out }));
  });
}

describe('ledger exports, case dossiers and the offline verifier', () => {
  let gateway: RunningGateway;
  let sequencer: INestApplicationContext;
  let auditor: Session;
  let admin: Session;
  let desk: Session;
  let caseId: string;
  let dir: string;
  let keysFile: string;

  const get = (path: string, session?: Session) =>
    fetch(`${gateway.baseUrl}${path}`, {
      headers: session ? { authorization: `Bearer ${session.token}` } : {},
    });

  /** Runs the offline verifier as an auditor would: a file and the keys, nothing else. */
  const verify = (text: string, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, [VERIFY, file, '--keys', keysFile], {
      encoding: 'utf8',
    });
    return { status: run.status, out: `${run.stdout}${run.stderr}` };
  };

  beforeAll(async () => {
    gateway = await startHardenedGateway();
    sequencer = await startLedgerSequencer();
    auditor = await loginAs(gateway.graphqlUrl, 'auditor');
    admin = await loginAs(gateway.graphqlUrl, 'admin');
    desk = await loginAs(gateway.graphqlUrl, 'bp3mi.ntt');
    const lead = await demoActor(gateway.app, 'kbri.phnompenh');
    ({ caseId } = await openCaseAndSend(gateway.app, lead, 'BP3MI-NTT'));
    await openCaseAndSend(gateway.app, lead, 'KEMLU-PWNI');
    await waitForLedgerSealed(dataSourceOf(gateway.app));
    dir = mkdtempSync(join(tmpdir(), 'simpul-exports-'));
    keysFile = join(dir, 'simpul-ledger-keys.json');
    const keys = await fetch(`${gateway.baseUrl}/.well-known/simpul-ledger-keys.json`);
    writeFileSync(keysFile, await keys.text());
  }, 60_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await sequencer?.close();
    await gateway?.close();
  });

  it('exports the whole ledger as JSON Lines that the offline verifier accepts', async () => {
    await admin.client.data('mutation { issueCheckpoint { treeSize } }');
    const response = await get('/exports/ledger.jsonl', auditor);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/jsonl/);
    const announced = Number(response.headers.get('x-simpul-entries'));
    const text = await response.text();
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(announced + 2);
    const header = JSON.parse(lines[0]) as { kind: string; count: number; checkpoint: object };
    expect(header).toMatchObject({
      type: 'simpul-ledger-export/v1',
      kind: 'ledger',
      count: announced,
    });
    const keys = JSON.parse(readFileSync(keysFile, 'utf8')) as PublishedKeys;
    expect(verifyLedgerDocument(parseLedgerDocument(text), keys).ok).toBe(true);
    const run = verify(text, 'ledger.jsonl');
    expect(run.out).toContain('VERIFIED');
    expect(run.status).toBe(0);
  });

  it('names the first tampered seq when the file is changed, and refuses a cut file', async () => {
    const text = await (await get('/exports/ledger.jsonl', admin)).text();
    const lines = text.trim().split('\n');
    const target = JSON.parse(lines[3]) as { seq: string; action: string };
    lines[3] = JSON.stringify({ ...JSON.parse(lines[3]), action: 'REFERRAL_REJECTED' });
    const tampered = verify(`${lines.join('\n')}\n`, 'tampered.jsonl');
    expect(tampered.status).toBe(1);
    expect(tampered.out).toContain(`FAIL  seq ${target.seq}: entryHash does not recompute`);
    const cut = verify(`${text.trim().split('\n').slice(0, -2).join('\n')}\n`, 'cut.jsonl');
    expect(cut.status).not.toBe(0);
  });

  it('exports a range with inclusion proofs and a consistency proof between two checkpoints', async () => {
    const first = await admin.client.data<{ issueCheckpoint: { treeSize: string } }>(
      'mutation { issueCheckpoint { treeSize } }',
    );
    await openCaseAndSend(
      gateway.app,
      await demoActor(gateway.app, 'kbri.phnompenh'),
      'KP2MI-PUSAT',
    );
    await waitForLedgerSealed(dataSourceOf(gateway.app));
    const second = await admin.client.data<{ issueCheckpoint: { treeSize: string } }>(
      'mutation { issueCheckpoint { treeSize } }',
    );
    const to = Number(second.issueCheckpoint.treeSize);
    const response = await get(
      `/exports/ledger.jsonl?from=2&to=${to}&consistencyFrom=${first.issueCheckpoint.treeSize}`,
      auditor,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-simpul-entries')).toBe(String(to - 2));
    const text = await response.text();
    const doc = parseLedgerDocument(text);
    expect(doc.kind).toBe('range');
    expect(doc.entries[0].inclusionProof?.treeSize).toBe(String(to));
    const run = verify(text, 'range.jsonl');
    expect(run.out).toContain('every entry is included in the signed tree');
    expect(run.out).toContain(
      `the tree of ${to} entries extends the one of ${first.issueCheckpoint.treeSize}`,
    );
    expect(run.status).toBe(0);
    // A proof path altered in transit no longer leads to the signed root.
    const lines = text.trim().split('\n');
    const entry = JSON.parse(lines[2]) as { seq: string; inclusionProof: { auditPath: string[] } };
    entry.inclusionProof.auditPath[0] = 'ee'.repeat(32);
    lines[2] = JSON.stringify(entry);
    const bad = verify(`${lines.join('\n')}\n`, 'bad-range.jsonl');
    expect(bad.status).toBe(1);
    expect(bad.out).toContain(`FAIL  seq ${entry.seq}: not included in the signed tree`);
  });

  it('lets only AUDITOR and ADMIN export the ledger, and answers bad ranges with BAD_USER_INPUT', async () => {
    expect((await get('/exports/ledger.jsonl')).status).toBe(401);
    const refused = await get('/exports/ledger.jsonl', desk);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    for (const query of ['from=x', 'to=99999999', 'from=5&to=2', 'consistencyFrom=999999']) {
      const response = await get(`/exports/ledger.jsonl?${query}`, auditor);
      expect([query, response.status]).toEqual([query, 400]);
      expect(await response.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    }
  });

  it("gives the auditor a case dossier that verifies offline and holds no one's identity", async () => {
    const response = await get(`/exports/cases/${caseId}/dossier.json`, auditor);
    expect(response.status).toBe(200);
    const text = await response.text();
    const dossier = JSON.parse(text) as {
      case: { id: string; reference: string };
      checkpoint: { treeSize: string; rootHash: string; issuedAt: string; keyId: string };
      checkpointFingerprint: string;
      entries: { caseId: string; seq: string }[];
    };
    expect(response.headers.get('x-simpul-entries')).toBe(String(dossier.entries.length));
    expect(dossier.entries.length).toBeGreaterThanOrEqual(2);
    expect(dossier.entries.every((e) => e.caseId === caseId)).toBe(true);
    const [{ count }] = await dataSourceOf(gateway.app).query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM ledger_entry WHERE case_id = $1',
      [caseId],
    );
    expect(dossier.entries).toHaveLength(count);
    expect(dossier.checkpointFingerprint).toBe(checkpointFingerprint(dossier.checkpoint));
    // Seeded by openCaseAndSend: the person's name, the case title, the referral summary.
    for (const secret of ['Korban Uji', 'Pekerja migran', 'Mohon pemulangan', '1998-04-01']) {
      expect(text).not.toContain(secret);
    }
    const run = verify(text, 'dossier.json');
    expect(run.out).toContain(dossier.checkpointFingerprint);
    expect(run.out).toContain('VERIFIED');
    expect(run.status).toBe(0);

    const html = await get(`/exports/cases/${caseId}/dossier.html`, auditor);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toMatch(/style-src 'sha256-/);
    const page = await html.text();
    expect(page).toContain('BERITA ACARA SERAH TERIMA');
    expect(page).toContain(dossier.case.reference);
    expect(page).toContain(dossier.checkpointFingerprint);
    expect(page).toContain('@media print');
    for (const secret of ['Korban Uji', 'Pekerja migran', 'Mohon pemulangan']) {
      expect(page).not.toContain(secret);
    }
  });

  it('verifies a dossier the way README tells someone offline: a folder with only the dossier and the keys', async () => {
    const response = await get(`/exports/cases/${caseId}/dossier.json`, auditor);
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')![1];
    const offline = mkdtempSync(join(tmpdir(), 'simpul-offline-'));
    const prefix = mkdtempSync(join(tmpdir(), 'simpul-link-'));
    try {
      writeFileSync(join(offline, name), await response.text());
      writeFileSync(join(offline, 'simpul-ledger-keys.json'), readFileSync(keysFile));
      // Nothing of the npm run that started jest (its project, its prefix) may leak in.
      const env = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
      );
      const npx = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
        run('npx', ['--no', ...args], offline, { ...env, ...extra });
      const args = ['simpul-verify', name, '--keys', 'simpul-ledger-keys.json'];
      const fromClone = await npx(['--prefix', process.cwd(), ...args]);
      expect(fromClone.out).toContain('VERIFIED');
      expect(fromClone.status).toBe(0);

      const link = await run(
        'npm',
        ['link', '--ignore-scripts', '--no-audit', '--no-fund'],
        process.cwd(),
        {
          ...env,
          npm_config_prefix: prefix,
        },
      );
      expect(link.status).toBe(0);
      const linked = await npx(args, { npm_config_prefix: prefix });
      expect(linked.out).toContain('VERIFIED');
      expect(linked.status).toBe(0);
      // The verifier wrote nothing beside the two files.
      expect(readdirSync(offline).sort()).toEqual([name, 'simpul-ledger-keys.json'].sort());
    } finally {
      rmSync(offline, { recursive: true, force: true });
      rmSync(prefix, { recursive: true, force: true });
    }
  }, 120_000);

  it('keeps dossiers for auditors: others get 403, an unknown case 404', async () => {
    expect((await get(`/exports/cases/${caseId}/dossier.json`, desk)).status).toBe(403);
    expect((await get(`/exports/cases/${caseId}/dossier.html`, admin)).status).toBe(403);
    expect((await get(`/exports/cases/${caseId}/dossier.json`)).status).toBe(401);
    const unknown = await get(
      '/exports/cases/00000000-0000-4000-8000-000000000000/dossier.json',
      auditor,
    );
    expect(unknown.status).toBe(404);
    expect((await get('/exports/cases/not-a-uuid/dossier.json', auditor)).status).toBe(404);
  });
});
