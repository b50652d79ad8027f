import type {
  ExportedConsistency,
  ExportedEntry,
  LedgerDocument,
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
  const first = tryParse(firstLine);
  if (first?.type === LEDGER_EXPORT_TYPE) return parseExport(text);
  const whole = tryParse(trimmed);
  if (whole?.type === CASE_DOSSIER_TYPE) return parseDossier(whole);
  throw new LedgerDocumentError(
    `not a Simpul ledger export (${LEDGER_EXPORT_TYPE}) or case dossier (${CASE_DOSSIER_TYPE})`,
  );
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
  const header = tryParse(lines[0])!;
  const kind = header.kind === 'range' ? 'range' : 'ledger';
  const entries: ExportedEntry[] = [];
  let declaredCount: number | undefined;
  lines.slice(1).forEach((line, i) => {
    const row = tryParse(line);
    if (!row) throw new LedgerDocumentError(`line ${i + 2} is not JSON`);
    if (row.type === 'entry') entries.push(entryOf(row, `line ${i + 2}`));
    else if (row.type === 'end') declaredCount = Number(row.count);
    else throw new LedgerDocumentError(`line ${i + 2} has an unknown type ${String(row.type)}`);
  });
  if (declaredCount === undefined) {
    throw new LedgerDocumentError('the export has no trailer line: it was cut short');
  }
  return {
    kind,
    checkpoint: checkpointOf(header.checkpoint, 'header checkpoint'),
    entries,
    consistency: consistencyOf(header.consistency),
    declaredCount,
  };
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
