import { Injectable } from '@nestjs/common';
import { UnitReader } from '@simpul/agency';
import { CaseAccess } from '@simpul/case';
import type { Actor } from '@simpul/identity';
import {
  CASE_DOSSIER_TYPE,
  checkpointFingerprint,
  exportedEntryOf,
  LedgerProofs,
  LedgerReader,
  LedgerTree,
  type ExportedEntry,
  type SignedCheckpoint,
} from '@simpul/ledger';

/**
 * A case dossier (Berita Acara Serah Terima, docs/ledger-format.md "Exports"): every ledger entry
 * of one case, each with its inclusion proof against one signed checkpoint. No personal data: the
 * case by reference, codes and dates (not its title or summary, which are free text), units by
 * code and name, officers by id, notes by digest only.
 */
export interface CaseDossier {
  type: typeof CASE_DOSSIER_TYPE;
  generatedAt: string;
  case: {
    id: string;
    reference: string;
    status: string;
    exploitationTypes: string[];
    regionCode: string | null;
    openedAt: string;
    closedAt: string | null;
    leadUnit: string;
  };
  /** Unit id → code and name, for every unit the entries name (organisations, not persons). */
  units: Record<string, { code: string; name: string }>;
  checkpoint: SignedCheckpoint;
  checkpointFingerprint: string;
  entries: (ExportedEntry & { inclusionProof: { treeSize: string; auditPath: string[] } })[];
}

@Injectable()
export class CaseDossierBuilder {
  constructor(
    private readonly access: CaseAccess,
    private readonly reader: LedgerReader,
    private readonly tree: LedgerTree,
    private readonly proofs: LedgerProofs,
    private readonly units: UnitReader,
  ) {}

  /** NOT_FOUND for a case the actor may not read (the caller checks the role first). */
  async build(actor: Actor, caseId: string): Promise<CaseDossier> {
    const found = await this.access.readableCase(actor, caseId);
    const entries = await this.reader.byCase(found.id);
    const lastSeq = entries.length ? Number(entries[entries.length - 1].seq) : -1;
    // One checkpoint covers every entry: the latest, or a new one when the case moved since.
    const checkpoint = await this.tree.covering(lastSeq + 1);
    const treeSize = Number(checkpoint.treeSize);
    const paths = await this.proofs.inclusionMany(
      entries.map((e) => Number(e.seq)),
      treeSize,
    );
    const unitIds = new Set<string>([found.leadUnitId]);
    for (const entry of entries) {
      if (entry.fromUnitId) unitIds.add(entry.fromUnitId);
      if (entry.toUnitId) unitIds.add(entry.toUnitId);
    }
    const units = await this.units.byIds([...unitIds]);
    return {
      type: CASE_DOSSIER_TYPE,
      generatedAt: new Date().toISOString(),
      case: {
        id: found.id,
        reference: found.reference,
        status: found.status,
        exploitationTypes: [...found.exploitationTypes],
        regionCode: found.regionCode,
        openedAt: found.openedAt.toISOString(),
        closedAt: found.closedAt?.toISOString() ?? null,
        leadUnit: found.leadUnitId,
      },
      units: Object.fromEntries(units.map((u) => [u.id, { code: u.code, name: u.name }])),
      checkpoint,
      checkpointFingerprint: checkpointFingerprint(checkpoint),
      entries: entries.map((entry) => ({
        ...exportedEntryOf(entry),
        inclusionProof: {
          treeSize: checkpoint.treeSize,
          auditPath: paths.get(Number(entry.seq)) ?? [],
        },
      })),
    };
  }
}
