import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { OutboxRowView } from '@simpul/delivery';

/**
 * An outbox row as an ADMIN sees it: what it is for and what went wrong, never its payload. Errors
 * are an error class and a message of BullMQ or of a job handler (payloads carry ids only).
 */
@ObjectType('OutboxRow', {
  description:
    'ADMIN: work for the worker that could not be done (docs/adr/0009-outbox-done-on-effect.md)',
})
export class OutboxRowModel {
  @Field(() => ID) id: string;
  @Field({ description: 'BullMQ queue the row is relayed to' }) queue: string;
  @Field({ description: 'job name, e.g. deliver-referral' }) jobName: string;
  @Field() createdAt: Date;
  @Field(() => Int, { description: 'times its job was handed to BullMQ' }) dispatchCount: number;
  @Field(() => Int, {
    description:
      'failed attempts since written or last replayed (refused by BullMQ, or the job failed for good)',
  })
  failures: number;
  @Field(() => String, { nullable: true, description: 'the last failure: error class and message' })
  lastError: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'set aside after too many failures; null once replayed',
  })
  parkedAt: Date | null;
  @Field(() => Date, { nullable: true, description: "when the job's effect committed" })
  doneAt: Date | null;
}

export const toOutboxRowModel = (row: OutboxRowView): OutboxRowModel => ({ ...row });
