import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, hash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canonicalJson,
  entryHash,
  GENESIS_PREV_HASH,
  hashedEntryOf,
  inclusionProof,
  inMemoryNodes,
  keyIdOf,
  MerkleAccumulator,
  payloadDigest,
  rootFromInclusionProof,
  leafHash,
  signCheckpoint,
  treeRoot,
  verifyLedgerDocument,
  rawPublicKey,
  type ExportedEntry,
  type LedgerDocument,
} from '@simpul/ledger-format';

/**
 * `npm run bench -- --mode=ledger-verify [--entries=N]`: the offline verification of a ledger of N
 * entries (default 1,000,000) as simpul-verify runs it — payload digests, entry hashes, the chain,
 * the Merkle root, the signature — against raw SHA-256 over the same bytes in the same run, and
 * inclusion-proof generation and checking. In memory, no services: it measures the algorithm.
 * Then the same ledger as an export file, checked by the built simpul-verify as an auditor runs it
 * (reading and parsing the file included).
 */
const say = (line: string) => console.log(`[bench:ledger] ${line}`);

const UUID = () => crypto.randomUUID();
const ACTIONS = ['REFERRAL_SENT', 'REFERRAL_DELIVERED', 'REFERRAL_RECEIVED', 'REFERRAL_ACCEPTED'];

export function buildLedger(n: number): ExportedEntry[] {
  const units = Array.from({ length: 40 }, UUID);
  const officers = Array.from({ length: 200 }, UUID);
  const entries: ExportedEntry[] = new Array<ExportedEntry>(n);
  let prevHash = GENESIS_PREV_HASH;
  let caseId = UUID();
  let referralId = UUID();
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < n; i++) {
    if (i % 4 === 0) {
      caseId = i % 16 === 0 ? UUID() : caseId;
      referralId = UUID();
    }
    const payload = { services: ['REPATRIATION', 'SHELTER'], priority: 'URGENT', attempt: 1 };
    const entry = {
      seq: String(i),
      at: new Date(start + i * 1000),
      action: ACTIONS[i % 4],
      actorId: i % 4 === 1 ? null : officers[i % officers.length],
      fromUnitId: units[i % units.length],
      toUnitId: units[(i + 7) % units.length],
      caseId,
      referralId,
      alertId: null,
      noteDigest: i % 5 === 0 ? createHash('sha256').update(`note ${i}`).digest('hex') : null,
      payloadDigest: payloadDigest(payload),
    };
    const hash = entryHash(prevHash, hashedEntryOf(entry));
    entries[i] = {
      ...hashedEntryOf(entry),
      payload,
      prevHash,
      entryHash: hash,
    };
    prevHash = hash;
  }
  return entries;
}

/** Wall and CPU time of `run`, in ms: on a shared machine the CPU time is what an idle core would take. */
function timed(run: () => void): Timing {
  const cpu = process.cpuUsage();
  const started = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * Raw SHA-256 over exactly the bytes verification hashes: the canonical payload, prevHash ‖
 * JCS(entry), and one leaf and one node of the Merkle tree per entry, from buffers made
 * beforehand, with Node's one-call crypto.hash. Twice: with each digest as a Buffer (the baseline
 * of the earlier figures), and as a string — Node's fastest, since a Buffer result allocates a
 * fresh backing store per call, which for inputs this small costs more than the hashing.
 */
function rawHashing(entries: readonly ExportedEntry[]): Record<'buffers' | 'strings', Timing> {
  const inputs = entries.map((e) => {
    const { payload, prevHash, entryHash: _h, inclusionProof: _p, ...hashed } = e;
    return [
      Buffer.from(canonicalJson(payload), 'utf8'),
      Buffer.concat([Buffer.from(prevHash, 'hex'), Buffer.from(canonicalJson(hashed), 'utf8')]),
    ];
  });
  const leaf = Buffer.alloc(33);
  const node = Buffer.alloc(65);
  const buffers = timed(() => {
    for (const [payload, entry] of inputs) {
      hash('sha256', payload, 'buffer');
      hash('sha256', entry, 'buffer');
    }
    // The Merkle tree's own hashing: one leaf and (about) one node per entry.
    for (let i = 0; i < entries.length; i++) {
      hash('sha256', leaf, 'buffer');
      hash('sha256', node, 'buffer');
    }
  });
  const strings = timed(() => {
    for (const [payload, entry] of inputs) {
      hash('sha256', payload, 'binary');
      hash('sha256', entry, 'binary');
    }
    for (let i = 0; i < entries.length; i++) {
      hash('sha256', leaf, 'binary');
      hash('sha256', node, 'binary');
    }
  });
  return { buffers, strings };
}

type Timing = { wallMs: number; cpuMs: number };

