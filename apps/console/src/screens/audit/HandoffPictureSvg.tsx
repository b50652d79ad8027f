import { useTranslation } from 'react-i18next';
import { formatDuration, formatLocal } from '../../format/time';
import type { HandoffPicture, SegmentKind } from './handoff-picture';
import { placeLabels } from './label-placement';

const WIDTH = 960;
const LABEL = 200;
const LANE = 64;
const TOP = 28;

const LEGEND: readonly SegmentKind[] = ['held', 'pausedHeld', 'waiting', 'pausedWaiting'];
const SEGMENT_LABEL: Record<SegmentKind, string> = {
  held: 'audit.held',
  pausedHeld: 'audit.pausedHeld',
  waiting: 'audit.waited',
  pausedWaiting: 'audit.pausedWaiting',
};
const SEGMENT_TEXT: Record<SegmentKind, string> = {
  held: '#ffffff',
  pausedHeld: '#0b3d6e',
  waiting: '#5c3300',
  pausedWaiting: '#4a4f55',
};

/**
 * How a span of a lane is drawn: holding a solid bar, holding but paused (ON_HOLD after
 * acceptance) a hatched bar with the same outline, waiting a dashed line, and waiting but paused
 * (ON_HOLD before acceptance: the unit never held the case) a dotted grey line with pause ticks.
 */
function SegmentMark({
  kind,
  x1,
  x2,
  y,
  small = false,
}: {
  kind: SegmentKind;
  x1: number;
  x2: number;
  y: number;
  small?: boolean;
}) {
  const half = small ? 6 : 9;
  switch (kind) {
    case 'held':
      return <rect x={x1} y={y - half} width={x2 - x1} height={half * 2} rx={3} fill="#1864ab" />;
    case 'pausedHeld':
      return (
        <rect
          x={x1}
          y={y - half}
          width={x2 - x1}
          height={half * 2}
          rx={3}
          fill="url(#paused-held)"
          stroke="#1864ab"
          strokeWidth={2}
        />
      );
    case 'waiting':
      return (
        <line
          x1={x1}
          x2={x2}
          y1={y}
          y2={y}
          stroke="#8a4b00"
          strokeWidth={4}
          strokeDasharray="6 4"
        />
      );
    case 'pausedWaiting':
      return (
        <g>
          <line
            x1={x1}
            x2={x2}
            y1={y}
            y2={y}
            stroke="#5f6670"
            strokeWidth={4}
            strokeDasharray="1 5"
            strokeLinecap="round"
          />
          <line x1={x1} x2={x1} y1={y - half} y2={y + half} stroke="#5f6670" strokeWidth={2} />
          <line x1={x2} x2={x2} y1={y - half} y2={y + half} stroke="#5f6670" strokeWidth={2} />
        </g>
      );
  }
}

