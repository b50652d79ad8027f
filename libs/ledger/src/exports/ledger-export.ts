import { Injectable } from '@nestjs/common';
import { badInput } from '@simpul/common';
import {
  consistencyProof,
  consistencyRanges,
  LEDGER_EXPORT_TYPE,
  nodesFor,
  type ExportedConsistency,
} from '@simpul/ledger-format';
import type { StoredCheckpoint } from '../checkpoints/ledger-checkpoint';
import { LedgerReader } from '../ledger-reader';
import { exportedEntryOf } from '../models/hashed-ledger-entry.model';
import { LedgerProofs } from '../tree/ledger-proofs';
import { LedgerTree } from '../tree/ledger-tree';
import { MerkleNodeStore } from '../tree/merkle-node.store';

/** Entries read per query while streaming: bounds memory whatever the ledger's size. */
const PAGE = 1000;
const DECIMAL = /^(0|[1-9]\d{0,15})$/;

export interface LedgerExportRequest {
  /** First seq (default 0). */
  from?: string;
  /** One past the last seq (default: the checkpoint's treeSize). */
  to?: string;
  /** Also prove that the export's checkpoint extends the stored checkpoint of this size. */
  consistencyFrom?: string;
}

/** An export ready to stream: what the headers announce, then the lines. */
export interface LedgerExport {
  checkpoint: StoredCheckpoint;
  kind: 'ledger' | 'range';
  from: number;
  to: number;
  count: number;
  lines: AsyncIterable<string>;
}

const size = (field: string, text: string | undefined): number | undefined => {
  if (text === undefined || text === '') return undefined;
  if (!DECIMAL.test(text)) throw badInput(field, 'must be a non-negative whole number');
  return Number(text);
};

/**
 * The ledger, or a range of it, as JSON Lines (docs/ledger-format.md, "Exports"): a header with
 * the covering signed checkpoint and the count, one line per entry, a trailer with the count. A
 * whole-ledger export (from 0 to the checkpoint's size) lets the verifier rebuild the root; a
 * range carries each entry's inclusion proof instead. Read page by page, never held whole.
 */
@Injectable()
export class LedgerExporter {
  constructor(
    private readonly reader: LedgerReader,
    private readonly tree: LedgerTree,
    private readonly proofs: LedgerProofs,
    private readonly store: MerkleNodeStore,
  ) {}

  async prepare(request: LedgerExportRequest): Promise<LedgerExport> {
    const from = size('from', request.from) ?? 0;
    const askedTo = size('to', request.to);
    const sealed = await this.reader.sealedCount();
    if (askedTo !== undefined && askedTo > sealed) {
      throw badInput('to', `the ledger holds ${sealed} sealed entries`);
    }
    const latest = await this.tree.latestCheckpoint();
    const checkpoint =
      latest && (askedTo === undefined || Number(latest.treeSize) >= askedTo)
        ? latest
        : await this.tree.covering(askedTo ?? sealed);
    const to = askedTo ?? Number(checkpoint.treeSize);
    if (from > to) throw badInput('from', `must not exceed to (${to})`);
    const kind = from === 0 && to === Number(checkpoint.treeSize) ? 'ledger' : 'range';
    const consistency = await this.consistency(request.consistencyFrom, checkpoint);
    const header = {
      type: LEDGER_EXPORT_TYPE,
      kind,
      from: String(from),
      to: String(to),
      count: to - from,
      checkpoint,
      ...(consistency ? { consistency: [consistency] } : {}),
    };
    return {
      checkpoint,
      kind,
      from,
      to,
      count: to - from,
      lines: this.lines(header, from, to, kind, Number(checkpoint.treeSize)),
    };
  }

  private async *lines(
    header: object,
    from: number,
    to: number,
    kind: 'ledger' | 'range',
    treeSize: number,
  ): AsyncIterable<string> {
    yield `${JSON.stringify(header)}\n`;
    let written = 0;
    let after: string | null = from > 0 ? String(from - 1) : null;
    while (from + written < to) {
      const limit = Math.min(PAGE, to - from - written);
      const entries = await this.reader.all({ afterSeq: after, limit });
      if (entries.length === 0) break;
      const proofs =
        kind === 'range'
          ? await this.proofs.inclusionMany(
              entries.map((e) => Number(e.seq)),
              treeSize,
            )
          : undefined;
      let chunk = '';
      for (const entry of entries) {
        const path = proofs?.get(Number(entry.seq));
        chunk += `${JSON.stringify({
          type: 'entry',
          ...exportedEntryOf(entry),
          ...(path ? { inclusionProof: { treeSize: String(treeSize), auditPath: path } } : {}),
        })}\n`;
      }
      yield chunk;
      written += entries.length;
      after = entries[entries.length - 1].seq;
    }
    // The trailer counts what was written: a reader that got fewer lines knows it was cut.
    yield `${JSON.stringify({ type: 'end', count: written })}\n`;
  }

  /** Proof that `checkpoint` extends the stored checkpoint of size `fromText`, both signed. */
  async consistency(
    fromText: string | undefined,
    checkpoint: StoredCheckpoint,
  ): Promise<ExportedConsistency | undefined> {
    const fromSize = size('consistencyFrom', fromText);
    if (fromSize === undefined) return undefined;
    const older = fromSize > 0 ? await this.tree.checkpointOfSize(fromSize) : null;
    if (!older || fromSize > Number(checkpoint.treeSize)) {
      throw badInput('consistencyFrom', 'names no signed checkpoint at or below this export’s');
    }
    const toSize = Number(checkpoint.treeSize);
    const lookup = await this.store.lookup(nodesFor(consistencyRanges(fromSize, toSize)));
    return {
      from: older,
      to: checkpoint,
      path: consistencyProof(fromSize, toSize, lookup).map((d) => d.toString('hex')),
    };
  }
}
