import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '@simpul/common';
import { OutboxRepository } from '@simpul/delivery';
import { CurrentActor, Role, Roles, type Actor } from '@simpul/identity';
import { assertAdmin } from '../admin-entry';
import { ParkedOutboxRowFilterInput } from '../dto/parked-outbox-row-filter.input';
import { OutboxRowModel, toOutboxRowModel } from '../models/outbox-row.model';
import { ReplayOutboxRowUseCase } from '../use-cases/replay-outbox-row.use-case';

const MAX_ROWS = 500;
/** Outbox row ids are bigint sequence values. */
const ROW_ID = /^[1-9]\d{0,17}$/;
/** Job and queue names are short codes (libs/queue); anything longer names nothing. */
const MAX_NAME = 100;

/** Parked outbox rows: work the worker set aside after repeated failures. ADMIN only. */
@Resolver()
export class AdminOutboxResolver {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly replayOutboxRowUseCase: ReplayOutboxRowUseCase,
  ) {}

  @Roles(Role.ADMIN)
  @Query(() => [OutboxRowModel], {
    description: `ADMIN: parked outbox rows, the longest parked first (at most ${MAX_ROWS}); filter narrows them to given rows, a job or a queue`,
  })
  async parkedOutboxRows(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number,
    @Args('filter', { type: () => ParkedOutboxRowFilterInput, nullable: true })
    filter?: ParkedOutboxRowFilterInput | null,
  ): Promise<OutboxRowModel[]> {
    assertAdmin(actor);
    if (!Number.isInteger(first) || first < 1 || first > MAX_ROWS) {
      throw badInput('first', `must be from 1 to ${MAX_ROWS}`);
    }
    const { ids, jobName, queue } = filter ?? {};
    if (ids && (ids.length > MAX_ROWS || !ids.every((id) => ROW_ID.test(id)))) {
      throw badInput('filter.ids', `must be at most ${MAX_ROWS} outbox row ids`);
    }
    for (const [field, name] of [
      ['filter.jobName', jobName],
      ['filter.queue', queue],
    ] as const) {
      if (name != null && (name.length < 1 || name.length > MAX_NAME)) {
        throw badInput(field, `must be 1 to ${MAX_NAME} characters`);
      }
    }
    return (await this.outbox.listParked(first, { ids, jobName, queue })).map(toOutboxRowModel);
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
