import { registerEnumType } from '@nestjs/graphql';
import { weekendOf, type Weekday as DayNumber } from '@simpul/sla';

/** A day of the week, as the API names it (the sla lib counts them 0 = Sunday … 6 = Saturday). */
export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

registerEnumType(Weekday, { name: 'Weekday', description: 'A day of the week' });

const BY_NUMBER: readonly Weekday[] = [
  Weekday.SUNDAY,
  Weekday.MONDAY,
  Weekday.TUESDAY,
  Weekday.WEDNESDAY,
  Weekday.THURSDAY,
  Weekday.FRIDAY,
  Weekday.SATURDAY,
];

/**
 * The days a unit in this country does not work — what its business-day deadlines skip — Monday
 * first: the same rule the deadlines use (`weekendOf`), so what the console shows is what counts.
 */
export function weekendDaysOf(countryCode: string | null): Weekday[] {
  const mondayFirst = (day: DayNumber) => (day + 6) % 7;
  return [...weekendOf(countryCode)]
    .sort((a, b) => mondayFirst(a) - mondayFirst(b))
    .map((day) => BY_NUMBER[day]);
}
