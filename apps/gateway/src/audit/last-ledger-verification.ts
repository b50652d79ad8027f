import type { LedgerVerifications } from '@simpul/ledger';

/**
 * /health/ready `details.ledger`: `tamperSuspected` 1 when the last finished verifyLedger run
 * FAILED (with its `firstBadSeq` when it named one), else 0 — what an operator's monitoring
 * alerts on. Reported beside readiness, never against it: a tampered ledger is for people to
 * investigate, not a reason to stop serving.
 */
export async function lastLedgerVerification(
  verifications: LedgerVerifications,
): Promise<Record<string, number>> {
  const finished = (await verifications.latest(20)).find(
    (run) => run.status === 'PASSED' || run.status === 'FAILED',
  );
  if (!finished) return { tamperSuspected: 0 };
  return finished.status === 'FAILED'
    ? {
        tamperSuspected: 1,
        ...(finished.firstBadSeq !== null ? { firstBadSeq: Number(finished.firstBadSeq) } : {}),
      }
    : { tamperSuspected: 0, verifiedEntries: Number(finished.checkedEntries) };
}
