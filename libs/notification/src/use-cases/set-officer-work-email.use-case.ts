import { Injectable } from '@nestjs/common';
import { badInput, forbidden, isUuid, notFound } from '@simpul/common';
import { OfficerReader, Role, hasRole, type Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';

/** A plain address: local@domain, no spaces, no display name, at most 254 characters. */
const ADDRESS =
  /^[^\s@<>()",;:\\[\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * setOfficerWorkEmail (ADMIN): the work address escalations and CRITICAL alerts are emailed to;
 * null removes it. OFFICER_UPDATED on the ledger names the field, never the address.
 */
@Injectable()
export class SetOfficerWorkEmailUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly officers: OfficerReader,
  ) {}

  async execute(actor: Actor, officerId: string, address: string | null): Promise<boolean> {
    if (!hasRole(actor, Role.ADMIN)) throw forbidden('Only an ADMIN sets work email addresses');
    const value = address === null ? null : address.trim();
    if (value !== null && (value.length > 254 || !ADDRESS.test(value))) {
      throw badInput('workEmail', 'must be a plain email address (name@domain)');
    }
    if (!isUuid(officerId)) throw notFound('Officer');
    return this.tx.run(async () => {
      const unitId = await this.officers.unitIdOf(officerId);
      if (unitId === null) throw notFound('Officer');
      if (value === null) {
        await this.tx.manager.query('DELETE FROM officer_work_email WHERE officer_id = $1', [
          officerId,
        ]);
      } else {
        await this.tx.manager.query(
          `INSERT INTO officer_work_email (officer_id, address) VALUES ($1, $2)
           ON CONFLICT (officer_id) DO UPDATE SET address = $2, updated_at = now()`,
          [officerId, value],
        );
      }
      await this.ledger.append([
        {
          action: HandoffAction.OFFICER_UPDATED,
          actorId: actor.officerId,
          fromUnitId: null,
          toUnitId: null,
          caseId: null,
          referralId: null,
          payload: { officerId, unitId, changed: ['workEmail'] },
        },
      ]);
      return true;
    });
  }
}
