/**
 * A year a deadline was counted on without the official holiday list: `provisional` (its file is
 * there but its SKB was not, so some of its holidays and cuti bersama count as business days) or
 * `none` (no file at all: only the weekend is skipped).
 */
export interface HolidayDataGap {
  year: number;
  coverage: 'provisional' | 'none';
}

export type HolidayDataGapListener = (gap: HolidayDataGap) => void;

/**
 * Where the business calendar reports the years it counted without official holiday data, so a
 * deadline past the data is computed — on weekends alone — but never silently: the processes
 * subscribe (libs/observability: a warning in the log once per year, and the
 * `simpul_deadline_holiday_data_gaps_total` metric). The calendar is pure and synchronous; this
 * is its one outlet.
 */
export class HolidayDataGaps {
  private readonly listeners = new Set<HolidayDataGapListener>();

  /** Calls `listener` for every gap from now on; the returned function unsubscribes. */
  subscribe(listener: HolidayDataGapListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  report(gap: HolidayDataGap): void {
    for (const listener of this.listeners) listener(gap);
  }
}

/** The gaps of DEFAULT_BUSINESS_CALENDAR, the calendar of every deadline. */
export const HOLIDAY_DATA_GAPS = new HolidayDataGaps();
