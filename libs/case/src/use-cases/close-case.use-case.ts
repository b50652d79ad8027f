import { Inject, Injectable } from '@nestjs/common';
import { conflict, Limits, requiredText } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { CLOCK, type Clock } from '@simpul/config';
import { TransactionHost } from '@simpul/database';
import { CaseAccess } from '../case-access';
import { CASE_REFERRALS, type CaseReferrals } from '../case-referrals.port';
import { CaseStatus } from '../case-enums';
import { CaseEntity } from '../entities/case.entity';

/** closeCase: lead unit only, once no referral of the case is still open. */
@Injectable()
export class CloseCaseUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly access: CaseAccess,
    @Inject(CASE_REFERRALS) private readonly referrals: CaseReferrals,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, caseId: string, note: string): Promise<CaseEntity> {
    const validNote = requiredText('note', note, Limits.note);
    return this.tx.run(async () => {
      // The lock makes a concurrent sendReferral on this case wait for the close, then see CLOSED.
      const locked = await this.access.lockAsLeadUnit(actor, caseId, 'closes a case');
      if (locked.status !== CaseStatus.OPEN) throw conflict('The case is already closed');
      // Asked through the port the referral lib implements: it owns the referral table.
      const open = await this.referrals.countOpen(caseId);
      if (open > 0) {
        throw conflict(`The case still has ${open} open referral(s); finish or cancel them first`);
      }
      locked.status = CaseStatus.CLOSED;
      // The Clock its referrals' closing reads: never closed before the last of them.
      locked.closedAt = this.clock.now();
      await this.tx.manager.update(
        CaseEntity,
        { id: caseId },
        { status: locked.status, closedAt: locked.closedAt },
      );
      await this.ledger.append([
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
