import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { RequestContext } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import type { PersonAccessEntity } from './entities/person-access.entity';
import type { IdentityGrant } from './identity-access';
import { PersonAccessRepository } from './person-access.repository';

interface FieldRead {
  personId: string;
  field: string;
  grant: IdentityGrant;
}

/**
 * Records every read of identity fields: who, from which unit, whose, which fields, when, and
 * through which referral. Reads within one request are batched into one row per person; the row
 * is written before the value is returned, so a failed write withholds the value.
 */
@Injectable()
export class PersonAccessLog {
  constructor(private readonly log: PersonAccessRepository) {}

  record(context: RequestContext, actor: Actor, read: FieldRead): Promise<void> {
    const key = 'case.person-access-log';
    let loader = context.loaders.get(key) as DataLoader<FieldRead, void, string> | undefined;
    if (!loader) {
      loader = new DataLoader<FieldRead, void, string>((reads) => this.write(actor, reads), {
        cacheKeyFn: (read) => `${read.personId}:${read.field}`,
      });
      context.loaders.set(key, loader as unknown as DataLoader<string, unknown>);
    }
    return loader.load(read);
  }

  private async write(actor: Actor, reads: readonly FieldRead[]): Promise<void[]> {
    const byPerson = new Map<string, { fields: string[]; grant: IdentityGrant }>();
    for (const read of reads) {
      const entry = byPerson.get(read.personId) ?? { fields: [], grant: read.grant };
      entry.fields.push(read.field);
      byPerson.set(read.personId, entry);
    }
    const at = new Date();
    await this.log.insert(
      [...byPerson].map(([personId, { fields, grant }]) => ({
        at,
        officerId: actor.officerId,
        unitId: actor.unitId,
        personId,
        fields: fields.sort(),
        referralId: grant.referralId,
        basis: grant.basis,
      })),
    );
    return reads.map(() => undefined);
  }

  forPerson(personId: string): Promise<PersonAccessEntity[]> {
    return this.log.forPerson(personId);
  }
}
