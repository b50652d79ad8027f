import { Weekday, weekendDaysOf } from './weekday.model';

describe('weekendDaysOf', () => {
  it('names the weekend the deadlines skip, Monday first', () => {
    expect(weekendDaysOf(null)).toEqual([Weekday.SATURDAY, Weekday.SUNDAY]);
    expect(weekendDaysOf('KH')).toEqual([Weekday.SATURDAY, Weekday.SUNDAY]);
    expect(weekendDaysOf('SA')).toEqual([Weekday.FRIDAY, Weekday.SATURDAY]);
    expect(weekendDaysOf('BN')).toEqual([Weekday.FRIDAY, Weekday.SUNDAY]);
    expect(weekendDaysOf('MY')).toEqual([Weekday.SATURDAY, Weekday.SUNDAY]);
  });
});
