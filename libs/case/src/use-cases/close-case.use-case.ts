import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { conflict, Limits, requiredText } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { CaseAccess } from '../case-access';
import { CaseStatus } from '../case-enums';
import { CaseEntity } from '../entities/case.entity';

/** Referral statuses in which someone still holds work for the case. */
const OPEN_REFERRAL_STATUSES = ['REQUESTED', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'];

/** closeCase: lead unit only, once no referral of the case is still open. */
@Injectable()
export class CloseCaseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
    private readonly access: CaseAccess,
  ) {}

  async execute(actor: Actor, caseId: string, note: string): Promise<CaseEntity> {
    const validNote = requiredText('note', note, Limits.note);
    return this.dataSource.transaction(async (manager) => {
      // The lock makes a concurrent sendReferral on this case wait for the close, then see CLOSED.
      const locked = await this.access.lockAsLeadUnit(actor, caseId, manager, 'closes a case');
      if (locked.status !== CaseStatus.OPEN) throw conflict('The case is already closed');
      // Read from the referral table directly: the case lib must not depend on the referral lib.
      const [{ open }]: { open: number }[] = await manager.query(
        'SELECT count(*)::int AS open FROM referral WHERE case_id = $1 AND status = ANY($2)',
        [caseId, OPEN_REFERRAL_STATUSES],
      );
      if (open > 0) {
        throw conflict(`The case still has ${open} open referral(s); finish or cancel them first`);
      }
      locked.status = CaseStatus.CLOSED;
      locked.closedAt = new Date();
      await manager.update(
        CaseEntity,
        { id: caseId },
        { status: locked.status, closedAt: locked.closedAt },
      );
      await this.ledger.append(manager, [
        {
          action: HandoffAction.CASE_CLOSED,
          actorId: actor.officerId,
          fromUnitId: locked.leadUnitId,
          toUnitId: null,
          caseId,
          referralId: null,
          note: validNote,
          payload: { status: CaseStatus.CLOSED },
        },
      ]);
      return locked;
    });
  }
}
