import { Inject, Injectable } from '@nestjs/common';
import { AgencyReader, isPoliceAgency } from '@simpul/agency';
import { forbidden, Limits, optionalText } from '@simpul/common';
import { TransactionHost, type TxHost } from '@simpul/database';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { PersonalDataCipher } from '@simpul/privacy';
import { CaseAccess } from './case-access';
import { CaseRepository } from './case.repository';
import type { CaseEntity } from './entities/case.entity';

/** Police units' own notes on a case (suspects, leads): sealed, and only for police parties. */
@Injectable()
export class PoliceNotes {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly cases: CaseRepository,
    private readonly access: CaseAccess,
    private readonly agencies: AgencyReader,
    private readonly cipher: PersonalDataCipher,
    private readonly ledger: LedgerWriter,
  ) {}

  /** The agency lib's rule decides what a police agency is; the case lib only asks. */
  async isPolicePartyOf(actor: Actor, caseId: string): Promise<boolean> {
    const agency = await this.agencies.byId(actor.agencyId);
    return isPoliceAgency(agency?.kind) && (await this.access.isParty(actor, caseId));
  }

  /** The notes, or null for everyone but police parties. */
  async read(actor: Actor, caseId: string): Promise<string | null> {
    if (!(await this.isPolicePartyOf(actor, caseId))) return null;
    const sealed = await this.cases.policeNotesSealed(caseId);
    return sealed ? this.cipher.open<string>(caseId, sealed) : null;
  }

  async write(actor: Actor, caseId: string, notes: string | null): Promise<CaseEntity> {
    const text = optionalText('notes', notes, Limits.summary);
    return this.txHost.withTransaction(async () => {
      const found = await this.access.readableCase(actor, caseId);
      if (!(await this.isPolicePartyOf(actor, caseId))) {
        throw forbidden('Only POLRI units that are parties of the case keep police notes');
      }
      await this.cases.setPoliceNotes(
        caseId,
        text === null ? null : this.cipher.seal(caseId, text),
      );
      await this.ledger.append([
        {
          action: HandoffAction.POLICE_NOTES_UPDATED,
          actorId: actor.officerId,
          fromUnitId: actor.unitId,
          toUnitId: null,
          caseId,
          referralId: null,
          payload: { cleared: text === null },
        },
      ]);
      return found;
    });
  }
}
