import { Inject, Injectable } from '@nestjs/common';
import { In, type SelectQueryBuilder } from 'typeorm';
import { formatReference } from '@simpul/common';
import { TransactionalRepository, TransactionHost, type TxHost } from '@simpul/database';
import { OutboxWriter, statementParams } from '@simpul/delivery';
import { ReferralEntity } from './entities/referral.entity';
import type { ReferralStatus } from './referral-enums';

/** A referral row as sendReferral and redirectReferral write it (every other column: its default). */
export type NewReferralRow = Pick<
  ReferralEntity,
  | 'id'
  | 'reference'
  | 'caseId'
  | 'fromUnitId'
  | 'toUnitId'
  | 'sentById'
  | 'services'
  | 'priority'
  | 'status'
  | 'summary'
  | 'delivery'
  | 'sentAt'
  | 'acknowledgeBy'
  | 'acceptBy'
  | 'redirectedFromId'
  | 'lawfulBasis'
  | 'consentReference'
  | 'version'
>;

export interface DeliveredRow {
  id: string;
  from_unit_id: string;
  to_unit_id: string;
  case_id: string;
}

/** The referral and referral_person tables (and the reference sequence): the only SQL for them. */
@Injectable()
export class ReferralRepository extends TransactionalRepository {
  constructor(
    @Inject(TransactionHost) txHost: TxHost,
    private readonly outbox: OutboxWriter,
  ) {
    super(txHost);
  }

  byId(id: string): Promise<ReferralEntity | null> {
    return this.db.findOneBy(ReferralEntity, { id });
  }

  byIds(ids: readonly string[]): Promise<ReferralEntity[]> {
    return this.db.findBy(ReferralEntity, { id: In([...ids]) });
  }

  byCase(caseId: string): Promise<ReferralEntity[]> {
    return this.db.find(ReferralEntity, { where: { caseId }, order: { sentAt: 'ASC' } });
  }

