import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { badInput, isUuid } from '@simpul/common';
import { CaseAccess } from '@simpul/case';
import { CLOCK, type Clock } from '@simpul/config';
import { OutboxWriter, statementParams, TimerScheduler } from '@simpul/delivery';
import { HandoffAction, type LedgerEntryDraft } from '@simpul/ledger';
import { computeDeadlines, type Priority } from '@simpul/sla';
import { nextReference } from '@simpul/case';
import {
  DeliveryState,
  ReferralStatus,
  type LawfulBasis,
  type ServiceType,
} from './referral-enums';
import { ReferralEntity } from './entities/referral.entity';
import { confidentialOnSend, redirectedConfidential } from './referral-visibility';
import { escalationPlan, referralTimer } from './escalation/referral-escalation-plan';

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
  /**
   * The sender's choice (absent: the police-investigation default), or for a redirect the flag
   * of the referral it replaces (docs/access-model.md).
   */
  confidential: { requested: boolean | null | undefined } | { redirectedFrom: boolean };
}

/**
 * Writes a REQUESTED referral with its deadlines, the persons it names, the new case party, and the
 * outbox row that will deliver it — shared by sendReferral and redirectReferral. Returns the
 * REFERRAL_SENT ledger entry for the caller to append.
 */
@Injectable()
export class ReferralFactory {
  constructor(
    private readonly access: CaseAccess,
    private readonly outbox: OutboxWriter,
    private readonly timers: TimerScheduler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(
    manager: EntityManager,
    fields: NewReferral,
    actorId: string,
    toUnitField: string,
  ): Promise<{ referral: ReferralEntity; sentEntry: LedgerEntryDraft }> {
    const { toUnit, fromKind } = await this.sides(manager, fields, toUnitField);
    const confidential =
      'redirectedFrom' in fields.confidential
        ? redirectedConfidential(
            fields.confidential.redirectedFrom,
            fields.services,
            fromKind,
            toUnit.kind,
          )
        : confidentialOnSend(fields.confidential.requested, fields.services, fromKind, toUnit.kind);
    const sentAt = this.clock.now();
    const referral = manager.create(ReferralEntity, {
      ...fields,
      confidential,
      reference: await nextReference(manager, 'RJK', 'referral_reference_seq', sentAt),
      status: ReferralStatus.REQUESTED,
      delivery: DeliveryState.PENDING,
      sentAt,
      ...computeDeadlines(sentAt, fields.priority, toUnit.time_zone),
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
    });
    await this.insert(manager, referral, fields.personIds, toUnit.time_zone);
    await this.access.addParties(manager, fields.caseId, [fields.fromUnitId, fields.toUnitId]);
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
          confidential: referral.confidential,
        },
      },
    };
  }

  /**
   * The referral, the persons it names, the outbox row that will deliver it and its first
   * escalation timer (the acknowledge deadline's first step), in one statement (data-modifying
   * CTEs): every send runs this, and each round trip costs the gateway CPU.
   */
  private async insert(
    manager: EntityManager,
    referral: ReferralEntity,
    personIds: string[],
    timeZone: string,
  ): Promise<void> {
    const { params, bind } = statementParams();
    // Only the columns a new referral sets; the rest (decision, delivery and escalation columns)
    // take the table's defaults or NULL. test/integration/entities-match-tables.integration-spec.ts keeps the entity
    // and the table in step; a column added NOT NULL without a default fails every send test.
    const row: [column: string, value: string][] = [
      ['id', bind(referral.id)],
      ['reference', bind(referral.reference)],
      ['case_id', bind(referral.caseId)],
      ['from_unit_id', bind(referral.fromUnitId)],
      ['to_unit_id', bind(referral.toUnitId)],
      ['sent_by_id', bind(referral.sentById)],
      ['services', `${bind(referral.services)}::text[]`],
      ['priority', bind(referral.priority)],
      ['status', bind(referral.status)],
      ['summary', bind(referral.summary)],
      ['delivery', bind(referral.delivery)],
      ['sent_at', `${bind(referral.sentAt)}::timestamptz`],
      ['acknowledge_by', `${bind(referral.acknowledgeBy)}::timestamptz`],
      ['accept_by', `${bind(referral.acceptBy)}::timestamptz`],
      ['redirected_from_id', `${bind(referral.redirectedFromId)}::uuid`],
      ['lawful_basis', bind(referral.lawfulBasis)],
      ['consent_reference', bind(referral.consentReference)],
      ['confidential', `${bind(referral.confidential)}::boolean`],
      ['version', `${bind(referral.version)}::int`],
    ];
    const parts = [
      `referral AS (INSERT INTO referral (${row.map(([column]) => column).join(', ')})
         VALUES (${row.map(([, value]) => value).join(', ')}))`,
      `job AS (${this.outbox.insertSql(bind, 'deliver-referral', { referralId: referral.id })})`,
    ];
    const [firstStep] = escalationPlan(referral, timeZone);
    if (firstStep) {
      parts.push(
        `timer AS (${this.timers.insertSql(bind, [referralTimer(referral.id, firstStep)])})`,
      );
    }
    if (personIds.length) {
      parts.push(`person AS (INSERT INTO referral_person (referral_id, person_id)
         SELECT ${bind(referral.id)}::uuid, unnest(${bind(personIds)}::uuid[]))`);
    }
    // No NOTIFY here: one in every sending transaction would serialise their commits. The relay is
    // woken once per sealed ledger batch, which holds this transaction's REFERRAL_SENT.
    await manager.query(`WITH ${parts.join(',\n')}\nSELECT 1`, params);
  }

  /** The receiving unit (its time zone sets the deadlines) and the agency kinds of both sides. */
  private async sides(
    manager: EntityManager,
    fields: Pick<NewReferral, 'fromUnitId' | 'toUnitId'>,
    field: string,
  ): Promise<{ toUnit: { time_zone: string; kind: string }; fromKind: string }> {
    const rows: { id: string; time_zone: string; kind: string }[] = isUuid(fields.toUnitId)
      ? await manager.query(
          `SELECT u.id, u.time_zone, a.kind FROM unit u JOIN agency a ON a.id = u.agency_id
            WHERE u.id = ANY($1::uuid[])`,
          [[fields.fromUnitId, fields.toUnitId]],
        )
      : [];
    const toUnit = rows.find((row) => row.id === fields.toUnitId);
    if (!toUnit) throw badInput(field, 'no such unit');
    return { toUnit, fromKind: rows.find((row) => row.id === fields.fromUnitId)?.kind ?? '' };
  }
}
