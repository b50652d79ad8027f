import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PingPongCase', {
  description:
    'A case whose referrals were rejected or redirected more often than the threshold: passed back and forth instead of handled',
})
export class PingPongCaseModel {
  @Field(() => ID) caseId: string;
  @Field() caseReference: string;
  @Field(() => String, { nullable: true, description: 'Province of the case (two-digit code)' })
  provinceCode: string | null;
  @Field(() => Int, {
    description:
      'Rejections and redirects of its referrals (a Gugus Tugas is not told of confidential ones)',
  })
  bounces: number;
  @Field(() => Date) lastBounceAt: Date;
  // `case` is PingPongCaseLinkResolver's field: checked for the caller again.
}
