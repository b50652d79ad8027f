import { badInput, optionalText, pastDate, requiredText } from '@simpul/common';
import type { Sex } from './case-enums';
import type { PersonInput } from './dto/open-case.input';

export interface ValidPerson {
  fullName: string;
  sex: Sex;
  birthDate: string | null;
  nationalId: string | null;
  passportNumber: string | null;
  phone: string | null;
  /** Flagged as a child by the officer, whatever the birth date says (or when it is unknown). */
  childFlag: boolean | null;
}

const NIK = /^\d{16}$/;
const PASSPORT = /^[A-Z0-9]{6,12}$/;
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

/** Messages name the field and the rule, never the value (it is personal data). */
export function validatePerson(path: string, input: PersonInput): ValidPerson {
  const nationalId = optionalText(`${path}.nationalId`, input.nationalId, 16);
  if (nationalId && !NIK.test(nationalId))
    throw badInput(`${path}.nationalId`, 'must be a 16-digit NIK');
  const passport =
    optionalText(`${path}.passportNumber`, input.passportNumber, 12)?.toUpperCase() ?? null;
  if (passport && !PASSPORT.test(passport)) {
    throw badInput(`${path}.passportNumber`, 'must be 6 to 12 letters or digits');
  }
  const phone = optionalText(`${path}.phone`, input.phone, 20);
  if (phone && !PHONE.test(phone)) throw badInput(`${path}.phone`, 'must be a phone number');
  return {
    fullName: requiredText(`${path}.fullName`, input.fullName, 200),
    sex: input.sex,
    birthDate: pastDate(`${path}.birthDate`, input.birthDate),
    nationalId,
    passportNumber: passport,
    phone,
    childFlag: input.isChild ?? null,
  };
}
