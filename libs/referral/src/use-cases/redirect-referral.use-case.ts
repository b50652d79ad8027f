import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { badInput, Limits, optionalText } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import type { LedgerEntryDraft } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { ReferralEntity } from '../entities/referral.entity';
import { ReferralPersonEntity } from '../entities/referral-person.entity';
import { ReferralFactory } from '../referral-factory';
import { ReferralTransition } from '../referral-transition';

/**
 * redirectReferral: the receiving unit passes the referral on. This one ends REDIRECTED and a new
 * REQUESTED referral to toUnitId is created — same sender, case, services, priority, persons and
 * confidentiality —
 * linked both ways. Returns the new referral.
 */
@Injectable()
export class RedirectReferralUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly transition: ReferralTransition,
    private readonly factory: ReferralFactory,
  ) {}

  async execute(
    actor: Actor,
    referralId: string,
    toUnitId: string,
    note?: string | null,
    expectedVersion?: number | null,
  ): Promise<ReferralEntity> {
    const validNote = optionalText('note', note, Limits.note);
    let child: ReferralEntity | undefined;
    let childSent: LedgerEntryDraft | undefined;
    await this.transition.run({
      actor,
      referralId,
      action: 'redirect',
      expectedVersion,
      note: validNote,
      payload: { redirectedToUnit: toUnitId },
      apply: async (referral, now) => {
        if (toUnitId === referral.toUnitId || toUnitId === referral.fromUnitId) {
          throw badInput(
            'toUnitId',
            'must be a unit other than the sender and the current receiver',
          );
        }
        const persons = await this.tx.manager.findBy(ReferralPersonEntity, {
          referralId: referral.id,
        });
        const prepared = await this.factory.prepare(
          { fromUnitId: referral.fromUnitId, toUnitId },
          'toUnitId',
        );
        const created = await this.factory.create(
          {
            id: randomUUID(),
            caseId: referral.caseId,
            fromUnitId: referral.fromUnitId,
            toUnitId,
            sentById: referral.sentById,
            services: referral.services,
            priority: referral.priority,
            summary: referral.summary,
            personIds: persons.map((p) => p.personId),
            redirectedFromId: referral.id,
            // The same persons travel on the same basis.
            lawfulBasis: referral.lawfulBasis,
            consentReference: referral.consentReference,
            // A redirect never drops confidentiality (a redirect to the police adds it).
            confidential: { redirectedFrom: referral.confidential },
          },
          actor.officerId,
          prepared,
          // After this transition's own REFERRAL_REDIRECTED (moreEntries).
          { appendSentEntry: false },
        );
        child = created.referral;
        childSent = created.sentEntry;
        referral.redirectedToId = child.id;
        referral.statusNote = validNote;
        referral.closedAt = now;
      },
      moreEntries: () => (childSent ? [childSent] : []),
    });
    return child as ReferralEntity;
  }
}
