import fc from 'fast-check';
import type { Client } from 'pg';

const HOUR = 3_600_000;

/** The instant the generated referrals were sent; their other instants are around it. */
export const SENT_AT = Date.parse('2026-12-01T00:00:00.000Z');

/** An instant from 2 hours before SENT_AT to 100 hours after it. */
export const instantAroundSending = fc
  .integer({ min: -2 * HOUR, max: 100 * HOUR })
  .map((ms) => new Date(SENT_AT + ms));

/**
 * The timing of a referral sent at SENT_AT, for the properties that hold SQL to its TypeScript
 * twin (slaStateSql and computeSla, urgencyRankSql and urgencyRank): its two windows, and the
 * instants it was acknowledged, accepted and closed, or not.
 */
export const referralTiming = {
  acknowledgeHours: fc.integer({ min: 1, max: 48 }),
  acceptHours: fc.integer({ min: 1, max: 96 }),
  acknowledgedAt: fc.option(instantAroundSending, { nil: null }),
  acceptedAt: fc.option(instantAroundSending, { nil: null }),
  closedAt: fc.option(instantAroundSending, { nil: null }),
};

/** What referralTiming generates. */
export interface ReferralTiming {
  acknowledgeHours: number;
  acceptHours: number;
  acknowledgedAt: Date | null;
  acceptedAt: Date | null;
  closedAt: Date | null;
}

export interface TimedReferral<S extends string = string> {
  status: S;
  sentAt: Date;
  acknowledgeBy: Date;
  acceptBy: Date;
  acknowledgedAt: Date | null;
  acceptedAt: Date | null;
  closedAt: Date | null;
}

/** The referral a generated timing stands for, as computeSla takes it. */
export function timedReferral<S extends string>(
  r: ReferralTiming & { status: S },
): TimedReferral<S> {
  return {
    status: r.status,
    sentAt: new Date(SENT_AT),
    acknowledgeBy: new Date(SENT_AT + r.acknowledgeHours * HOUR),
    acceptBy: new Date(SENT_AT + r.acceptHours * HOUR),
    acknowledgedAt: r.acknowledgedAt,
    acceptedAt: r.acceptedAt,
    closedAt: r.closedAt,
  };
}

/**
 * Selects `columns` (SQL over the alias `r`, `$1` the instant `now`) from one row made of the
 * referral's values alone, so that the expression is checked without a table behind it.
 */
export async function selectOnReferralRow<T>(
  pg: Client,
  columns: string,
  now: Date,
  referral: TimedReferral & { priority?: string },
): Promise<T> {
  const { rows } = await pg.query<T & Record<string, unknown>>(
    `SELECT ${columns}
       FROM (SELECT $2::text AS status, $3::text AS priority,
            $4::timestamptz AS sent_at, $5::timestamptz AS acknowledge_by,
            $6::timestamptz AS accept_by, $7::timestamptz AS acknowledged_at,
            $8::timestamptz AS accepted_at, $9::timestamptz AS closed_at) r`,
    [
      now,
      referral.status,
      referral.priority ?? null,
      referral.sentAt,
      referral.acknowledgeBy,
      referral.acceptBy,
      referral.acknowledgedAt,
      referral.acceptedAt,
      referral.closedAt,
    ],
  );
  return rows[0];
}
