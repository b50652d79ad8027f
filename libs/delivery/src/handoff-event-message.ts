/**
 * What travels over Redis pub/sub when a ledger entry is sealed: the entry's public fields — ids,
 * codes, its time and hashes, never a note's text or any personal data. Gateways filter it per
 * subscriber and build the HandoffEvent from it; only an entry with a note (`noteDigest` set)
 * costs a read, of the note, for subscribers allowed to see it.
 */
export interface HandoffEventMessage {
  seq: string;
  /** The entry's row id (its note is stored under it). */
  entryId: string;
  /** ISO 8601, UTC. */
  at: string;
  action: string;
  actorId: string | null;
  caseId: string | null;
  referralId: string | null;
  alertId: string | null;
  fromUnitId: string | null;
  toUnitId: string | null;
  noteDigest: string | null;
  prevHash: string;
  entryHash: string;
  /**
   * Facts other contexts attach when the worker publishes (HandoffEventEnricher), keyed by
   * context, so that gateways need not read them per subscriber: codes, ids, dates and flags only,
   * like the rest of the message. Each context reads its own key with its own parser.
   */
  attached?: Record<string, unknown>;
}

/**
 * Adds a context's facts to messages about to be published (`attached[<context>]`), in one read
 * for the whole batch. Registered with HandoffEventBus.enrichWith by the context's worker module.
 */
export interface HandoffEventEnricher {
  enrich(messages: HandoffEventMessage[]): Promise<void>;
}
