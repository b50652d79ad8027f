import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '@simpul/common';
import { OutboxRepository } from '@simpul/delivery';
import { CurrentActor, Role, Roles, type Actor } from '@simpul/identity';
import { assertAdmin } from '../admin-entry';
import { OutboxRowModel, toOutboxRowModel } from '../models/outbox-row.model';
import { ReplayOutboxRowUseCase } from '../use-cases/replay-outbox-row.use-case';

const MAX_ROWS = 500;

/** Parked outbox rows: work the worker set aside after repeated failures. ADMIN only. */
@Resolver()
export class AdminOutboxResolver {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly replayOutboxRowUseCase: ReplayOutboxRowUseCase,
  ) {}

  @Roles(Role.ADMIN)
  @Query(() => [OutboxRowModel], {
    description: `ADMIN: parked outbox rows, the longest parked first (at most ${MAX_ROWS})`,
  })
  async parkedOutboxRows(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number,
  ): Promise<OutboxRowModel[]> {
    assertAdmin(actor);
    if (!Number.isInteger(first) || first < 1 || first > MAX_ROWS) {
      throw badInput('first', `must be from 1 to ${MAX_ROWS}`);
    }
    return (await this.outbox.listParked(first)).map(toOutboxRowModel);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OutboxRowModel, {
    description:
      'ADMIN: relays a parked outbox row again, once the cause of its failures is fixed (on the ledger)',
  })
  async replayOutboxRow(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<OutboxRowModel> {
    return toOutboxRowModel(await this.replayOutboxRowUseCase.execute(actor, id));
  }
}
