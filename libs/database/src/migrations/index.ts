import { InitialSchema1764374400000 } from './1764374400000-initial-schema';
import { SessionsAndAdmin1764460800000 } from './1764460800000-sessions-and-admin';
import { ReferralConfidential1764800000000 } from './1764800000000-referral-confidential';
import { LoginKnownPairs1764820000000 } from './1764820000000-login-known-pairs';
import { OutboxDoneOnEffect1764830000000 } from './1764830000000-outbox-done-on-effect';
import { LedgerSequencer1764870000000 } from './1764870000000-ledger-sequencer';
import { Alerts1764900000000 } from './1764900000000-alerts';
import { ReferralEscalation1764910000000 } from './1764910000000-referral-escalation';
import { LedgerCheckpoints1764920000000 } from './1764920000000-ledger-checkpoints';
import { Notifications1764940000000 } from './1764940000000-notifications';
import { Insight1764930000000 } from './1764930000000-insight';
import { AlertEscalation1764950000000 } from './1764950000000-alert-escalation';
import { ReferralOpenQueues1764980000000 } from './1764980000000-referral-open-queues';
import { StatementRefusals1764975000000 } from './1764975000000-statement-refusals';

/** Every migration, in order. Listed explicitly (no glob) so that dist/ and Jest load the same set. */
export const migrations = [
  InitialSchema1764374400000,
  SessionsAndAdmin1764460800000,
  ReferralConfidential1764800000000,
  LoginKnownPairs1764820000000,
  OutboxDoneOnEffect1764830000000,
  LedgerSequencer1764870000000,
  Alerts1764900000000,
  ReferralEscalation1764910000000,
  LedgerCheckpoints1764920000000,
  Insight1764930000000,
  Notifications1764940000000,
  AlertEscalation1764950000000,
  StatementRefusals1764975000000,
  ReferralOpenQueues1764980000000,
];
