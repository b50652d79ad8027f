import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { notImplemented, SignedIn } from '@simpul/common';
import {
  AuditCheckpointModel,
  AuditEntryConnectionModel,
  ConsistencyProofModel,
  InclusionProofModel,
} from './audit.models';

const CHECKPOINTS = 'Ledger checkpoints and proofs';

/** What the served schema says of each of these operations: the truth, until it is built. */
const pending = (capability: string) => ({
  description: `${capability}: not built yet, answers NOT_IMPLEMENTED`,
});

/**
 * Contract operations of ledger checkpoints and proofs, not built yet. Each answers NOT_IMPLEMENTED naming the capability —
 * the one sanctioned placeholder — so agency systems can code against the contract today. Delete
 * an operation here when its lib serves it, and this file when none is left.
 */
@SignedIn()
@Resolver()
export class PendingAuditResolver {
  @Query(() => AuditEntryConnectionModel, pending(CHECKPOINTS))
  auditEntries(
    @Args('afterSeq', { type: () => String, nullable: true }) _afterSeq?: string,
    @Args('first', { type: () => Int, nullable: true }) _first?: number,
  ): AuditEntryConnectionModel {
    throw notImplemented(CHECKPOINTS);
  }

  @Query(() => AuditCheckpointModel, { nullable: true, ...pending(CHECKPOINTS) })
  auditCheckpoint(): AuditCheckpointModel {
    throw notImplemented(CHECKPOINTS);
  }

  @Query(() => InclusionProofModel, pending(CHECKPOINTS))
  auditInclusionProof(
    @Args('seq') _seq: string,
    @Args('treeSize', { type: () => String, nullable: true }) _treeSize?: string,
  ): InclusionProofModel {
    throw notImplemented(CHECKPOINTS);
  }

  @Query(() => ConsistencyProofModel, pending(CHECKPOINTS))
  auditConsistencyProof(
    @Args('fromSize') _fromSize: string,
    @Args('toSize', { type: () => String, nullable: true }) _toSize?: string,
  ): ConsistencyProofModel {
    throw notImplemented(CHECKPOINTS);
  }
}
