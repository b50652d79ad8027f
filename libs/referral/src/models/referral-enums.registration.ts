import { registerEnumType } from '@nestjs/graphql';
import { Priority, SlaState } from '@simpul/sla';
import {
  DeliveryState,
  LawfulBasis,
  ReferralStatus,
  RejectionReason,
  ServiceType,
} from '../referral-enums';

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
