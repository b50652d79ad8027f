import { hubNow } from '../../graphql/hub-clock';
import type { AuditCaseData, TimelineEntry } from './audit-queries';

type Referral = AuditCaseData['referrals'][number];

const HELD: readonly Referral['status'][] = ['ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'];

/** What the picture reads of a ledger entry: its action, time and referral number. */
export type PictureEntry = Pick<TimelineEntry, 'action' | 'at'> & {
  referral: { reference: string } | null;
};

export interface Lane {
  id: string;
  name: string;
}

export interface Segment {
  lane: number;
  from: number;
  to: number;
  /**
   * held: the unit holds the case (accepted); waiting: the referral waits for the unit's
   * decision; pausedWaiting: put ON_HOLD before acceptance — the unit paused its decision and
   * never held the case; pausedHeld: ON_HOLD after acceptance — the unit holds the case, work
   * paused.
   */
  kind: SegmentKind;
  referral: string | null;
}

export type SegmentKind = 'held' | 'waiting' | 'pausedWaiting' | 'pausedHeld';

export interface Arrow {
  fromLane: number;
  toLane: number;
  at: number;
  reference: string;
  outcome: 'accepted' | 'declined' | 'open' | 'other';
  decidedAt: number | null;
}

export interface HandoffPicture {
  lanes: Lane[];
  segments: Segment[];
  arrows: Arrow[];
  start: number;
  end: number;
  holders: string[];
}

/**
 * The case's story as lanes over time: one lane per unit; the lead unit holds the case from its
 * opening until the first handoff; each referral is an arrow from sender to receiver, the time
 * the receiver left it waiting (sent → accepted, declined or redirected) and the time it held
 * the case (accepted → closed, or now). The ledger's REFERRAL_HELD … REFERRAL_RESUMED spans cut
 * pauses out of those: out of the waiting time when the hold came before acceptance (the unit
 * never held the case), out of the holding time when it came after. "Now" is the hub's (the clock
 * the case's and referrals' times are stamped on), not the browser's.
 */
export function handoffPicture(
  c: AuditCaseData,
  entries: readonly PictureEntry[] = [],
  now = hubNow(),
): HandoffPicture {
  const lanes: Lane[] = [{ id: c.leadUnit.id, name: c.leadUnit.name }];
  const lane = (unit: { id: string; name: string }) => {
    let i = lanes.findIndex((l) => l.id === unit.id);
    if (i < 0) i = lanes.push({ id: unit.id, name: unit.name }) - 1;
    return i;
  };
  const start = Date.parse(c.openedAt);
  const end = Math.max(c.closedAt ? Date.parse(c.closedAt) : now, start + 60_000);
  const referrals = [...c.referrals].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  const segments: Segment[] = [];
  const arrows: Arrow[] = [];
  const firstAccepted = referrals
    .map((r) => (r.acceptedAt ? Date.parse(r.acceptedAt) : Infinity))
    .reduce((a, b) => Math.min(a, b), Infinity);
  segments.push({
    lane: 0,
    from: start,
    to: Math.min(firstAccepted, end),
    kind: 'held',
    referral: null,
  });
  for (const r of referrals) {
    const sent = Date.parse(r.sentAt);
    const closed = r.closedAt ? Date.parse(r.closedAt) : null;
    const accepted = r.acceptedAt ? Date.parse(r.acceptedAt) : null;
    const fromLane = lane(r.fromUnit);
    const toLane = lane(r.toUnit);
    const decided = accepted ?? closed;
    const holds = holdSpans(entries, r.reference, closed ?? end);
    const before = holds.filter((h) => accepted === null || h.from < accepted);
    const after = holds.filter((h) => accepted !== null && h.from >= accepted);
    const piece = (from: number, to: number, kind: SegmentKind) =>
      segments.push({ lane: toLane, from, to, kind, referral: r.reference });
    cut(sent, decided ?? end, before, (from, to, paused) =>
      piece(from, to, paused ? 'pausedWaiting' : 'waiting'),
    );
    if (accepted)
      cut(accepted, closed ?? end, after, (from, to, paused) =>
        piece(from, to, paused ? 'pausedHeld' : 'held'),
      );
    arrows.push({
      fromLane,
      toLane,
      at: sent,
      reference: r.reference,
      outcome: accepted
        ? 'accepted'
        : r.status === 'REJECTED'
          ? 'declined'
          : closed
            ? 'other'
            : 'open',
      decidedAt: decided,
    });
  }
  // ON_HOLD before acceptance: the unit never held the case.
  const holders = [
    ...new Set(
      referrals.filter((r) => HELD.includes(r.status) && r.acceptedAt).map((r) => r.toUnit.name),
    ),
  ];
  if (holders.length === 0 && c.status === 'OPEN') holders.push(c.leadUnit.name);
  return { lanes, segments, arrows, start, end, holders };
}

/**
 * The referral's holds from the ledger, in time order: each REFERRAL_HELD until the next
 * REFERRAL_RESUMED, or until `openEnd` (closed while held — failed or cancelled — or now).
 */
function holdSpans(
  entries: readonly PictureEntry[],
  reference: string,
  openEnd: number,
): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  let heldAt: number | null = null;
  const own = entries
    .filter((e) => e.referral?.reference === reference)
    .map((e) => ({ action: e.action, at: Date.parse(e.at) }))
    .sort((a, b) => a.at - b.at);
  for (const e of own) {
    if (e.action === 'REFERRAL_HELD' && heldAt === null) heldAt = e.at;
    if (e.action === 'REFERRAL_RESUMED' && heldAt !== null) {
      spans.push({ from: heldAt, to: e.at });
      heldAt = null;
    }
  }
  if (heldAt !== null) spans.push({ from: heldAt, to: Math.max(openEnd, heldAt) });
  return spans;
}

/** Cuts [from, to] at the pauses: `emit` gets each piece and whether it is a pause. */
function cut(
  from: number,
  to: number,
  pauses: readonly { from: number; to: number }[],
  emit: (from: number, to: number, paused: boolean) => void,
) {
  let at = from;
  for (const pause of pauses) {
    const start = Math.max(pause.from, at);
    const stop = Math.min(pause.to, to);
    if (stop <= start) continue;
    if (start > at) emit(at, start, false);
    emit(start, stop, true);
    at = stop;
  }
  if (to > at || at === from) emit(at, to, false);
}
