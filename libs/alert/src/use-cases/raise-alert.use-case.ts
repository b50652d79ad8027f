import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { forbidden, conflict, isUuid, Limits, notFound, requiredText } from '@simpul/common';
import { AgencyKind, UnitReader } from '@simpul/agency';
import { CaseAccess, CaseStatus, nextReference, type ExploitationType } from '@simpul/case';
import { IdempotencyStore, requestDigest, TransactionHost } from '@simpul/database';
import { CLOCK, type Clock } from '@simpul/config';
import { OutboxWriter, statementParams, TimerScheduler } from '@simpul/delivery';
import { Role, type Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { DeliveryState } from '@simpul/referral';
import { AlertStatus } from '../alert-enums';
import { alertEntry } from '../alert-entry';
import { alertEscalationTimer } from '../alert-escalation';
import { AlertAccess } from '../alert-access';
import type { AlertFacts } from '../alert-routing';
import { AlertRouting, validCountryCode, validRegionCode } from '../alert-routing.service';
import type { RaiseAlertInput } from '../dto/raise-alert.input';
import { AlertEntity } from '../entities/alert.entity';

/** The facts routing reads, validated; shared with previewAlertRouting. */
export function alertFacts(
  input: Pick<
    RaiseAlertInput,
    'type' | 'severity' | 'regionCode' | 'countryCode' | 'exploitationTypes'
  >,
): AlertFacts {
  return {
    type: input.type,
    severity: input.severity,
    regionCode: validRegionCode('input.regionCode', input.regionCode),
    countryCode: validCountryCode('input.countryCode', input.countryCode),
    exploitationTypes: [...new Set<ExploitationType>(input.exploitationTypes ?? [])],
  };
}

/**
 * raiseAlert. Who may raise (docs/access-model.md, "Alerts"): an INVESTIGATOR (police), an
 * officer of an immigration (IMIGRASI) unit, and — for an alert about a case — any officer of a
 * party of that case. In one transaction: the alert, one delivery row and one outbox row per
 * receiving unit chosen by the routing rules, the escalation timer of a HIGH or CRITICAL alert,
 * and ALERT_RAISED on the ledger; the worker then delivers each unit's copy (ALERT_DELIVERED).
 */
@Injectable()
export class RaiseAlertUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly idempotency: IdempotencyStore,
    private readonly cases: CaseAccess,
    private readonly routing: AlertRouting,
    private readonly outbox: OutboxWriter,
    private readonly ledger: LedgerWriter,
    private readonly timers: TimerScheduler,
    private readonly units: UnitReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: RaiseAlertInput): Promise<AlertEntity> {
    if (!AlertAccess.mayAct(actor)) {
      throw forbidden('Only investigators, immigration officers and case parties raise alerts');
    }
    const summary = requiredText('input.summary', input.summary, Limits.summary);
    const facts = alertFacts(input);
    const caseId = input.caseId ?? null;
    return this.tx.run(async () => {
      const id = randomUUID();
      if (input.idempotencyKey) {
        const earlier = await this.idempotency.claim({
          officerId: actor.officerId,
          operation: 'raiseAlert',
          key: requiredText('input.idempotencyKey', input.idempotencyKey, Limits.idempotencyKey),
          digest: requestDigest({ ...input, idempotencyKey: undefined }),
          newId: id,
        });
        if (earlier) return this.tx.manager.findOneByOrFail(AlertEntity, { id: earlier });
      }
      await this.checkRaiser(actor, caseId);
      const receivers = await this.routing.receivers(facts);
      const now = this.clock.now();
      const alert = this.tx.manager.create(AlertEntity, {
        id,
        reference: await nextReference(this.tx.manager, 'PRG', 'alert_reference_seq', now),
        type: facts.type,
        severity: facts.severity,
        status: AlertStatus.RAISED,
        summary,
        regionCode: facts.regionCode,
        countryCode: facts.countryCode,
        exploitationTypes: [...facts.exploitationTypes],
        caseId,
        raisedById: actor.officerId,
        raisedByUnitId: actor.unitId,
        raisedAt: now,
        closedAt: null,
        closedById: null,
        dismissalReason: null,
        statusNote: null,
        escalationLevel: 0,
        version: 1,
      });
      await this.tx.manager.insert(AlertEntity, alert);
      await this.fanOut(id, receivers);
      // HIGH and CRITICAL alerts escalate when nobody acknowledges them in time.
      const timer = alertEscalationTimer(alert);
      if (timer) await this.timers.schedule([timer]);
      await this.ledger.append([
        alertEntry(HandoffAction.ALERT_RAISED, {
          actorId: actor.officerId,
          fromUnitId: actor.unitId,
          toUnitId: null,
          alertId: id,
          payload: {
            reference: alert.reference,
            type: alert.type,
            severity: alert.severity,
            regionCode: alert.regionCode,
            countryCode: alert.countryCode,
            exploitationTypes: alert.exploitationTypes,
            caseId,
            receivingUnitIds: receivers,
          },
        }),
      ]);
      return alert;
    });
  }

  /** The delivery rows and their outbox rows, in one statement whatever the number of units. */
  private async fanOut(alertId: string, unitIds: string[]): Promise<void> {
    const { params, bind } = statementParams();
    const deliveries = `delivery AS (INSERT INTO alert_delivery (alert_id, unit_id, delivery)
       SELECT ${bind(alertId)}::uuid, unnest(${bind(unitIds)}::uuid[]), ${bind(DeliveryState.PENDING)})`;
    const jobs = `job AS (${this.outbox.insertManySql(
      bind,
      'deliver-alert',
      unitIds.map((unitId) => ({ alertId, unitId })),
    )})`;
    // No NOTIFY: the relay wakes when the sequencer seals ALERT_RAISED (as for referrals).
    await this.tx.manager.query(`WITH ${deliveries},\n${jobs}\nSELECT 1`, params);
  }

  private async checkRaiser(actor: Actor, caseId: string | null): Promise<void> {
    if (caseId !== null) {
      if (!isUuid(caseId)) throw notFound('Case');
      const status = await this.cases.shareLockedStatus(caseId);
      if (!status || !(await this.cases.isParty(actor, caseId))) throw notFound('Case');
      if (status !== CaseStatus.OPEN) throw conflict('The case is closed');
      return;
    }
    if (actor.roles.includes(Role.INVESTIGATOR)) return;
    const place = await this.units.placeOf(actor.unitId);
    if (place?.agencyKind === AgencyKind.IMIGRASI) return;
    throw forbidden(
      'Only investigators and immigration officers raise alerts; other units raise them about a case they are a party of',
    );
  }
}
