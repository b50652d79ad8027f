import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HOLIDAY_DATA_GAPS, type HolidayDataGap } from '@simpul/sla';
import { deadlineHolidayDataGaps } from '@simpul/observability';

/**
 * Makes a deadline counted without official holiday data visible (libs/sla/src/holidays): every
 * such computation counts in `simpul_deadline_holiday_data_gaps_total`, and the first of each year
 * in a process logs a warning saying what to do — a year with no file skips weekends only until
 * its SKB's file is added; a provisional year misses its lunar-calendar holidays and cuti bersama.
 * In the gateway (ReferralModule: deadlines at sending, holds) and the worker (ReferralWorkerModule:
 * escalation steps); one subscription per process even where both modules are loaded.
 */
@Injectable()
export class HolidayDataGapReporter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('HolidayData');
  private readonly warned = new Set<string>();
  private unsubscribe: (() => void) | null = null;
  private static subscribed = false;

  onModuleInit(): void {
    if (HolidayDataGapReporter.subscribed) return;
    HolidayDataGapReporter.subscribed = true;
    this.unsubscribe = HOLIDAY_DATA_GAPS.subscribe((gap) => this.report(gap));
  }

  onModuleDestroy(): void {
    if (!this.unsubscribe) return;
    this.unsubscribe();
    this.unsubscribe = null;
    HolidayDataGapReporter.subscribed = false;
  }

  report(gap: HolidayDataGap): void {
    deadlineHolidayDataGaps.inc({ year: String(gap.year), coverage: gap.coverage });
    const key = `${gap.year}:${gap.coverage}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const file = `libs/sla/src/holidays/${gap.year}.ts`;
    this.logger.warn(
      gap.coverage === 'none'
        ? `A deadline counts days of ${gap.year}, which has no holiday data: only weekends are skipped there. Add ${file} from that year's SKB on hari libur nasional and cuti bersama (README, "Deadlines and escalation").`
        : `A deadline counts days of ${gap.year}, whose holiday data is provisional: its lunar-calendar holidays and cuti bersama count as business days until ${file} is replaced by the SKB's list (README, "Deadlines and escalation").`,
    );
  }
}
