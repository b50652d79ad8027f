import type {
  ExportedConsistency,
  ExportedEntry,
  LedgerDocument,
  LedgerDocumentHead,
  PublishedKeys,
  SignedCheckpoint,
} from './ledger-document';

/** Format markers (docs/ledger-format.md, "Exports"). */
export const LEDGER_EXPORT_TYPE = 'simpul-ledger-export/v1';
export const CASE_DOSSIER_TYPE = 'simpul-case-dossier/v1';

export class LedgerDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerDocumentError';
  }
}

type Json = Record<string, unknown>;

/**
 * Reads a ledger export (JSON Lines: a header, one line per entry, a trailer with the count) or a
 * case dossier (one JSON document) into a LedgerDocument. Throws LedgerDocumentError naming the
 * line that is not what the format says.
 */
export function parseLedgerDocument(text: string): LedgerDocument {
  const trimmed = text.trimStart();
  if (!trimmed) throw new LedgerDocumentError('the file is empty');
  const firstLine = trimmed.slice(
    0,
    trimmed.indexOf('\n') === -1 ? undefined : trimmed.indexOf('\n'),
  );
  if (isLedgerExportHeader(firstLine)) return parseExport(text);
  const whole = tryParse(trimmed);
  if (whole?.type === CASE_DOSSIER_TYPE) return parseDossier(whole);
  throw new LedgerDocumentError(
    `not a Simpul ledger export (${LEDGER_EXPORT_TYPE}) or case dossier (${CASE_DOSSIER_TYPE})`,
  );
}

/**
 * Whether a line is a ledger export's header: what parseLedgerDocument asks of the document's
 * first line that is not blank, to tell an export from a dossier.
 */
export function isLedgerExportHeader(line: string): boolean {
  return tryParse(line.trimStart())?.type === LEDGER_EXPORT_TYPE;
}

export function parsePublishedKeys(text: string): PublishedKeys {
  const doc = tryParse(text);
  if (!doc || !Array.isArray(doc.keys)) {
    throw new LedgerDocumentError('the keys file is not {"keys": [...]} JSON');
  }
  return doc as unknown as PublishedKeys;
}

function parseExport(text: string): LedgerDocument {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const entries: ExportedEntry[] = [];
  const reader = new LedgerExportReader(lines[0]);
  for (let i = 1; i < lines.length; i++) {
    const entry = reader.line(lines[i]);
    if (entry) entries.push(entry);
  }
  const { head, declaredCount } = reader.finish();
  return { ...head, entries, declaredCount };
}

/**
 * A ledger export read line by line, so that a file of any length can be checked without holding
 * it (simpul-verify streams the entries into a LedgerVerification): the header line first, then
 * `line` for every further line that is not blank, then `finish`. The same checks and messages as
 * parseLedgerDocument, in the same order: a line that is not what the format says throws at once
 * (lines are counted without the blank ones); a missing trailer, then a malformed header
 * checkpoint or consistency list, throw at `finish`.
 */
export class LedgerExportReader {
  /** The header's checkpoint and proofs, when well formed: what verification can start from. */
  readonly head: LedgerDocumentHead | undefined;
  private readonly headProblem: unknown;
  private lineNumber = 1;
  private declaredCount: number | undefined;

  constructor(headerLine: string) {
    const header = tryParse(headerLine)!;
    const kind = header.kind === 'range' ? 'range' : 'ledger';
    try {
      this.head = {
        kind,
        checkpoint: checkpointOf(header.checkpoint, 'header checkpoint'),
        consistency: consistencyOf(header.consistency),
        ...(kind === 'range' ? { range: rangeOf(header) } : {}),
      };
    } catch (problem) {
      this.headProblem = problem;
    }
  }

  /** The entry a line holds, or undefined for the trailer. */
  line(text: string): ExportedEntry | undefined {
    const where = `line ${++this.lineNumber}`;
    const row = tryParse(text);
    if (!row) throw new LedgerDocumentError(`${where} is not JSON`);
    if (row.type === 'entry') return entryOf(row, where);
    if (row.type === 'end') this.declaredCount = Number(row.count);
    else throw new LedgerDocumentError(`${where} has an unknown type ${String(row.type)}`);
    return undefined;
  }

  finish(): { head: LedgerDocumentHead; declaredCount: number } {
    if (this.declaredCount === undefined) {
      throw new LedgerDocumentError('the export has no trailer line: it was cut short');
    }
    if (!this.head) throw this.headProblem;
    return { head: this.head, declaredCount: this.declaredCount };
  }
}

function parseDossier(doc: Json): LedgerDocument {
  if (!Array.isArray(doc.entries)) throw new LedgerDocumentError('the dossier has no entries');
  return {
    kind: 'dossier',
    checkpoint: checkpointOf(doc.checkpoint, 'dossier checkpoint'),
    entries: doc.entries.map((e, i) => entryOf(e as Json, `entry ${i}`)),
    consistency: consistencyOf(doc.consistency),
    declaredCount: doc.entries.length,
  };
}

function entryOf(row: Json, where: string): ExportedEntry {
  for (const field of ['seq', 'at', 'action', 'payloadDigest', 'prevHash', 'entryHash']) {
    if (typeof row[field] !== 'string') throw new LedgerDocumentError(`${where}: ${field} missing`);
  }
  if (typeof row.payload !== 'object' || row.payload === null) {
    throw new LedgerDocumentError(`${where}: payload missing`);
  }
  return row as unknown as ExportedEntry;
}

function checkpointOf(value: unknown, where: string): SignedCheckpoint {
  const c = value as Json | undefined;
  for (const field of ['treeSize', 'rootHash', 'issuedAt', 'keyId', 'signature']) {
    if (typeof c?.[field] !== 'string') throw new LedgerDocumentError(`${where}: ${field} missing`);
  }
  return c as unknown as SignedCheckpoint;
}

/** A range header's `from` and `to`: decimal strings, from ≤ to. */
function rangeOf(header: Json): { from: number; to: number } {
  const [from, to] = [header.from, header.to];
  if (
    typeof from !== 'string' ||
    typeof to !== 'string' ||
    !/^\d+$/.test(from) ||
    !/^\d+$/.test(to)
  ) {
    throw new LedgerDocumentError('header: a range needs from and to as decimal strings');
  }
  if (Number(from) > Number(to)) throw new LedgerDocumentError('header: from is past to');
  return { from: Number(from), to: Number(to) };
}

function consistencyOf(value: unknown): ExportedConsistency[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new LedgerDocumentError('consistency must be a list');
  return value.map((p: Json, i) => ({
    from: checkpointOf(p.from, `consistency ${i} from`),
    to: checkpointOf(p.to, `consistency ${i} to`),
    path: Array.isArray(p.path) ? (p.path as string[]) : [],
  }));
}

function tryParse(text: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Json)
      : undefined;
  } catch {
    return undefined;
  }
}
