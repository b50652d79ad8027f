import { BusinessCalendar, DEFAULT_BUSINESS_CALENDAR } from '../business-calendar';
import { deskClock } from '../desk-clock';
import { HOLIDAY_DATA_GAPS, HolidayDataGaps, type HolidayDataGap } from './holiday-data-gaps';
import { HOLIDAY_YEARS } from './index';

const KUPANG = 'Asia/Makassar';

/** A calendar with 2026 official and 2027 provisional, reporting into its own outlet. */
function calendarWithGaps() {
  const gaps = new HolidayDataGaps();
  const met: HolidayDataGap[] = [];
  gaps.subscribe((gap) => met.push(gap));
  const calendar = new BusinessCalendar({
    holidays: ['2026-12-25', '2027-12-25'],
    coverage: {
      years: new Map([
        [2026, 'official'],
        [2027, 'provisional'],
      ]),
      gaps,
    },
  });
  return { calendar, met };
}

describe('holiday data gaps', () => {
  it('reports nothing for a deadline counted on official data', () => {
    const { calendar, met } = calendarWithGaps();
    calendar.addBusinessDays(new Date('2026-12-22T02:00:00Z'), 5, KUPANG);
    expect(met).toEqual([]);
  });

  it('still counts a deadline past the last year with data (weekends only), and reports each year it crossed once', () => {
    const { calendar, met } = calendarWithGaps();
    // Thursday 30 December 2027, 10:00 WITA + 2 business days: Friday 31, then Monday 3 January 2028.
    const due = calendar.addBusinessDays(new Date('2027-12-30T02:00:00Z'), 2, KUPANG);
    expect(due.toISOString()).toBe('2028-01-03T02:00:00.000Z');
    expect(met).toEqual([
      { year: 2027, coverage: 'provisional' },
      { year: 2028, coverage: 'none' },
    ]);
  });

  it('reports through a mission’s weekend, a hold’s business time and a merged year alike', () => {
    const { calendar, met } = calendarWithGaps();
    const riyadh = deskClock({ timeZone: 'Asia/Riyadh', countryCode: 'SA' });
    calendar.addBusinessDays(new Date('2028-03-01T07:00:00Z'), 1, riyadh);
    calendar.businessMsBetween(
      new Date('2028-03-01T00:00:00Z'),
      new Date('2028-03-02T00:00:00Z'),
      KUPANG,
    );
    calendar.addBusinessMs(new Date('2028-03-01T00:00:00Z'), 3_600_000, KUPANG);
    calendar.withHolidays(['2029-01-01']).isBusinessDay('2029-01-02');
    expect(met).toEqual([
      { year: 2028, coverage: 'none' },
      { year: 2028, coverage: 'none' },
      { year: 2028, coverage: 'none' },
      { year: 2029, coverage: 'none' },
    ]);
  });

  it('makes the calendar of every deadline report into HOLIDAY_DATA_GAPS, the years of the files as they are', () => {
    const met: HolidayDataGap[] = [];
    const unsubscribe = HOLIDAY_DATA_GAPS.subscribe((gap) => met.push(gap));
    try {
      const last = Math.max(...HOLIDAY_YEARS.map((year) => year.year));
      DEFAULT_BUSINESS_CALENDAR.isBusinessDay(`${last + 1}-06-01`);
      expect(met).toEqual([{ year: last + 1, coverage: 'none' }]);
      for (const year of HOLIDAY_YEARS) {
        met.length = 0;
        DEFAULT_BUSINESS_CALENDAR.isBusinessDay(`${year.year}-06-02`);
        expect(met).toEqual(
          year.status === 'official' ? [] : [{ year: year.year, coverage: 'provisional' }],
        );
      }
    } finally {
      unsubscribe();
    }
  });
});
