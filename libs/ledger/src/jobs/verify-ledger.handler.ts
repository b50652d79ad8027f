import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '@simpul/delivery';
import type { JobPayloads } from '@simpul/queue';
import { LedgerIntegrityCheck } from '../verification/ledger-integrity-check';
import { LedgerVerifications } from '../verification/ledger-verifications';

/**
 * Runs one verifyLedger request over the whole stored ledger and records the verdict. A failure
 * is an operator alert: an error line naming the first bad seq and why (ids and reasons only),
 * and the FAILED run in `ledgerVerifications` and in /health/ready's `details.ledger`. A finished
 * run is never run again (the job may be delivered twice).
 */
@Injectable()
@HandlesJob('verify-ledger')
export class VerifyLedgerHandler implements JobHandler<'verify-ledger'> {
  private readonly logger = new Logger(VerifyLedgerHandler.name);

  constructor(
    private readonly verifications: LedgerVerifications,
    private readonly check: LedgerIntegrityCheck,
  ) {}

  async handle({ verificationId }: JobPayloads['verify-ledger']): Promise<void> {
    if (!(await this.verifications.start(verificationId))) return;
    const verdict = await this.check.run();
    await this.verifications.finish(verificationId, verdict);
    if (verdict.ok) {
      this.logger.log(
        `Ledger verification ${verificationId} PASSED: ${verdict.checkedEntries} entries, ${verdict.checkedCheckpoints} checkpoints`,
      );
    } else {
      this.logger.error(
        `LEDGER TAMPERING SUSPECTED: verification ${verificationId} FAILED${
          verdict.firstBadSeq !== null ? ` at seq ${verdict.firstBadSeq}` : ''
        }: ${verdict.reason}`,
      );
    }
  }
}
