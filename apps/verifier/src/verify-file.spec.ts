import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  consistencyProof,
  inclusionProof,
  inMemoryNodes,
  parseLedgerDocument,
  parsePublishedKeys,
  verifyLedgerDocument,
} from '@simpul/ledger-format';
import {
  fixtureChain,
  fixtureCheckpoint,
  fixtureSigningKey,
} from '../../../test/support/ledger-fixtures';
import { verifyFile } from './verify-file';

const key = fixtureSigningKey();
const KEYS = JSON.stringify(key.published);

// Keys out of RFC 8785 order, as PostgreSQL's jsonb hands them out, and a string to escape.
const ENTRIES = fixtureChain(12, {
  payload: (i) => ({ services: ['SHELTER'], attempt: i, note: i % 4 ? 'ok' : 'Jl. "Merdeka"\n' }),
  fromUnit: 'a6f7c2de-0d4e-4c61-9a59-2f1b0c3e7d11',
});
const lookup = inMemoryNodes(ENTRIES.map((e) => e.entryHash));
const checkpoint = (treeSize: number) => fixtureCheckpoint(ENTRIES, key, treeSize);

/** The lines of a ledger export (docs/ledger-format.md), each as an object to be spoilt. */
function exportLines(kind: 'ledger' | 'range' = 'ledger'): Record<string, unknown>[] {
  const signed = checkpoint(12);
  const entries = kind === 'ledger' ? ENTRIES : ENTRIES.slice(4, 9);
  return [
    {
      type: 'simpul-ledger-export/v1',
      kind,
      from: entries[0].seq,
      to: String(Number(entries[0].seq) + entries.length),
      count: entries.length,
      checkpoint: signed,
      consistency: [
        {
          from: checkpoint(7),
          to: signed,
          path: consistencyProof(7, 12, lookup).map((d) => d.toString('hex')),
        },
      ],
    },
    ...entries.map((e) => ({
      type: 'entry',
      ...e,
      ...(kind === 'range'
        ? {
            inclusionProof: {
              treeSize: '12',
              auditPath: inclusionProof(Number(e.seq), 12, lookup).map((d) => d.toString('hex')),
            },
          }
        : {}),
    })),
    { type: 'end', count: entries.length },
  ];
}

const text = (lines: unknown[]) =>
  `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`;

