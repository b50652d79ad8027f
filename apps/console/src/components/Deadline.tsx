import { useTranslation } from 'react-i18next';
import { formatLocal, timeLeft } from '../format/time';
import { useNow } from '../graphql/hub-clock';

/** A deadline as local time in the unit's zone (WIB/WITA/WIT or the mission's) and time left. */
export function Deadline({
  at,
  timeZone,
  label,
}: {
  at: string;
  timeZone: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const late = Date.parse(at) < now;
  return (
    <span className="deadline">
      {label && <span className="deadline-label">{label}: </span>}
      <time dateTime={at}>{formatLocal(at, timeZone)}</time>{' '}
      <span className={late ? 'deadline-late' : 'deadline-left'}>({timeLeft(t, at, now)})</span>
    </span>
  );
}
