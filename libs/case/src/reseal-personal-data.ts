import { Injectable } from '@nestjs/common';
import { PersonalDataCipher, type PersonIdentity } from '@simpul/privacy';
import { TransactionHost } from '@simpul/database';
import { PersonEntity } from './entities/person.entity';

const BATCH = 200;

/**
 * Key rotation: re-encrypts every sealed value (identities, police notes) that is not under the
 * active key, in small transactions, so it can run beside a live system and be re-run after an
 * interruption. Returns how many values were re-sealed.
 */
@Injectable()
export class ResealPersonalData {
  constructor(
    private readonly tx: TransactionHost,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async run(): Promise<{ persons: number; policeNotes: number }> {
    return { persons: await this.persons(), policeNotes: await this.policeNotes() };
  }

  private async persons(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.tx.runOwn(async () => {
        const stale = await this.tx.manager
          .createQueryBuilder(PersonEntity, 'p')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .where('p.identity_key_id <> :active', { active: this.cipher.activeKeyId })
          .take(BATCH)
          .getMany();
        for (const person of stale) {
          const identity = this.cipher.open<PersonIdentity>(person.id, person.identitySealed);
          const identitySealed = this.cipher.seal(person.id, identity);
          await this.tx.manager.update(
            PersonEntity,
            { id: person.id },
            {
              identitySealed,
              identityKeyId: PersonalDataCipher.keyIdOf(identitySealed),
            },
          );
        }
        return stale.length;
      });
      total += done;
      if (done < BATCH) return total;
    }
  }

  private async policeNotes(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.tx.runOwn(async () => {
        const stale: { id: string; sealed: string }[] = await this.tx.manager.query(
          `SELECT id, police_notes_sealed AS sealed FROM "case"
            WHERE police_notes_sealed IS NOT NULL AND split_part(police_notes_sealed, '.', 2) <> $1
            LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          [this.cipher.activeKeyId],
        );
        for (const row of stale) {
          const resealed = this.cipher.seal(row.id, this.cipher.open<string>(row.id, row.sealed));
          await this.tx.manager.query('UPDATE "case" SET police_notes_sealed = $2 WHERE id = $1', [
            row.id,
            resealed,
          ]);
        }
        return stale.length;
      });
      total += done;
      if (done < BATCH) return total;
    }
  }
}
