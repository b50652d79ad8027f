import { Injectable } from '@nestjs/common';
import { UnitReader } from '@simpul/agency';
import { badInput, isUuid } from '@simpul/common';
import { CaseAccess } from '@simpul/case';
import { HandoffAction, type LedgerEntryDraft } from '@simpul/ledger';
import { computeDeadlines, type Priority } from '@simpul/sla';
import {
  DeliveryState,
  ReferralStatus,
  type LawfulBasis,
  type ServiceType,
} from './referral-enums';
import { ReferralEntity } from './entities/referral.entity';
import { ReferralRepository } from './referral.repository';

export interface NewReferral {
  id: string;
  caseId: string;
  fromUnitId: string;
  toUnitId: string;
  sentById: string;
  services: ServiceType[];
  priority: Priority;
  summary: string;
  personIds: string[];
  redirectedFromId?: string;
  lawfulBasis: LawfulBasis | null;
  consentReference: string | null;
}

/**
 * Writes a REQUESTED referral with its deadlines, the persons it names, the new case party, and the
 * outbox row that will deliver it — shared by sendReferral and redirectReferral, in their
 * transaction. Returns the REFERRAL_SENT ledger entry for the caller to append as its
 * transaction's last step.
 */
@Injectable()
export class ReferralFactory {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly access: CaseAccess,
    private readonly units: UnitReader,
  ) {}

  async create(
    fields: NewReferral,
    actorId: string,
    toUnitField: string,
  ): Promise<{ referral: ReferralEntity; sentEntry: LedgerEntryDraft }> {
    const toUnit = isUuid(fields.toUnitId) ? await this.units.byId(fields.toUnitId) : null;
    if (!toUnit) throw badInput(toUnitField, 'no such unit');
    const sentAt = new Date();
    const referral = Object.assign(new ReferralEntity(), {
      id: fields.id,
      caseId: fields.caseId,
      fromUnitId: fields.fromUnitId,
      toUnitId: fields.toUnitId,
      sentById: fields.sentById,
      services: fields.services,
      priority: fields.priority,
      summary: fields.summary,
      lawfulBasis: fields.lawfulBasis,
      consentReference: fields.consentReference,
      reference: await this.referrals.nextReference(sentAt),
      status: ReferralStatus.REQUESTED,
      delivery: DeliveryState.PENDING,
      sentAt,
      ...computeDeadlines(sentAt, fields.priority, toUnit.timeZone),
      acceptedById: null,
      rejectionReason: null,
      statusNote: null,
      outcome: null,
      deliveredAt: null,
      acknowledgedAt: null,
      acceptedAt: null,
      closedAt: null,
      heldAt: null,
      escalationLevel: 0,
      redirectedFromId: fields.redirectedFromId ?? null,
      redirectedToId: null,
      version: 1,
    } satisfies ReferralEntity);
    await this.referrals.insertSent(referral, fields.personIds);
    await this.access.addParties(fields.caseId, [fields.fromUnitId, fields.toUnitId]);
    return {
      referral,
      sentEntry: {
        action: HandoffAction.REFERRAL_SENT,
        actorId,
        fromUnitId: fields.fromUnitId,
        toUnitId: fields.toUnitId,
        caseId: fields.caseId,
        referralId: referral.id,
        payload: {
          reference: referral.reference,
          status: referral.status,
          version: referral.version,
          services: referral.services,
          priority: referral.priority,
          personCount: fields.personIds.length,
          redirectedFrom: referral.redirectedFromId,
          lawfulBasis: referral.lawfulBasis,
        },
      },
    };
  }
}
