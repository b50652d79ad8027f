import { Injectable } from '@nestjs/common';
import { AgencyKind, AgencyStore, type AgencyEntity } from '@simpul/agency';
import { badInput } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { adminEntry, assertAdmin } from '../admin-entry';
import { validCode, validName } from '../admin-input';
import type { CreateAgencyInput } from '../dto/create-agency.input';

/** createAgency: a new agency with a unique code; AGENCY_CREATED in the same transaction. */
@Injectable()
export class CreateAgencyUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly agencies: AgencyStore,
  ) {}

  async execute(actor: Actor, input: CreateAgencyInput): Promise<AgencyEntity> {
    assertAdmin(actor);
    const code = validCode('input.code', input.code);
    const name = validName('input.name', input.name);
    if (!Object.values(AgencyKind).includes(input.kind)) {
      throw badInput('input.kind', 'is not an agency kind');
    }
    return this.tx.run(async () => {
      const agency = await this.agencies.insert({ code, name, kind: input.kind });
      if (!agency) throw badInput('input.code', 'is already the code of another agency');
      await this.ledger.append([
        adminEntry(HandoffAction.AGENCY_CREATED, actor, {
          agencyId: agency.id,
          code: agency.code,
          kind: agency.kind,
        }),
      ]);
      return agency;
    });
  }
}