describe('verifyFile (simpul-verify streaming an export)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-verify-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;

  /** The verdict, or the message thrown, for a file — by streaming and by reading it whole. */
  function both(content: string, keys = KEYS): { streamed: unknown; whole: unknown } {
    const file = join(dir, `doc-${++n}`);
    const keysFile = join(dir, `keys-${n}`);
    writeFileSync(file, content);
    if (keys !== 'missing') writeFileSync(keysFile, keys);
    const outcome = (run: () => unknown) => {
      try {
        return run();
      } catch (error) {
        return `threw ${(error as Error).message}`;
      }
    };
    return {
      streamed: outcome(() => verifyFile(file, keysFile)),
      whole: outcome(() =>
        verifyLedgerDocument(
          parseLedgerDocument(readFileSync(file, 'utf8')),
          parsePublishedKeys(readFileSync(keysFile, 'utf8')),
        ),
      ),
    };
  }

  const spoil = (change: (lines: Record<string, unknown>[]) => unknown[], kind?: 'range') =>
    text(change(exportLines(kind)));

  const cases: [string, string, string?][] = [
    ['an intact ledger', text(exportLines())],
    ['an intact range', text(exportLines('range'))],
    ['blank lines and CRLF', `\n \r\n${text(exportLines()).replaceAll('\n', '\r\n\n')}`],
    ['an edited entry', spoil((l) => ((l[5] = { ...l[5], action: 'REFERRAL_ACCEPTED' }), l))],
    ['an edited payload', spoil((l) => ((l[3] = { ...l[3], payload: { x: 1 } }), l))],
    ['a deleted entry', spoil((l) => (l.splice(6, 1), l))],
    [
      'a deleted entry, trailer fixed',
      spoil((l) => (l.splice(6, 1), (l[12] = { type: 'end', count: 11 }), l)),
    ],
    ['swapped entries', spoil((l) => (([l[4], l[5]] = [l[5], l[4]]), l))],
    ['a cut tail, trailer fixed', spoil((l) => [...l.slice(0, 9), { type: 'end', count: 8 }])],
    ['no trailer', spoil((l) => l.slice(0, -1))],
    [
      'a broken entry, then a line that is not JSON',
      spoil((l) => ((l[2] = { ...l[2], seq: '7' }), [...l.slice(0, 8), '{oops', ...l.slice(8)])),
    ],
    ['an unknown line type', spoil((l) => [...l.slice(0, 4), { type: 'comment' }, ...l.slice(4)])],
    ['an entry without its hash', spoil((l) => ((l[4] = { ...l[4], entryHash: undefined }), l))],
    [
      'a header checkpoint without signature, and a bad line',
      spoil((l) => {
        l[0] = { ...l[0], checkpoint: { ...(l[0].checkpoint as object), signature: undefined } };
        return [...l.slice(0, 3), '[]', ...l.slice(3)];
      }),
    ],
    [
      'a header checkpoint without signature',
      spoil((l) => {
        l[0] = { ...l[0], checkpoint: { ...(l[0].checkpoint as object), signature: undefined } };
        return l;
      }),
    ],
    [
      'a forged root',
      spoil((l) => {
        l[0] = {
          ...l[0],
          checkpoint: { ...(l[0].checkpoint as object), rootHash: 'ab'.repeat(32) },
        };
        return l;
      }),
    ],
    [
      'a consistency proof that does not hold',
      spoil((l) => {
        const [proof] = l[0].consistency as { path: string[] }[];
        l[0] = { ...l[0], consistency: [{ ...proof, path: proof.path.slice(1) }] };
        return l;
      }),
    ],
    [
      'a range with a bad proof after a bad entry',
      spoil((l) => {
        l[2] = { ...l[2], inclusionProof: { treeSize: '12', auditPath: ['cd'.repeat(32)] } };
        l[4] = { ...l[4], payloadDigest: 'ab'.repeat(32) };
        return l;
      }, 'range'),
    ],
    [
      'a range with a bad proof',
      spoil((l) => {
        l[3] = { ...l[3], inclusionProof: { treeSize: '11', auditPath: [] } };
        return l;
      }, 'range'),
    ],
    [
      'a range with an entry left out, counts fixed',
      spoil((l) => [l[0], l[1], l[2], l[4], l[5], { type: 'end', count: 4 }], 'range'),
    ],
    [
      'a range cut at the end, counts fixed',
      spoil((l) => [{ ...l[0], count: 3 }, l[1], l[2], l[3], { type: 'end', count: 3 }], 'range'),
    ],
    [
      'a range header without bounds',
      spoil((l) => ((l[0] = { ...l[0], from: undefined }), l), 'range'),
    ],
    [
      'a range whose first prevHash is malformed',
      spoil((l) => ((l[1] = { ...l[1], prevHash: 'xyz' }), l), 'range'),
    ],
    [
      'a malformed prevHash after a broken entry',
      spoil((l) => {
        l[2] = { ...l[2], payloadDigest: 'ab'.repeat(32) };
        l[6] = { ...l[6], seq: '40', prevHash: 'XYZ' };
        return l;
      }, 'range'),
    ],
    [
      'a lone surrogate in a payload',
      spoil((l) => ((l[3] = { ...l[3], payload: { a: '\ud800' } }), l)),
    ],
    ['a seq that is not a number', spoil((l) => ((l[3] = { ...l[3], seq: 'three' }), l))],
    [
      'a wrong trailer count and a broken entry',
      spoil((l) => ((l[3] = { ...l[3], action: 'X' }), (l[13] = { type: 'end', count: 3 }), l)),
    ],
    ['a keys file that is not JSON', text(exportLines()), 'nope'],
    ['a keys file that is not there', text(exportLines()), 'missing'],
    ['a keys file that is not JSON, and a bad line', spoil((l) => [...l, '{']), 'nope'],
    ['a key that is not published', text(exportLines()), '{"keys":[]}'],
    [
      'a dossier',
      JSON.stringify({
        type: 'simpul-case-dossier/v1',
        checkpoint: checkpoint(12),
        entries: exportLines('range').slice(1, -1),
      }),
    ],
    ['something else', '{"type":"other"}\n{}\n'],
    ['an empty file', '\n  \n'],
  ];

  it.each(cases)('gives for %s what reading the whole file gives', (_name, content, ...rest) => {
    // (a rest parameter: Jest would take a third one for its `done` callback)
    const { streamed, whole } = both(content, rest[0]);
    expect(streamed).toEqual(whole);
  });

  it('is not fooled: the cases above include every kind of verdict', () => {
    const outcomes = cases.map(([, content, keys]) => both(content, keys).streamed);
    expect(outcomes.filter((o) => (o as { ok?: boolean }).ok === true)).toHaveLength(4);
    expect(outcomes.filter((o) => typeof o === 'string').length).toBeGreaterThan(5);
    expect(
      new Set(outcomes.map((o) => (o as { failure?: { reason: string } }).failure?.reason)).size,
    ).toBeGreaterThan(10);
  });
});
