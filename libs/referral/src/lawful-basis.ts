import { badInput, Limits, optionalText } from '@simpul/common';
import type { LawfulBasisInput } from './dto/lawful-basis.input';
import { LawfulBasis } from './referral-enums';

/**
 * UU 27/2022: a referral that carries identity states why. Required when it names persons,
 * meaningless otherwise; CONSENT needs the reference of the recorded consent.
 */
export function validLawfulBasis(
  personIds: readonly string[],
  input: LawfulBasisInput | null | undefined,
): { lawfulBasis: LawfulBasis | null; consentReference: string | null } {
  if (!personIds.length) {
    if (input) throw badInput('input.lawfulBasis', 'is only given when personIds names persons');
    return { lawfulBasis: null, consentReference: null };
  }
  if (!input) throw badInput('input.lawfulBasis', 'is required when personIds names persons');
  const consentReference = optionalText(
    'input.lawfulBasis.consentReference',
    input.consentReference,
    Limits.idempotencyKey,
  );
  if (input.basis === LawfulBasis.CONSENT && !consentReference) {
    throw badInput('input.lawfulBasis.consentReference', 'is required for CONSENT');
  }
  return { lawfulBasis: input.basis, consentReference };
}
