import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IdentityNumberHasher, PersonalDataCipher, type PersonIdentity } from '@simpul/privacy';
import { PersonEntity } from './entities/person.entity';
import { isChildOn, personLabel } from './person-label';
import type { ValidPerson } from './validate-person';

/**
 * Turns validated person input into a stored row: identity sealed and bound to the person's id,
 * NIK and passport as keyed hashes, child status fixed at the time of recording — a victim who was
 * a child when exploited keeps a child's protection.
 */
@Injectable()
export class PersonSealer {
  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly hasher: IdentityNumberHasher,
  ) {}

  create(caseId: string, position: number, person: ValidPerson, now: Date): PersonEntity {
    const id = randomUUID();
    return Object.assign(new PersonEntity(), {
      id,
      caseId,
      position,
      label: personLabel(position),
      sex: person.sex,
      ...this.sealed(id, person, now),
    });
  }

  /** The columns derived from an identity (used again when it is corrected). */
  sealed(id: string, person: ValidPerson, now: Date) {
    const identity: PersonIdentity = {
      fullName: person.fullName,
      nationalId: person.nationalId,
      passportNumber: person.passportNumber,
      birthDate: person.birthDate,
      phone: person.phone,
    };
    const identitySealed = this.cipher.seal(id, identity);
    return {
      identitySealed,
      identityKeyId: PersonalDataCipher.keyIdOf(identitySealed),
      nationalIdHmac: this.hasher.hash('nik', person.nationalId),
      passportHmac: this.hasher.hash('passport', person.passportNumber),
      isChild: person.childFlag === true || isChildOn(person.birthDate, now),
    };
  }

  open(person: PersonEntity): PersonIdentity {
    return this.cipher.open<PersonIdentity>(person.id, person.identitySealed);
  }
}
