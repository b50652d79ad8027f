import { registerEnumType } from '@nestjs/graphql';
import { Priority, SlaState } from '@simpul/sla';
import {
  DeliveryState,
  LawfulBasis,
  ReferralStatus,
  RejectionReason,
  ServiceType,
} from '../referral-enums';
import { ReferralQueueOrder, ReferralStage } from '../referral-queue-order';

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: 'States follow the HL7 FHIR Task lifecycle.',
});
registerEnumType(ServiceType, { name: 'ServiceType' });
registerEnumType(Priority, { name: 'Priority' });
registerEnumType(RejectionReason, { name: 'RejectionReason' });
registerEnumType(DeliveryState, { name: 'DeliveryState' });
registerEnumType(SlaState, { name: 'SlaState' });
registerEnumType(LawfulBasis, {
  name: 'LawfulBasis',
  description: "UU 27/2022 basis for disclosing a person's identity",
});
registerEnumType(ReferralQueueOrder, {
  name: 'ReferralQueueOrder',
  description: 'How the inbox and the sent queue are ordered',
  valuesMap: {
    NEWEST_FIRST: { description: 'Newest sent first (the default)' },
    URGENT_FIRST: {
      description:
        'Open referrals that are EMERGENCY, past their deadline (BREACHED) or nearly so (AT_RISK) first — by SLA state, then priority — then the rest newest first; the SLA states are taken at the time of the first page, so paging neither skips nor repeats a referral as time passes',
    },
  },
});
registerEnumType(ReferralStage, {
  name: 'ReferralStage',
  description: 'Where a referral stands for the unit it is addressed to',
  valuesMap: {
    AWAITING_DECISION: {
      description: 'REQUESTED, RECEIVED, or ON_HOLD before anyone accepted it',
    },
    IN_HAND: { description: 'ACCEPTED, IN_PROGRESS, or ON_HOLD after acceptance' },
    CLOSED: { description: 'REJECTED, REDIRECTED, COMPLETED, CANCELLED or FAILED' },
  },
});
