import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '@simpul/common';
import { Role, Roles } from '@simpul/identity';
import { LedgerProofs, LedgerReader, LedgerTree, toHandoffEvent } from '@simpul/ledger';
import {
  AuditCheckpointModel,
  AuditEntryConnectionModel,
  ConsistencyProofModel,
  InclusionProofModel,
} from './audit-proof.models';

const MAX_PAGE = 500;
const DEFAULT_PAGE = 100;
const SEQ = /^(0|[1-9]\d{0,15})$/;

const toCheckpointModel = (c: {
  treeSize: string;
  rootHash: string;
  issuedAt: string;
  keyId: string;
  signature: string;
}): AuditCheckpointModel =>
  Object.assign(new AuditCheckpointModel(), c, {
    issuedAt: new Date(c.issuedAt),
  });

/**
 * The ledger as an outsider verifies it (docs/ledger-format.md): the whole ledger in seq order,
 * the latest signed checkpoint, and proofs against it. AUDITOR and ADMIN; entries here carry no
 * note text (their `hashed` field has the note's digest), so a page of the ledger is never a page
 * of case notes.
 */
@Resolver()
export class LedgerAuditResolver {
  constructor(
    private readonly reader: LedgerReader,
    private readonly tree: LedgerTree,
    private readonly proofs: LedgerProofs,
  ) {}

  @Roles(Role.AUDITOR, Role.ADMIN)
  @Query(() => AuditEntryConnectionModel, {
    description:
      'AUDITOR, ADMIN: the whole ledger in seq order, entries strictly after afterSeq (at most 500 per page, default 100); no note texts',
  })
  async auditEntries(
    @Args('afterSeq', { type: () => String, nullable: true }) afterSeq?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
  ): Promise<AuditEntryConnectionModel> {
    if (afterSeq != null && !SEQ.test(afterSeq)) {
      throw badInput('afterSeq', 'must be a seq: a non-negative whole number as a decimal string');
    }
    const limit = first ?? DEFAULT_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      throw badInput('first', `must be from 1 to ${MAX_PAGE}`);
    }
    const [entries, totalCount] = await Promise.all([
      this.reader.all({ afterSeq, limit: limit + 1 }),
      this.reader.sealedCount(),
    ]);
    const page = entries.slice(0, limit);
    return {
      edges: page.map((entry) => ({ cursor: entry.seq, node: toHandoffEvent(entry, null) })),
      pageInfo: {
        hasNextPage: entries.length > limit,
        endCursor: page.length ? page[page.length - 1].seq : null,
      },
      totalCount,
    };
  }

  @Roles(Role.AUDITOR, Role.ADMIN)
  @Query(() => AuditCheckpointModel, {
    nullable: true,
    description: 'AUDITOR, ADMIN: the latest signed checkpoint; null before the first',
  })
  async auditCheckpoint(): Promise<AuditCheckpointModel | null> {
    const latest = await this.tree.latestCheckpoint();
    return latest ? toCheckpointModel(latest) : null;
  }

  @Roles(Role.AUDITOR, Role.ADMIN)
  @Query(() => InclusionProofModel, {
    description:
      "AUDITOR, ADMIN: the audit path of entry seq in the tree of treeSize entries (default: the latest checkpoint's); leafHash = SHA-256(0x00 ‖ entryHash bytes)",
  })
  auditInclusionProof(
    @Args('seq') seq: string,
    @Args('treeSize', { type: () => String, nullable: true }) treeSize?: string | null,
  ): Promise<InclusionProofModel> {
    return this.proofs.inclusion(seq, treeSize);
  }

  @Roles(Role.AUDITOR, Role.ADMIN)
  @Query(() => ConsistencyProofModel, {
    description:
      "AUDITOR, ADMIN: RFC 9162 proof that the tree of toSize entries (default: the latest checkpoint's) extends the one of fromSize",
  })
  auditConsistencyProof(
    @Args('fromSize') fromSize: string,
    @Args('toSize', { type: () => String, nullable: true }) toSize?: string | null,
  ): Promise<ConsistencyProofModel> {
    return this.proofs.consistency(fromSize, toSize);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AuditCheckpointModel, {
    description:
      'ADMIN: brings the Merkle tree up to every sealed entry and signs a checkpoint over it now',
  })
  async issueCheckpoint(): Promise<AuditCheckpointModel> {
    return toCheckpointModel(await this.tree.issueNow());
  }
}
