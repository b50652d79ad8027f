/**
 * The session-level advisory lock that makes one worker the ledger sequencer, as the two-int form
 * `pg_try_advisory_lock(SIMP, 1)`. The migration's trigger checks for exactly this lock (classid
 * 1397312848, objid 1) before it lets an UPDATE seal entries.
 */
export const SEQUENCER_LOCK_SQL = 'pg_try_advisory_lock(1397312848, 1)';

/** A timeline read waiting for its entries NOTIFYs this channel so the sequencer runs at once. */
export const LEDGER_WANTED_CHANNEL = 'simpul_ledger_wanted';
