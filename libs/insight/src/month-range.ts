import { badInput } from '@simpul/common';

/** A range of whole calendar months, 'YYYY-MM' to 'YYYY-MM' inclusive (WIB, Asia/Jakarta). */
export interface MonthRange {
  fromMonth: string;
  toMonth: string;
}

const MONTH = /^(19\d\d|2\d\d\d)-(0[1-9]|1[0-2])$/;
/** Ten years of months: enough for any evaluation, small enough to answer at once. */
export const MAX_MONTHS = 120;

const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/**
 * Statistics are asked for whole months only: cells are fixed per month, so two ranges never
 * give two different numbers for one cell that could be subtracted from one another.
 */
export function monthRange(fromMonth: string, toMonth: string): MonthRange {
  if (!MONTH.test(fromMonth)) throw badInput('fromMonth', 'must be a month as YYYY-MM');
  if (!MONTH.test(toMonth)) throw badInput('toMonth', 'must be a month as YYYY-MM');
  const span = index(toMonth) - index(fromMonth) + 1;
  if (span < 1) throw badInput('toMonth', 'must not be before fromMonth');
  if (span > MAX_MONTHS)
    throw badInput('toMonth', `must be at most ${MAX_MONTHS} months after fromMonth`);
  return { fromMonth, toMonth };
}
