import { InitialSchema1764374400000 } from './1764374400000-initial-schema';
import { SessionsAndAdmin1764460800000 } from './1764460800000-sessions-and-admin';
import { OutboxDoneOnEffect1764830000000 } from './1764830000000-outbox-done-on-effect';

/** Every migration, in order. Listed explicitly (no glob) so that dist/ and Jest load the same set. */
export const migrations = [
  InitialSchema1764374400000,
  SessionsAndAdmin1764460800000,
  OutboxDoneOnEffect1764830000000,
];