  /** The row locked for update until the transaction ends: racing transitions serialise here. */
  lockForUpdate(id: string): Promise<ReferralEntity | null> {
    return this.inTransaction
      .createQueryBuilder(ReferralEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  /** Writes a locked row back in one UPDATE (save() would SELECT it again to diff). */
  async update(referral: ReferralEntity): Promise<void> {
    const { id, ...fields } = referral;
    await this.inTransaction.update(ReferralEntity, { id }, fields);
  }

  async personIdsOf(referralId: string): Promise<string[]> {
    const rows: { person_id: string }[] = await this.db.query(
      'SELECT person_id FROM referral_person WHERE referral_id = $1',
      [referralId],
    );
    return rows.map((row) => row.person_id);
  }

  /** RJK-2026-000123: Jakarta year and a sequence (gaps are harmless). */
  async nextReference(at: Date): Promise<string> {
    const [{ n }]: { n: string }[] = await this.db.query(
      "SELECT nextval('referral_reference_seq')::text AS n",
    );
    return formatReference('RJK', n, at);
  }

  /**
   * The referral, the persons it names and the outbox row that will deliver it, in ONE statement
   * (data-modifying CTEs, each CTE one INSERT; the final SELECT is the relay's nudge): every send
   * runs this, and each round trip costs the gateway CPU. Every value is a bind parameter with
   * an explicit cast; columns not listed take their defaults (nulls, escalation_level 0).
   */
  async insertSent(row: NewReferralRow, personIds: readonly string[]): Promise<void> {
    const { params, bind } = statementParams();
    const values: [column: string, value: unknown, type: string][] = [
      ['id', row.id, 'uuid'],
      ['reference', row.reference, 'text'],
      ['case_id', row.caseId, 'uuid'],
      ['from_unit_id', row.fromUnitId, 'uuid'],
      ['to_unit_id', row.toUnitId, 'uuid'],
      ['sent_by_id', row.sentById, 'uuid'],
      ['services', row.services, 'text[]'],
      ['priority', row.priority, 'text'],
      ['status', row.status, 'text'],
      ['summary', row.summary, 'text'],
      ['delivery', row.delivery, 'text'],
      ['sent_at', row.sentAt, 'timestamptz'],
      ['acknowledge_by', row.acknowledgeBy, 'timestamptz'],
      ['accept_by', row.acceptBy, 'timestamptz'],
      ['redirected_from_id', row.redirectedFromId, 'uuid'],
      ['lawful_basis', row.lawfulBasis, 'text'],
      ['consent_reference', row.consentReference, 'text'],
      ['version', row.version, 'int'],
    ];
    const parts = [
      `referral AS (INSERT INTO referral (${values.map(([column]) => column).join(', ')})
         VALUES (${values.map(([, value, type]) => `${bind(value)}::${type}`).join(', ')}))`,
      `job AS (${this.outbox.insertSql(bind, 'deliver-referral', { referralId: row.id })})`,
    ];
    if (personIds.length) {
      parts.push(`person AS (INSERT INTO referral_person (referral_id, person_id)
         SELECT ${bind(row.id)}::uuid, unnest(${bind(personIds)}::uuid[]))`);
    }
    await this.inTransaction.query(
      `WITH ${parts.join(',\n')}\n${this.outbox.nudgeSql(bind)}`,
      params,
    );
  }

  /**
   * Marks these referrals delivered, unless they are already: one statement locks, checks and
   * marks, so a re-run (or a run that waited for another delivering the same row) leaves it out.
   */
  async markDelivered(
    ids: readonly string[],
    delivered: string,
    at: Date,
  ): Promise<DeliveredRow[]> {
    const [rows]: [DeliveredRow[], number] = await this.inTransaction.query(
      `UPDATE referral SET delivery = $2, delivered_at = $3
        WHERE id = ANY($1::uuid[]) AND delivery <> $2
        RETURNING id, from_unit_id, to_unit_id, case_id`,
      [[...new Set(ids)], delivered, at],
    );
    return rows;
  }

  /** Referrals from or to these units, for keyset pagination. */
  queueQuery(
    side: 'to' | 'from',
    unitIds: readonly string[],
    status: ReferralStatus[] | null | undefined,
  ): SelectQueryBuilder<ReferralEntity> {
    const column = side === 'to' ? 'r.to_unit_id' : 'r.from_unit_id';
    const qb = this.db
      .createQueryBuilder(ReferralEntity, 'r')
      .where(`${column} = ANY(:units::uuid[])`, { units: unitIds });
    if (status?.length) qb.andWhere('r.status = ANY(:status)', { status });
    return qb;
  }

  async countByCaseAndStatus(caseId: string, statuses: readonly ReferralStatus[]): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.query(
      'SELECT count(*)::int AS n FROM referral WHERE case_id = $1 AND status = ANY($2::text[])',
      [caseId, statuses],
    );
    return n;
  }

  /**
   * Per person named by a referral of the case to one of these units in one of these statuses,
   * the latest such referral (DISTINCT ON keeps the first row per person in sent_at DESC order).
   */
  async latestNamingReferrals(
    caseId: string,
    toUnitIds: readonly string[],
    statuses: readonly ReferralStatus[],
  ): Promise<{ personId: string; referralId: string }[]> {
    const rows: { person_id: string; referral_id: string }[] = await this.db.query(
      `SELECT DISTINCT ON (rp.person_id) rp.person_id, r.id AS referral_id
         FROM referral_person rp JOIN referral r ON r.id = rp.referral_id
        WHERE r.case_id = $1 AND r.to_unit_id = ANY($2::uuid[]) AND r.status = ANY($3::text[])
        ORDER BY rp.person_id, r.sent_at DESC`,
      [caseId, toUnitIds, statuses],
    );
    return rows.map((row) => ({ personId: row.person_id, referralId: row.referral_id }));
  }
}
