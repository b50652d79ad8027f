import type { ReferralEntity } from '../entities/referral.entity';
import { ReferralView } from '../referral-visibility';
import { ReferralModel } from './referral.model';

/**
 * The referral as one caller may see it. EXISTENCE blanks the content here, once, so that the
 * summary, reasons, notes, services, outcome, lawful basis and the accepting officer never reach
 * a resolver for a caller who may only know that the referral exists.
 */
export function toReferralModel(
  entity: ReferralEntity,
  view: ReferralView.FULL | ReferralView.EXISTENCE,
): ReferralModel {
  const { heldAt: _heldAt, consentReference: _consentReference, ...fields } = entity;
  const model = Object.assign(new ReferralModel(), fields, {
    view,
    restricted: view === ReferralView.EXISTENCE,
  });
  if (view === ReferralView.EXISTENCE) {
    model.summary = '';
    model.services = [];
    model.rejectionReason = null;
    model.statusNote = null;
    model.outcome = null;
    model.lawfulBasis = null;
    model.acceptedById = null;
  }
  return model;
}
