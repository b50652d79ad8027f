import { Field, ID, InputType } from '@nestjs/graphql';

/**
 * What an ADMIN narrows parked outbox rows by: rows already seen, or one kind
 * of work (a job, a queue). Every field given narrows; none is required.
 */
@InputType('ParkedOutboxRowFilter')
export class ParkedOutboxRowFilterInput {
  @Field(() => [ID], {
    nullable: true,
    description:
      'only these rows (ids as parkedOutboxRows gives them), e.g. to look at one again after a replay',
  })
  ids?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'only rows of this job, e.g. deliver-webhook',
  })
  jobName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'only rows relayed to this BullMQ queue, e.g. delivery',
  })
  queue?: string | null;
}