/** The ledger as a ledger export (docs/ledger-format.md, "Exports") and its keys, in a new directory. */
function writeExport(
  doc: LedgerDocument,
  keys: object,
): { dir: string; file: string; keysFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-bench-ledger-'));
  const file = join(dir, 'ledger.jsonl');
  const keysFile = join(dir, 'keys.json');
  writeFileSync(keysFile, JSON.stringify(keys));
  const fd = openSync(file, 'w');
  try {
    const header = {
      type: 'simpul-ledger-export/v1',
      kind: 'ledger',
      from: '0',
      to: String(doc.entries.length),
      count: doc.entries.length,
      checkpoint: doc.checkpoint,
    };
    writeSync(fd, `${JSON.stringify(header)}\n`);
    for (let i = 0; i < doc.entries.length; i += 10_000) {
      const lines = doc.entries
        .slice(i, i + 10_000)
        .map((e) => JSON.stringify({ type: 'entry', ...e }));
      writeSync(fd, `${lines.join('\n')}\n`);
    }
    writeSync(fd, `${JSON.stringify({ type: 'end', count: doc.entries.length })}\n`);
  } finally {
    closeSync(fd);
  }
  return { dir, file, keysFile };
}

/** Wall time of simpul-verify (as `npm run verify` runs it) on the file, in a process of its own. */
function verifyFileWithCli(file: string, keysFile: string): { wallMs: number; ok: boolean } {
  const cli = join(process.cwd(), 'scripts/simpul-verify.mjs');
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, file, '--keys', keysFile], { encoding: 'utf8' });
  return {
    wallMs: performance.now() - started,
    ok: run.status === 0 && run.stdout.includes('VERIFIED'),
  };
}

export function runLedgerVerificationBench(entriesWanted: number): void {
  say(`building a ledger of ${entriesWanted.toLocaleString('en')} entries`);
  const entries = buildLedger(entriesWanted);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const accumulator = new MerkleAccumulator();
  for (const e of entries) accumulator.appendEntryHash(e.entryHash);
  const body = {
    treeSize: String(entries.length),
    rootHash: accumulator.root().toString('hex'),
    issuedAt: new Date().toISOString(),
    keyId: keyIdOf(publicKey),
  };
  const doc: LedgerDocument = {
    kind: 'ledger',
    checkpoint: { ...body, signature: signCheckpoint(body, privateKey) },
    entries,
    declaredCount: entries.length,
  };
  const keys = {
    keys: [
      {
        keyId: body.keyId,
        algorithm: 'Ed25519' as const,
        publicKey: rawPublicKey(publicKey).toString('base64'),
        status: 'current' as const,
      },
    ],
  };

  const raw = rawHashing(entries);
  let verdict: ReturnType<typeof verifyLedgerDocument> | undefined;
  const verify = timed(() => {
    verdict = verifyLedgerDocument(doc, keys);
  });
  if (!verdict?.ok) throw new Error(`the bench ledger did not verify: ${verdict?.failure?.reason}`);

  const lookup = inMemoryNodes(entries.map((e) => e.entryHash));
  const root = treeRoot(entries.length, lookup);
  const proofs = 10_000;
  const proofStart = performance.now();
  for (let i = 0; i < proofs; i++) {
    const seq = (i * 7919) % entries.length;
    const path = inclusionProof(seq, entries.length, lookup);
    const back = rootFromInclusionProof(
      seq,
      entries.length,
      leafHash(entries[seq].entryHash),
      path,
    );
    if (!back?.equals(root)) throw new Error(`proof of seq ${seq} did not verify`);
  }
  const proofMs = performance.now() - proofStart;

  say(`writing the ledger as an export file`);
  const exported = writeExport(doc, keys);
  let cli: { wallMs: number; ok: boolean };
  try {
    cli = verifyFileWithCli(exported.file, exported.keysFile);
  } finally {
    rmSync(exported.dir, { recursive: true, force: true });
  }
  if (!cli.ok) throw new Error('simpul-verify did not verify the bench export');

  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
  const line = ({ wallMs, cpuMs }: Timing) =>
    `${wallMs.toFixed(0)} ms (${perSecond(entries.length, wallMs)} entries/s), CPU ${cpuMs.toFixed(0)} ms`;
  const ratio = (of: Timing) =>
    `${(of.wallMs / verify.wallMs).toFixed(2)}× (CPU: ${(of.cpuMs / verify.cpuMs).toFixed(2)}×)`;
  say(`raw SHA-256 over the same bytes, digests as Buffers: ${line(raw.buffers)}`);
  say(`raw SHA-256 over the same bytes, digests as strings: ${line(raw.strings)}`);
  say(`simpul-verify's verification in memory:     ${line(verify)}`);
  say(
    `  = ${ratio(raw.strings)} raw hashing with string digests, ${ratio(raw.buffers)} with Buffers`,
  );
  say(
    `simpul-verify on the export file (read, parse, verify; own process): ${cli.wallMs.toFixed(0)} ms (${perSecond(entries.length, cli.wallMs)} entries/s)`,
  );
  say(
    `inclusion proofs (build + check, tree of ${entries.length.toLocaleString('en')}): ${perSecond(proofs, proofMs)} proofs/s`,
  );
  say(
    `targets: ≥ 0.3× raw hashing, 1M entries under 10 s; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
