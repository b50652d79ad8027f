import { DomainError } from '@simpul/common';
import { validLawfulBasis } from './lawful-basis';
import { LawfulBasis } from './referral-enums';

describe('validLawfulBasis', () => {
  it('needs no basis when no person is named, and refuses one', () => {
    expect(validLawfulBasis([], null)).toEqual({ lawfulBasis: null, consentReference: null });
    expect(() => validLawfulBasis([], { basis: LawfulBasis.VITAL_INTEREST })).toThrow(DomainError);
  });

  it('requires a basis when identity travels', () => {
    expect(() => validLawfulBasis(['p1'], undefined)).toThrow(/input.lawfulBasis: is required/);
  });

  it('requires a consent reference for CONSENT only', () => {
    expect(() => validLawfulBasis(['p1'], { basis: LawfulBasis.CONSENT })).toThrow(
      /consentReference/,
    );
    expect(
      validLawfulBasis(['p1'], { basis: LawfulBasis.CONSENT, consentReference: ' F-12 ' }),
    ).toEqual({
      lawfulBasis: LawfulBasis.CONSENT,
      consentReference: 'F-12',
    });
    expect(validLawfulBasis(['p1'], { basis: LawfulBasis.LEGAL_OBLIGATION })).toEqual({
      lawfulBasis: LawfulBasis.LEGAL_OBLIGATION,
      consentReference: null,
    });
  });
});
