/** Indonesia's zone names by IANA zone; any other zone (a mission abroad) shows its UTC offset. */
const INDONESIAN_ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Zones that are UTC itself: named so, not "GMT UTC". */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu']);

/**
 * "WITA", or for a zone abroad its offset and city ("GMT+8 Kuala Lumpur"): officers in several
 * countries compare deadlines, so the offset is always shown. A zone without a city (UTC, or the
 * Etc/ offsets) shows its offset alone.
 */
export function zoneName(timeZone: string, at: Date): string {
  const indonesian = INDONESIAN_ZONES[timeZone];
  if (indonesian) return indonesian;
  if (UTC_ZONES.has(timeZone)) return 'UTC';
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  const city =
    timeZone.includes('/') && !timeZone.startsWith('Etc/') ? timeZone.split('/').pop() : '';
  return `${part?.value ?? timeZone}${city ? ` ${city.replace(/_/g, ' ')}` : ''}`;
}
