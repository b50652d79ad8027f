import { useTranslation } from 'react-i18next';
import { formatDuration, formatLocal } from '../../format/time';
import type { HandoffPicture } from './handoff-picture';
import { placeLabels } from './label-placement';

const WIDTH = 960;
const LABEL = 200;
const LANE = 64;
const TOP = 28;

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
          const label = t(s.kind === 'held' ? 'audit.held' : 'audit.waited', {
            duration: formatDuration(t, s.to - s.from),
          });
          return (
            <g key={i}>
              <title>{`${lanes[s.lane].name}: ${label}${s.referral ? ` (${s.referral})` : ''}`}</title>
              {s.kind === 'held' ? (
                <rect x={x1} y={y(s.lane) - 9} width={x2 - x1} height={18} rx={3} fill="#1864ab" />
              ) : (
                <line
                  x1={x1}
                  x2={x2}
                  y1={y(s.lane)}
                  y2={y(s.lane)}
                  stroke="#8a4b00"
                  strokeWidth={4}
                  strokeDasharray="6 4"
                />
              )}
              {x2 - x1 > 90 && (
                <text
                  x={x1 + 4}
                  y={y(s.lane) + (s.kind === 'held' ? 4 : -10)}
                  fontSize="11"
                  fill={s.kind === 'held' ? '#ffffff' : '#5c3300'}
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
        <text x={8} y={18} fontSize="12" fill="#1f2933">
          ▬ {t('audit.held', { duration: '' }).trim()} · ┅{' '}
          {t('audit.waited', { duration: '' }).trim()} · ✕ {t('enum.status.REJECTED')}
        </text>
      </svg>
      <figcaption className="picture-caption">{summary}</figcaption>
    </figure>
  );
}
