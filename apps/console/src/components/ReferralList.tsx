import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import type { QueueReferralData } from '../graphql/fragments';

export interface Column<R> {
  key: string;
  header: string;
  render: (row: R) => ReactNode;
}

/**
 * Referrals as a table on wide screens and as cards below 600 px, where a table would need
 * sideways scrolling. The first column (the reference) heads each card.
 */
export function ReferralList<R extends Pick<QueueReferralData, 'id'>>({
  rows,
  columns,
  caption,
  highlight,
}: {
  rows: R[];
  columns: Column<R>[];
  caption: string;
  highlight?: (row: R) => boolean;
}) {
  const narrow = useMediaQuery('(max-width: 599px)', false, { getInitialValueInEffect: false });
  if (narrow) {
    const [head, ...others] = columns;
    // Actions go below the facts, full width: a button never sits off-screen on a phone.
    const rest = others.filter((c) => c.key !== 'actions');
    const actions = others.find((c) => c.key === 'actions');
    return (
      <ul className="queue-cards" aria-label={caption}>
        {rows.map((row) => (
          <li
            key={row.id}
            className={highlight?.(row) ? 'queue-card queue-card-new' : 'queue-card'}
            data-referral={row.id}
          >
            <div className="queue-card-head">{head.render(row)}</div>
            <dl>
              {rest.map((c) => (
                <div key={c.key} className="card-field" data-col={c.key}>
                  <dt>{c.header}</dt>
                  <dd>{c.render(row)}</dd>
                </div>
              ))}
            </dl>
            {actions && (
              <div className="card-actions" data-col="actions">
                {actions.render(row)}
              </div>
            )}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <table className="queue-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            className={highlight?.(row) ? 'queue-row-new' : undefined}
            data-referral={row.id}
          >
            {columns.map((c) => (
              <td key={c.key} data-col={c.key}>
                {c.render(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
