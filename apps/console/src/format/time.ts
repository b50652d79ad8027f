import type { TFunction } from 'i18next';
import { locale } from '../i18n/i18n';
import { zoneName } from './zone-name';

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Jakarta';
}

/** "12 Des 2026 14.30 WITA": local time in the given zone, with the zone's name. */
export function formatLocal(iso: string | null | undefined, timeZone = viewerTimeZone()): string {
  if (!iso) return '—';
  const at = new Date(iso);
  const text = new Intl.DateTimeFormat(locale(), {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  return `${text} ${zoneName(timeZone, at)}`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));
}

/** "2 hari 3 jam", "45 menit": the two largest units of a duration. */
export function formatDuration(t: TFunction, ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(t('time.days', { count: days }));
  if (hours) parts.push(t('time.hours', { count: hours }));
  if (!days && (mins || !hours)) parts.push(t('time.minutes', { count: mins }));
  return parts.slice(0, 2).join(' ');
}

/** "sisa 3 jam 20 menit" or "lewat 2 jam". */
export function timeLeft(t: TFunction, iso: string, now = Date.now()): string {
  const ms = Date.parse(iso) - now;
  const duration = formatDuration(t, ms);
  return ms >= 0 ? t('time.left', { duration }) : t('time.overdue', { duration });
}
