import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Priority } from '@simpul/sla';
import {
  DeliveryState,
  LawfulBasis,
  ReferralStatus,
  RejectionReason,
  ServiceType,
} from '../referral-enums';
import './referral-enums.registration';

/**
 * Referral as the API shows it. Units, officers, case, sla, links and events are field resolvers
 * working from the ids kept here.
 */
@ObjectType('Referral')
export class ReferralModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Human-readable number, e.g. RJK-2026-000456' }) reference: string;
  @Field(() => [ServiceType]) services: ServiceType[];
  @Field(() => Priority) priority: Priority;
  @Field(() => ReferralStatus) status: ReferralStatus;
  @Field() summary: string;
  @Field(() => RejectionReason, { nullable: true }) rejectionReason: RejectionReason | null;
  @Field(() => String, { nullable: true }) statusNote: string | null;
  @Field(() => String, { nullable: true }) outcome: string | null;
  @Field(() => DeliveryState, {
    description: "Set by the worker once the referral reached the receiving unit's inbox",
  })
  delivery: DeliveryState;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
  @Field() sentAt: Date;
  @Field() acknowledgeBy: Date;
  @Field() acceptBy: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
  @Field(() => Date, { nullable: true }) acceptedAt: Date | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => Int, {
    description: 'Levels escalated above the receiving desk: always 0, escalation is not built yet',
  })
  escalationLevel: number;
  @Field(() => LawfulBasis, {
    nullable: true,
    description: 'Why the identities of the named persons travel with this referral',
  })
  lawfulBasis: LawfulBasis | null;
  @Field(() => Int, { description: 'Optimistic-concurrency version; pass it as expectedVersion' })
  version: number;

  caseId: string;
  fromUnitId: string;
  toUnitId: string;
  sentById: string;
  acceptedById: string | null;
  redirectedFromId: string | null;
  redirectedToId: string | null;
}
