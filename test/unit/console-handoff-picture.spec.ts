import {
  handoffPicture,
  type PictureEntry,
  type Segment,
} from '../../apps/console/src/screens/audit/handoff-picture';
import type { AuditCaseData } from '../../apps/console/src/screens/audit/audit-queries';
import { hubNow, noteHubClock } from '../../apps/console/src/graphql/hub-clock';

type Referral = AuditCaseData['referrals'][number];

const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();
const lead = { id: 'kbri', name: 'KBRI Phnom Penh' };
const pwni = { id: 'pwni', name: 'Kemlu Dit. PWNI' };

const referral = (over: Partial<Referral>): Referral => ({
  id: 'r1',
  reference: 'RJK-1',
  status: 'REQUESTED',
  sentAt: at(1),
  acknowledgedAt: null,
  acceptedAt: null,
  closedAt: null,
  fromUnit: lead,
  toUnit: pwni,
  ...over,
});

const caseWith = (referrals: Referral[]): AuditCaseData => ({
  id: 'c1',
  reference: 'TPPO-1',
  title: 'Kasus uji',
  status: 'OPEN',
  openedAt: at(0),
  closedAt: null,
  leadUnit: lead,
  referrals,
});

const entry = (action: string, hours: number, reference = 'RJK-1'): PictureEntry =>
  ({ action, at: at(hours), referral: { reference } }) as PictureEntry;

/** The PWNI lane's spans as [kind, from hour, to hour]. */
const lane = (segments: Segment[]) =>
  segments
    .filter((s) => s.lane === 1)
    .map((s) => [s.kind, (s.from - T0) / 3_600_000, (s.to - T0) / 3_600_000]);

describe('the handoff picture draws holds', () => {
  const now = T0 + 10 * 3_600_000;

  it('draws a hold before acceptance as a pause in the waiting, never as holding the case', () => {
    const picture = handoffPicture(
      caseWith([referral({ status: 'ON_HOLD', acknowledgedAt: at(2) })]),
      [entry('REFERRAL_SENT', 1), entry('REFERRAL_RECEIVED', 2), entry('REFERRAL_HELD', 3)],
      now,
    );
    expect(lane(picture.segments)).toEqual([
      ['waiting', 1, 3],
      ['pausedWaiting', 3, 10],
    ]);
    // The lead unit still holds the case: the referral was never accepted.
    expect(picture.holders).toEqual([lead.name]);
  });

  it('resumes waiting after a hold before acceptance, then holds the case once accepted', () => {
    const picture = handoffPicture(
      caseWith([referral({ status: 'IN_PROGRESS', acknowledgedAt: at(2), acceptedAt: at(6) })]),
      [
        entry('REFERRAL_HELD', 3),
        entry('REFERRAL_RESUMED', 4),
        entry('REFERRAL_ACCEPTED', 6),
        entry('REFERRAL_STARTED', 7),
      ],
      now,
    );
    expect(lane(picture.segments)).toEqual([
      ['waiting', 1, 3],
      ['pausedWaiting', 3, 4],
      ['waiting', 4, 6],
      ['held', 6, 10],
    ]);
    expect(picture.holders).toEqual([pwni.name]);
  });

  it('draws a hold after acceptance as holding the case, paused', () => {
    const picture = handoffPicture(
      caseWith([referral({ status: 'ON_HOLD', acknowledgedAt: at(2), acceptedAt: at(3) })]),
      [entry('REFERRAL_ACCEPTED', 3), entry('REFERRAL_HELD', 5)],
      now,
    );
    expect(lane(picture.segments)).toEqual([
      ['waiting', 1, 3],
      ['held', 3, 5],
      ['pausedHeld', 5, 10],
    ]);
    expect(picture.holders).toEqual([pwni.name]);
  });

  it('ends a hold where the referral closed (failed while held) and keeps other referrals apart', () => {
    const picture = handoffPicture(
      caseWith([
        referral({ status: 'FAILED', acceptedAt: at(2), closedAt: at(8) }),
        referral({
          id: 'r2',
          reference: 'RJK-2',
          status: 'CANCELLED',
          sentAt: at(4),
          closedAt: at(9),
          toUnit: { id: 'uptd', name: 'UPTD PPA NTT' },
        }),
      ]),
      [
        entry('REFERRAL_HELD', 4),
        entry('REFERRAL_FAILED', 8),
        entry('REFERRAL_HELD', 5, 'RJK-2'),
        entry('REFERRAL_CANCELLED', 9, 'RJK-2'),
      ],
      now,
    );
    expect(lane(picture.segments)).toEqual([
      ['waiting', 1, 2],
      ['held', 2, 4],
      ['pausedHeld', 4, 8],
    ]);
    expect(
      picture.segments
        .filter((s) => s.lane === 2)
        .map((s) => [s.kind, (s.from - T0) / 3_600_000, (s.to - T0) / 3_600_000]),
    ).toEqual([
      ['waiting', 4, 5],
      ['pausedWaiting', 5, 9],
    ]);
  });

  it('draws no pause without a hold in the ledger', () => {
    const picture = handoffPicture(
      caseWith([referral({ status: 'ACCEPTED', acceptedAt: at(2) })]),
      [],
      now,
    );
    expect(lane(picture.segments)).toEqual([
      ['waiting', 1, 2],
      ['held', 2, 10],
    ]);
  });
});

describe("the handoff picture's now", () => {
  it("is the hub's, so a case on a clock ahead of the browser's is drawn up to the hub's now", () => {
    // The hub reads three months ahead of the browser (a moved test clock, a laptop far behind):
    // the case and its referral were stamped on the hub's clock, after the browser's "now".
    const ahead = 90 * 86_400_000;
    noteHubClock(new Date(Date.now() + ahead).toISOString(), Date.now(), Date.now());
    const hour = 3_600_000;
    const opened = hubNow() - 3 * hour;
    const open = {
      ...caseWith([referral({ sentAt: new Date(opened + hour).toISOString() })]),
      openedAt: new Date(opened).toISOString(),
    };
    const picture = handoffPicture(open);
    expect(Math.abs(picture.end - hubNow())).toBeLessThan(1_000);
    const waiting = picture.segments.filter((s) => s.lane === 1);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ kind: 'waiting', from: opened + hour });
    expect(Math.abs(waiting[0].to - hubNow())).toBeLessThan(1_000);
  });
});
