import type { AuditCaseData } from './audit-queries';

type Referral = AuditCaseData['referrals'][number];

const HELD: readonly Referral['status'][] = ['ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'];

export interface Lane {
  id: string;
  name: string;
}

export interface Segment {
  lane: number;
  from: number;
  to: number;
  kind: 'held' | 'waiting';
  referral: string | null;
}

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
 * the case (accepted → closed, or now).
 */
export function handoffPicture(c: AuditCaseData, now = Date.now()): HandoffPicture {
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
    segments.push({
      lane: toLane,
      from: sent,
      to: decided ?? end,
      kind: 'waiting',
      referral: r.reference,
    });
    if (accepted)
      segments.push({
        lane: toLane,
        from: accepted,
        to: closed ?? end,
        kind: 'held',
        referral: r.reference,
      });
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
  const holders = [
    ...new Set(referrals.filter((r) => HELD.includes(r.status)).map((r) => r.toUnit.name)),
  ];
  if (holders.length === 0 && c.status === 'OPEN') holders.push(c.leadUnit.name);
  return { lanes, segments, arrows, start, end, holders };
}
