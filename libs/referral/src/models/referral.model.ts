import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Priority } from '@simpul/sla';
import {
  DeliveryState,
  LawfulBasis,
  ReferralStatus,
  RejectionReason,
  ServiceType,
} from '../referral-enums';
import type { ReferralView } from '../referral-visibility';
import './referral-enums.registration';

/** Said of every field a caller who may only know that the referral exists does not get. */
const WITHHELD = 'withheld from parties of the case who may only know the referral exists';

/**
 * Referral as the API shows it. Units, officers, case, sla, links and events are field resolvers
 * working from the ids kept here. A model is always built for one caller (toReferralModel): when
 * that caller may only know the referral exists, the content fields are already blanked here, so
 * no resolver can pass them on.
 */
@ObjectType('Referral')
export class ReferralModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Human-readable number, e.g. RJK-2026-000456' }) reference: string;
  @Field(() => [ServiceType], { description: `Empty when ${WITHHELD} (restricted)` })
  services: ServiceType[];
  @Field(() => Priority) priority: Priority;
  @Field(() => ReferralStatus) status: ReferralStatus;
  @Field({ description: `Empty string when ${WITHHELD} (restricted)` }) summary: string;
  @Field(() => RejectionReason, { nullable: true, description: `null when ${WITHHELD}` })
  rejectionReason: RejectionReason | null;
  @Field(() => String, { nullable: true, description: `null when ${WITHHELD}` })
  statusNote: string | null;
  @Field(() => String, { nullable: true, description: `null when ${WITHHELD}` })
  outcome: string | null;
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
    description:
      'Levels escalated above the receiving desk while a deadline is missed: 0 none, 1 its supervisors, 2 its agency head unit, 3 the Gugus Tugas of its province, 4 GT-PUSAT; never changes `version`',
  })
  escalationLevel: number;
  @Field(() => LawfulBasis, {
    nullable: true,
    description: `Why the identities of the named persons travel with this referral; null when ${WITHHELD}`,
  })
  lawfulBasis: LawfulBasis | null;
  @Field({
    description:
      'Hidden from the other parties of the case altogether; police investigations are confidential unless the sender said otherwise',
  })
  confidential: boolean;
  @Field({
    description:
      'true when the caller is another party of the case and may only know that this referral exists: summary and services are empty; reasons, notes, outcome, lawful basis, acceptedBy and the notes and actors of its events are null',
  })
  restricted: boolean;
  @Field(() => Int, { description: 'Optimistic-concurrency version; pass it as expectedVersion' })
  version: number;

  caseId: string;
  fromUnitId: string;
  toUnitId: string;
  sentById: string;
  acceptedById: string | null;
  redirectedFromId: string | null;
  redirectedToId: string | null;
  /** How much of it the caller this model was built for sees (never NONE: then no model). */
  view: ReferralView.FULL | ReferralView.EXISTENCE;
}
