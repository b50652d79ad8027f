import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { DEFAULT_BUSINESS_CALENDAR, HOLIDAY_YEARS } from '@simpul/sla';
import { HolidayDataGapReporter } from './holiday-data-gap-reporter';
import { metricsRegistry } from '@simpul/observability';

async function gapsCounted(year: number): Promise<number> {
  const metric = await metricsRegistry
    .getSingleMetric('simpul_deadline_holiday_data_gaps_total')!
    .get();
  return metric.values
    .filter((value) => value.labels.year === String(year) && value.labels.coverage === 'none')
    .reduce((sum, value) => sum + value.value, 0);
}

describe('HolidayDataGapReporter', () => {
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());

  it('counts every deadline counted past the holiday data and warns once per year, naming the file to add', async () => {
    const reporter = new HolidayDataGapReporter();
    reporter.onModuleInit();
    const second = new HolidayDataGapReporter(); // a second module instance in the same process
    second.onModuleInit();
    try {
      const beyond = Math.max(...HOLIDAY_YEARS.map((year) => year.year)) + 1;
      const before = await gapsCounted(beyond);
      // Two ROUTINE acknowledge deadlines sent in the first week of a year without data.
      const from = new Date(`${beyond}-01-05T02:00:00Z`);
      const due = DEFAULT_BUSINESS_CALENDAR.addBusinessDays(from, 2, 'Asia/Makassar');
      DEFAULT_BUSINESS_CALENDAR.addBusinessDays(from, 5, 'Asia/Makassar');
      expect(due.getTime()).toBeGreaterThan(from.getTime()); // still computed, on weekends alone
      expect(await gapsCounted(beyond)).toBe(before + 2);
      const warnings = warn.mock.calls.map(([message]) => String(message));
      expect(warnings.filter((message) => message.includes(`${beyond}.ts`))).toHaveLength(1);
      expect(warnings.join('\n')).toContain(`libs/sla/src/holidays/${beyond}.ts`);
    } finally {
      second.onModuleDestroy();
      reporter.onModuleDestroy();
    }
    // Unsubscribed: nothing counted any more.
    const beyond = Math.max(...HOLIDAY_YEARS.map((year) => year.year)) + 1;
    const after = await gapsCounted(beyond);
    DEFAULT_BUSINESS_CALENDAR.isBusinessDay(`${beyond}-02-01`);
    expect(await gapsCounted(beyond)).toBe(after);
  });
});
