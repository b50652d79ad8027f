import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LedgerVerificationView } from '@simpul/ledger';

export enum LedgerVerificationStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}
registerEnumType(LedgerVerificationStatus, { name: 'LedgerVerificationStatus' });

@ObjectType('LedgerVerification', {
  description:
    "One verifyLedger run over the whole stored ledger, by the worker: every entry's hashes, the chain, the chain head, the leaves the tree recorded and every signed checkpoint",
})
export class LedgerVerificationModel {
  @Field(() => ID) id: string;
  @Field(() => LedgerVerificationStatus) status: LedgerVerificationStatus;
  @Field() requestedAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'entries found intact before any failure' })
  checkedEntries: string | null;
  @Field(() => Int, { nullable: true, description: 'signed checkpoints whose root was rebuilt' })
  checkedCheckpoints: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'FAILED: the first seq that is wrong or missing, when the failure concerns one',
  })
  firstBadSeq: string | null;
  @Field(() => String, { nullable: true, description: 'FAILED: why, in plain words' })
  reason: string | null;
}

export function toLedgerVerificationModel(view: LedgerVerificationView): LedgerVerificationModel {
  return Object.assign(new LedgerVerificationModel(), {
    id: view.id,
    status: view.status as LedgerVerificationStatus,
    requestedAt: view.requestedAt,
    startedAt: view.startedAt,
    finishedAt: view.finishedAt,
    checkedEntries: view.checkedEntries,
    checkedCheckpoints: view.checkedCheckpoints,
    firstBadSeq: view.firstBadSeq,
    reason: view.reason,
  });
}
