import type { ReferralEntity } from '../entities/referral.entity';
import { ReferralModel } from './referral.model';

export function toReferralModel(entity: ReferralEntity): ReferralModel {
  const { heldAt: _heldAt, consentReference: _consentReference, ...fields } = entity;
  return Object.assign(new ReferralModel(), fields);
}
