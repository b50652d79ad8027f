import { Injectable } from '@nestjs/common';
import { AgencyKind, AgencyStore, type AgencyChanges, type AgencyEntity } from '@simpul/agency';
import { badInput, isUuid, notFound } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { adminEntry, assertAdmin, mentionedFields } from '../admin-entry';
import { validName } from '../admin-input';
import type { UpdateAgencyInput } from '../dto/update-agency.input';

/** updateAgency: name and kind; AGENCY_UPDATED naming the changed fields (not their values). */
@Injectable()
export class UpdateAgencyUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly agencies: AgencyStore,
  ) {}

  async execute(actor: Actor, id: string, input: UpdateAgencyInput): Promise<AgencyEntity> {
    assertAdmin(actor);
    const mentioned = mentionedFields(input, ['name', 'kind']);
    if (!mentioned.length) throw badInput('input', 'names no field to change');
    const next: AgencyChanges = {};
    if (input.name !== undefined) {
      if (input.name === null) throw badInput('input.name', 'cannot be cleared');
      next.name = validName('input.name', input.name);
    }
    if (input.kind !== undefined) {
      if (input.kind === null || !Object.values(AgencyKind).includes(input.kind)) {
        throw badInput('input.kind', 'must be an agency kind');
      }
      next.kind = input.kind;
    }
    if (!isUuid(id)) throw notFound('Agency');
    return this.tx.run(async () => {
      const agency = await this.agencies.lock(id, 'update');
      if (!agency) throw notFound('Agency');
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
        (field) => next[field] !== agency[field],
      );
      if (!changed.length) return agency;
      Object.assign(agency, next);
      await this.agencies.update(id, next);
      await this.ledger.append([
        adminEntry(HandoffAction.AGENCY_UPDATED, actor, {
          agencyId: agency.id,
          code: agency.code,
          kind: agency.kind,
          changed,
        }),
      ]);
      return agency;
    });
  }
}
