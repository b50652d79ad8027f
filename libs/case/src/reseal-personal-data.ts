import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, type TxHost } from '@simpul/database';
import { PersonalDataCipher, type PersonIdentity } from '@simpul/privacy';
import { CaseRepository } from './case.repository';
import { PersonRepository } from './person.repository';

const BATCH = 200;

/**
 * Key rotation: re-encrypts every sealed value (identities, police notes) that is not under the
 * active key, in small transactions, so it can run beside a live system and be re-run after an
 * interruption. Returns how many values were re-sealed.
 */
@Injectable()
export class ResealPersonalData {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly persons: PersonRepository,
    private readonly cases: CaseRepository,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async run(): Promise<{ persons: number; policeNotes: number }> {
    return { persons: await this.resealPersons(), policeNotes: await this.resealPoliceNotes() };
  }

  private async resealPersons(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.txHost.withTransaction(async () => {
        const stale = await this.persons.staleIdentities(this.cipher.activeKeyId, BATCH);
        for (const person of stale) {
          const identity = this.cipher.open<PersonIdentity>(person.id, person.identitySealed);
          const identitySealed = this.cipher.seal(person.id, identity);
          await this.persons.reseal(person.id, {
            identitySealed,
            identityKeyId: PersonalDataCipher.keyIdOf(identitySealed),
          });
        }
        return stale.length;
      });
      total += done;
      if (done < BATCH) return total;
    }
  }

  private async resealPoliceNotes(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.txHost.withTransaction(async () => {
        const stale = await this.cases.staleSealedNotes(this.cipher.activeKeyId, BATCH);
        for (const row of stale) {
          const resealed = this.cipher.seal(row.id, this.cipher.open<string>(row.id, row.sealed));
          await this.cases.setPoliceNotes(row.id, resealed);
        }
        return stale.length;
      });
      total += done;
      if (done < BATCH) return total;
    }
  }
}
