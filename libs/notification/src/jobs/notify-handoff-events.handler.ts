import { Injectable, Logger } from '@nestjs/common';
import {
  HandlesJob,
  OutboxWriter,
  markOutboxRowsDone,
  type JobHandler,
  type OutboxJobRef,
} from '@simpul/delivery';
import { activeOfficersOfUnitsSql, Role } from '@simpul/identity';
import { deliveries, escalations, ledgerEvents, notificationsWritten } from '@simpul/observability';
import { LedgerReader, type SealedLedgerEntry } from '@simpul/ledger';
import type { JobPayloads } from '@simpul/queue';
import { TransactionHost } from '@simpul/database';
import { MailTransport } from '../mail/mail-transport';
import {
  escalationLevelOf,
  notificationTargetOf,
  type NotificationTarget,
} from '../notification-audience';
import { NotificationBus } from '../notification-bus';
import { HiddenEscalations } from '../hidden-escalations';
import { SubjectReferences } from '../subject-references';

/** Roles that work cases: the officers a unit's notifications are for. */
const CASEWORKERS = [Role.DESK_OFFICER, Role.SUPERVISOR, Role.INVESTIGATOR];

interface Recipient {
  officer_id: string;
  unit_id: string;
  supervisor: boolean;
  has_email: boolean;
}

interface Inserted {
  id: string;
  officer_id: string;
  seq: string;
  action: string;
}

/** Deliveries and escalations as the ledger records them (metrics; at least once on a re-run). */
function countEvents(entries: SealedLedgerEntry[]): void {
  for (const entry of entries) {
    ledgerEvents.inc({ action: entry.action });
    const [kind, what] = entry.action.toLowerCase().split('_');
    if (what === 'delivered') deliveries.inc({ kind });
    if (what === 'escalated') {
      escalations.inc({ kind, level: String(escalationLevelOf(entry.payload) ?? 'unknown') });
    }
  }
}

/**
 * Turns a sealed ledger batch into what people and systems are told (notification-audience.ts):
 * in-app notifications for the officers of each unit told, an email job for those of them with a
 * work address when the rule emails, and a webhook delivery for each active endpoint of the unit.
 * All in one transaction with the job's outbox row done; the unique keys (officer, seq) and
 * (endpoint, seq) make a re-run write and enqueue nothing twice. Live subscribers are told after
 * the commit, of the notifications this run wrote.
 */
@Injectable()
@HandlesJob('notify-handoff-events')
export class NotifyHandoffEventsHandler implements JobHandler<'notify-handoff-events'> {
  private readonly logger = new Logger(NotifyHandoffEventsHandler.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerReader,
    private readonly outbox: OutboxWriter,
    private readonly bus: NotificationBus,
    private readonly references: SubjectReferences,
    private readonly hiddenEscalations: HiddenEscalations,
    private readonly mail: MailTransport,
  ) {}

  async handle({ seqs }: JobPayloads['notify-handoff-events'], job: OutboxJobRef): Promise<void> {
    const entries = await this.ledger.bySeqs(seqs);
    countEvents(entries);
    const hidden = await this.hiddenEscalations.seqsOf(entries);
    const targets = entries.flatMap((entry) => {
      const target = hidden.has(entry.seq) ? null : notificationTargetOf(entry);
      return target ? [{ entry, target }] : [];
    });
    if (targets.length === 0) return;
    const inserted = await this.tx.run(async () => {
      await markOutboxRowsDone(this.tx.manager, [job]);
      const written = await this.notifyOfficers(targets);
      await this.enqueueWebhooks(targets);
      return written;
    });
    for (const row of inserted) {
      notificationsWritten.inc({ action: row.action });
      await this.bus
        .publish({ notificationId: row.id, officerId: row.officer_id })
        .catch((error: unknown) =>
          // The notification is in PostgreSQL; the bell finds it on its next read.
          this.logger.warn(`notificationAdded not published: ${(error as Error).message}`),
        );
    }
  }

  private async notifyOfficers(
    targets: { entry: SealedLedgerEntry; target: NotificationTarget }[],
  ): Promise<Inserted[]> {
    const unitIds = [...new Set(targets.map(({ target }) => target.unitId))];
    const recipients: Recipient[] = await this.tx.manager.query(
      `SELECT o.id AS officer_id, o.unit_id, 'SUPERVISOR' = ANY(o.roles) AS supervisor,
              EXISTS (SELECT 1 FROM officer_work_email w WHERE w.officer_id = o.id) AS has_email
         FROM (${activeOfficersOfUnitsSql('$1', '$2')}) o`,
      [unitIds, CASEWORKERS],
    );
    const references = await this.references.of(targets.map(({ entry }) => entry));
    const rows = targets.flatMap(({ entry, target }) =>
      this.officersTold(recipients, target).map((officer) => ({
        officerId: officer.officer_id,
        email: this.mail.enabled && target.email && officer.has_email,
        entry,
        target,
      })),
    );
    if (rows.length === 0) return [];
    const inserted: Inserted[] = await this.tx.manager.query(
      `INSERT INTO notification (officer_id, seq, action, unit_id, referral_id, alert_id, case_id,
                                 reference, escalation_level, created_at)
       SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[],
                            $7::uuid[], $8::text[], $9::int[], $10::timestamptz[])
       ON CONFLICT (officer_id, seq) DO NOTHING
       RETURNING id, officer_id, seq::text, action`,
      [
        rows.map((row) => row.officerId),
        rows.map((row) => row.entry.seq),
        rows.map((row) => row.entry.action),
        rows.map((row) => row.target.unitId),
        rows.map((row) => row.entry.referralId),
        rows.map((row) => row.entry.alertId),
        rows.map((row) => row.entry.caseId),
        rows.map((row) => references.get(row.entry.seq) ?? null),
        rows.map((row) => escalationLevelOf(row.entry.payload)),
        rows.map((row) => row.entry.at),
      ],
    );
    const emailed = new Set(
      rows.filter((row) => row.email).map((row) => `${row.officerId}:${row.entry.seq}`),
    );
    for (const row of inserted) {
      if (emailed.has(`${row.officer_id}:${row.seq}`)) {
        await this.outbox.enqueue('send-notification-email', { notificationId: row.id });
      }
    }
    return inserted;
  }

  /** The unit's SUPERVISORs when the rule asks for them and it has any; else its caseworkers. */
  private officersTold(recipients: Recipient[], target: NotificationTarget): Recipient[] {
    const ofUnit = recipients.filter((officer) => officer.unit_id === target.unitId);
    if (target.officers === 'supervisors') {
      const supervisors = ofUnit.filter((officer) => officer.supervisor);
      if (supervisors.length) return supervisors;
    }
    return ofUnit;
  }

  /** A delivery for each active endpoint of each unit told; the unique key keeps it to one. */
  private async enqueueWebhooks(
    targets: { entry: SealedLedgerEntry; target: NotificationTarget }[],
  ): Promise<void> {
    const created: { id: string }[] = await this.tx.manager.query(
      `INSERT INTO webhook_delivery (endpoint_id, seq)
       SELECT e.id, t.seq
         FROM unnest($1::uuid[], $2::bigint[]) AS t(unit_id, seq)
         JOIN webhook_endpoint e ON e.unit_id = t.unit_id AND e.active AND e.deleted_at IS NULL
       ON CONFLICT (endpoint_id, seq) DO NOTHING
       RETURNING id`,
      [targets.map(({ target }) => target.unitId), targets.map(({ entry }) => entry.seq)],
    );
    for (const { id } of created) {
      await this.outbox.enqueue('deliver-webhook', { deliveryId: id });
    }
  }
}
