import { Args, Query, Resolver } from '@nestjs/graphql';
import { notImplemented, SignedIn } from '@simpul/common';
import { AgencyHandoffStatsModel } from './audit.models';

const STATS = 'Handoff statistics';

/** What the served schema says of each of these operations: the truth, until it is built. */
const pending = (capability: string) => ({
  description: `${capability}: not built yet, answers NOT_IMPLEMENTED`,
});

/**
 * Contract operations of handoff statistics, not built yet. Each answers NOT_IMPLEMENTED naming the capability —
 * the one sanctioned placeholder — so agency systems can code against the contract today. Delete
 * an operation here when its lib serves it, and this file when none is left.
 */
@SignedIn()
@Resolver()
export class PendingStatsResolver {
  @Query(() => [AgencyHandoffStatsModel], pending(STATS))
  handoffStats(
    @Args('from', { type: () => Date, nullable: true }) _from?: Date,
    @Args('to', { type: () => Date, nullable: true }) _to?: Date,
  ): AgencyHandoffStatsModel[] {
    throw notImplemented(STATS);
  }
}
