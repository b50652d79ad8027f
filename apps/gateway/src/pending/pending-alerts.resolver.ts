import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { notImplemented, SignedIn } from '@simpul/common';
import { HandoffEventModel } from '@simpul/ledger';
import {
  AlertConnectionModel,
  AlertDeliveryModel,
  AlertModel,
  AlertStatus,
  RaiseAlertInput,
} from './alert.models';

const ALERTS = 'Alerts (raising, routing and acknowledging)';

/** What the served schema says of each of these operations: the truth, until it is built. */
const pending = (capability: string) => ({
  description: `${capability}: not built yet, answers NOT_IMPLEMENTED`,
});

/**
 * Contract operations of alerts, not built yet. Each answers NOT_IMPLEMENTED naming the capability —
 * the one sanctioned placeholder — so agency systems can code against the contract today. Delete
 * an operation here when its lib serves it, and this file when none is left.
 */
@SignedIn()
@Resolver()
export class PendingAlertsResolver {
  @Query(() => AlertConnectionModel, pending(ALERTS))
  alerts(
    @Args('status', { type: () => [AlertStatus], nullable: true }) _status?: AlertStatus[],
    @Args('first', { type: () => Int, nullable: true }) _first?: number,
    @Args('after', { type: () => String, nullable: true }) _after?: string,
  ): AlertConnectionModel {
    throw notImplemented(ALERTS);
  }

  @Query(() => AlertModel, { nullable: true, ...pending(ALERTS) })
  alert(@Args('id', { type: () => ID }) _id: string): AlertModel {
    throw notImplemented(ALERTS);
  }

  @Mutation(() => AlertModel, pending(ALERTS))
  raiseAlert(@Args('input') _input: RaiseAlertInput): AlertModel {
    throw notImplemented(ALERTS);
  }

  @Mutation(() => AlertDeliveryModel, {
    description: `id of the Alert; acknowledges the delivery to the caller's unit. ${pending(ALERTS).description}`,
  })
  acknowledgeAlert(@Args('id', { type: () => ID }) _id: string): AlertDeliveryModel {
    throw notImplemented(ALERTS);
  }

  @Mutation(() => AlertModel, pending(ALERTS))
  resolveAlert(
    @Args('id', { type: () => ID }) _id: string,
    @Args('note') _note: string,
  ): AlertModel {
    throw notImplemented(ALERTS);
  }

  @Mutation(() => AlertModel, pending(ALERTS))
  dismissAlert(
    @Args('id', { type: () => ID }) _id: string,
    @Args('note') _note: string,
  ): AlertModel {
    throw notImplemented(ALERTS);
  }
}

/**
 * HandoffEvent.alert: no ledger entry can name an alert until alerts are built, so this is null
 * for every entry that exists.
 */
@Resolver(() => HandoffEventModel)
export class HandoffEventAlertResolver {
  @ResolveField(() => AlertModel, {
    nullable: true,
    description: 'Always null: no ledger entry names an alert until alerts are built',
  })
  alert(@Parent() event: HandoffEventModel): AlertModel | null {
    if (event.alertId) throw notImplemented(ALERTS);
    return null;
  }
}