/** The handoff picture as SVG: lanes per unit, bars for holding and waiting, arrows per handoff. */
export function HandoffPictureSvg({
  picture,
  reference,
}: {
  picture: HandoffPicture;
  reference: string;
}) {
  const { t } = useTranslation();
  const { lanes, segments, arrows, start, end, holders } = picture;
  const height = TOP + lanes.length * LANE + 36;
  const x = (time: number) => LABEL + ((time - start) / (end - start)) * (WIDTH - LABEL - 24);
  const y = (lane: number) => TOP + lane * LANE + LANE / 2;
  const handoffs = arrows.filter((a) => a.outcome === 'accepted').length;
  // Each arrow's referral number, moved up or down its arrow so that no two print over each other.
  const labelY = placeLabels(
    arrows.map((a) => {
      const [top, bottom] = [y(a.fromLane), y(a.toLane)].sort((p, q) => p - q);
      return {
        x: x(a.at) + 6,
        width: a.reference.length * 6.5,
        y: (top + bottom) / 2,
        minY: top + 4,
        maxY: bottom - 4,
      };
    }),
  );
  // Legend entries side by side, each as wide as its words (about 6.6 px a character at 12 px).
  const legend = LEGEND.reduce<{
    items: { kind: SegmentKind; label: string; at: number }[];
    end: number;
  }>(
    (acc, kind) => {
      const label = t(SEGMENT_LABEL[kind], { duration: '' }).trim();
      return {
        items: [...acc.items, { kind, label, at: acc.end }],
        end: acc.end + 28 + Math.ceil(label.length * 6.6) + 18,
      };
    },
    { items: [], end: 8 },
  );
  const summary = t('audit.pictureSummary', {
    reference,
    handoffs,
    units: lanes.length,
    holder: holders.join(', ') || t('audit.nobody'),
  });
  return (
    <figure className="timeline-picture">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="picture-title picture-desc"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id="picture-title">{t('audit.picture')}</title>
        <desc id="picture-desc">{summary}</desc>
        <defs>
          <pattern
            id="paused-held"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#1864ab" strokeWidth="3" />
          </pattern>
          <marker
            id="arrow-head"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#1f2933" />
          </marker>
        </defs>
        {lanes.map((lane, i) => (
          <g key={lane.id}>
            <rect
              x={0}
              y={TOP + i * LANE}
              width={WIDTH}
              height={LANE}
              fill={i % 2 ? '#ffffff' : '#eef2f6'}
            />
            <text
              x={8}
              y={y(i) + 5}
              fontSize="13"
              fontWeight={holders.includes(lane.name) ? 700 : 400}
              fill="#1f2933"
            >
              {lane.name.length > 26 ? `${lane.name.slice(0, 25)}…` : lane.name}
            </text>
          </g>
        ))}
        {segments.map((s, i) => {
          const x1 = x(s.from);
          const x2 = Math.max(x(s.to), x1 + 2);
          const label = t(SEGMENT_LABEL[s.kind], { duration: formatDuration(t, s.to - s.from) });
          return (
            <g key={i} data-segment={s.kind}>
              <title>{`${lanes[s.lane].name}: ${label}${s.referral ? ` (${s.referral})` : ''}`}</title>
              <SegmentMark kind={s.kind} x1={x1} x2={x2} y={y(s.lane)} />
              {x2 - x1 > 90 && (
                <text
                  x={x1 + 4}
                  y={y(s.lane) + (s.kind === 'held' ? 4 : -12)}
                  fontSize="11"
                  fill={s.kind === 'held' ? '#ffffff' : SEGMENT_TEXT[s.kind]}
                >
                  {label}
                </text>
              )}
            </g>
          );
        })}
        {arrows.map((a, i) => {
          const ax = x(a.at);
          const down = a.toLane > a.fromLane;
          const y1 = y(a.fromLane) + (down ? 10 : -10);
          const y2 = y(a.toLane) + (down ? -12 : 12);
          return (
            <g key={a.reference}>
              <title>{`${a.reference}: ${lanes[a.fromLane].name} → ${lanes[a.toLane].name}, ${formatLocal(new Date(a.at).toISOString())}`}</title>
              <line
                x1={ax}
                y1={y1}
                x2={ax + 14}
                y2={y2}
                stroke="#1f2933"
                strokeWidth={2}
                markerEnd="url(#arrow-head)"
              />
              <text x={ax + 6} y={labelY[i]} fontSize="11" fill="#1f2933">
                {a.reference}
              </text>
              {a.outcome === 'declined' && a.decidedAt && (
                <text
                  x={x(a.decidedAt) - 5}
                  y={y(a.toLane) + 5}
                  fontSize="16"
                  fontWeight={700}
                  fill="#a61e1e"
                >
                  ✕
                </text>
              )}
            </g>
          );
        })}
        <line
          x1={x(end)}
          x2={x(end)}
          y1={TOP}
          y2={TOP + lanes.length * LANE}
          stroke="#495057"
          strokeDasharray="2 3"
        />
        <text x={LABEL} y={height - 12} fontSize="11" fill="#1f2933">
          {formatLocal(new Date(start).toISOString())}
        </text>
        <text x={WIDTH - 24} y={height - 12} fontSize="11" fill="#1f2933" textAnchor="end">
          {t('audit.now')}: {formatLocal(new Date(end).toISOString())}
        </text>
        <g fontSize="12" fill="#1f2933">
          {legend.items.map(({ kind, label, at }) => (
            <g key={kind} transform={`translate(${at}, 0)`}>
              <SegmentMark kind={kind} x1={0} x2={22} y={14} small />
              <text x={28} y={18}>
                {label}
              </text>
            </g>
          ))}
          <text x={legend.end} y={18}>
            ✕ {t('enum.status.REJECTED')}
          </text>
        </g>
      </svg>
      <figcaption className="picture-caption">{summary}</figcaption>
    </figure>
  );
}
