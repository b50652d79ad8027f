import { Inject, Injectable } from '@nestjs/common';
import { badInput, isUuid } from '@simpul/common';
import { unitSidesSql, type UnitSide } from '@simpul/agency';
import {
  addCasePartiesSql,
  casePartySql,
  caseStatusSql,
  formatReference,
  nextReferenceSql,
  requireOpenCaseSql,
  type CaseStatus,
} from '@simpul/case';
import { CLOCK, type Clock } from '@simpul/config';
import { PreparedStatements } from '@simpul/database';
import { OutboxWriter, statementParams } from '@simpul/delivery';
import { HandoffAction, LedgerWriter, type LedgerEntryDraft } from '@simpul/ledger';
import { computeDeadlines, deskClock, type Priority } from '@simpul/sla';
import { TransactionHost } from '@simpul/database';
import {
  DeliveryState,
  ReferralStatus,
  type LawfulBasis,
  type ServiceType,
} from './referral-enums';
import { ReferralEntity } from './entities/referral.entity';
import { confidentialOnSend, redirectedConfidential } from './referral-visibility';

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

/** What a new referral needs read before it is written (ReferralFactory.prepare). */
export interface ReferralPreparation {
  /** The receiving unit (its time zone sets the deadlines); undefined if there is no such unit. */
  toUnit: UnitSide | undefined;
  /** The input field that named the receiving unit, for the error when there is no such unit. */
  toUnitField: string;
  /** The sending unit's agency kind (the police-investigation default of `confidential`). */
  fromKind: string;
  reference: string;
  /**
   * With `caseCheck`: the case's status (null: no such case) and whether one of the caller's
   * units is its party, as read; `create` with `requireOpenCase` re-checks the status as it writes.
   */
  case?: { status: CaseStatus | null; party: boolean };
}

/**
 * Writes a REQUESTED referral with its deadlines, the persons it names, the new case parties and
 * the outbox row that will deliver it — shared by sendReferral and redirectReferral — in two
 * statements (its escalation timers are armed by the worker's sweep when they come near): `prepare` reads what the write needs (and, for a send,
 * the case checks), `create` writes it all. Each round trip costs the gateway CPU on every send.
 */
@Injectable()
export class ReferralFactory {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly outbox: OutboxWriter,
    private readonly statements: PreparedStatements,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * One statement: the units' time zones, weekends and agency kinds, the next reference number
   * and, with `caseCheck`, the case's status and whether the caller's units are its party.
   */
  async prepare(
    sides: Pick<NewReferral, 'fromUnitId' | 'toUnitId'>,
    toUnitField: string,
    caseCheck?: { caseId: string; unitIds: readonly string[] },
  ): Promise<ReferralPreparation> {
    const { params, bind } = statementParams();
    const unitIds = [sides.fromUnitId, sides.toUnitId].filter(isUuid);
    const select = [
      `${unitSidesSql(bind(unitIds))} AS units`,
      `${nextReferenceSql('referral_reference_seq')} AS n`,
    ];
    if (caseCheck) {
      const caseId = bind(caseCheck.caseId);
      select.push(
        `${caseStatusSql(caseId)} AS case_status`,
        `${casePartySql(caseId, bind(caseCheck.unitIds))} AS party`,
      );
    }
    const [row]: {
      units: UnitSide[];
      n: string;
      case_status?: CaseStatus | null;
      party?: boolean;
    }[] = await this.statements.on(this.tx.manager).query(`SELECT ${select.join(', ')}`, params);
    return {
      toUnit: row.units.find((unit) => unit.id === sides.toUnitId),
      toUnitField,
      fromKind: row.units.find((unit) => unit.id === sides.fromUnitId)?.kind ?? '',
      reference: formatReference('RJK', row.n, this.clock.now()),
      ...(caseCheck && { case: { status: row.case_status ?? null, party: !!row.party } }),
    };
  }

  /**
   * Writes the referral (after `prepare`) in one statement. With `appendSentEntry` its
   * REFERRAL_SENT entry goes on the ledger in that statement too; otherwise the caller appends
   * the returned entry itself (a redirect puts it after its own REFERRAL_REDIRECTED). With
   * `requireOpenCase` the statement re-checks, under a share lock on the case, that the case is
   * still open, and fails writing nothing if not (refusal CASE_NOT_OPEN): a caller that needs no
   * transaction of its own then needs none for this check either.
   */
  async create(
    fields: NewReferral,
    actorId: string,
    prepared: ReferralPreparation,
    {
      appendSentEntry,
      requireOpenCase = false,
    }: { appendSentEntry: boolean; requireOpenCase?: boolean },
  ): Promise<{ referral: ReferralEntity; sentEntry: LedgerEntryDraft }> {
    const { toUnit, fromKind } = prepared;
    // Checked here, after the caller's case checks: a stranger's probe learns nothing of units.
    if (!toUnit) throw badInput(prepared.toUnitField, 'no such unit');
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
    const referral = this.tx.manager.create(ReferralEntity, {
      ...fields,
      confidential,
      reference: prepared.reference,
      status: ReferralStatus.REQUESTED,
      delivery: DeliveryState.PENDING,
      sentAt,
      ...computeDeadlines(sentAt, fields.priority, deskClock(toUnit)),
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
    const sentEntry: LedgerEntryDraft = {
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
    };
    await this.insert(
      referral,
      fields.personIds,
      appendSentEntry ? [sentEntry] : [],
      requireOpenCase,
    );
    return { referral, sentEntry };
  }

  /**
   * The referral, the persons it names, the case parties, the outbox row that will deliver it
   * and its ledger entries, in one statement (data-modifying CTEs): every send runs this, and each round trip costs the
   * gateway CPU. A statement is atomic on its own: when the case check in its SELECT list fails,
   * none of the CTEs' rows are written.
   */
  private async insert(
    referral: ReferralEntity,
    personIds: string[],
    entries: LedgerEntryDraft[],
    requireOpenCase: boolean,
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
      `party AS (${addCasePartiesSql(bind(referral.caseId), bind([...new Set([referral.fromUnitId, referral.toUnitId])]))})`,
      ...(entries.length ? this.ledger.appendSql(bind, entries) : []),
    ];
    if (personIds.length) {
      parts.push(`person AS (INSERT INTO referral_person (referral_id, person_id)
         SELECT ${bind(referral.id)}::uuid, unnest(${bind(personIds)}::uuid[]))`);
    }
    // No NOTIFY here: one in every sending transaction would serialise their commits. The relay is
    // woken once per sealed ledger batch, which holds this transaction's REFERRAL_SENT.
    const checks = requireOpenCase ? requireOpenCaseSql(bind(referral.caseId)) : '1';
    await this.statements
      .on(this.tx.manager)
      .query(`WITH ${parts.join(',\n')}\nSELECT ${checks}`, params);
  }
}
