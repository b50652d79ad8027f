import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { forbidden, Limits, optionalText } from '@simpul/common';
import { Role, type Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { PersonalDataCipher } from '@simpul/privacy';
import { TransactionHost } from '@simpul/database';
import { CaseAccess } from './case-access';
import { CaseEntity } from './entities/case.entity';

/**
 * The police's own notes on a case (suspects, leads): sealed, and only for investigators of the
 * case's parties. One rule, the role the schema describes ("INVESTIGATOR: police, sees
 * police-only fields"), not the unit's agency kind: an officer with the INVESTIGATOR role whose
 * unit is a party of the case reads and writes them; a desk officer or supervisor of a police
 * unit does not (docs/access-model.md).
 */
@Injectable()
export class PoliceNotes {
  constructor(
    private readonly tx: TransactionHost,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly cipher: PersonalDataCipher,
    private readonly ledger: LedgerWriter,
  ) {}

  async isPolicePartyOf(actor: Actor, caseId: string): Promise<boolean> {
    return actor.roles.includes(Role.INVESTIGATOR) && (await this.access.isParty(actor, caseId));
  }

  /** The notes, or null for everyone but investigators of the case's parties. */
  async read(actor: Actor, caseId: string): Promise<string | null> {
    if (!(await this.isPolicePartyOf(actor, caseId))) return null;
    const row = await this.dataSource.manager
      .createQueryBuilder(CaseEntity, 'c')
      .addSelect('c.policeNotesSealed')
      .where('c.id = :caseId', { caseId })
      .getOne();
    return row?.policeNotesSealed ? this.cipher.open<string>(caseId, row.policeNotesSealed) : null;
  }

  async write(actor: Actor, caseId: string, notes: string | null): Promise<CaseEntity> {
    const text = optionalText('notes', notes, Limits.summary);
    return this.tx.run(async () => {
      const found = await this.access.readableCase(actor, caseId);
      if (!(await this.isPolicePartyOf(actor, caseId))) {
        throw forbidden(
          'Only investigators of units that are parties of the case keep police notes',
        );
      }
      const sealed = text === null ? null : this.cipher.seal(caseId, text);
      await this.tx.manager.update(CaseEntity, { id: caseId }, { policeNotesSealed: sealed });
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
