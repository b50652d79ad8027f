import { workingDaysText } from '../../apps/console/src/format/weekdays';

describe("the console's working days of a unit", () => {
  it('says the days a deadline counts, from the unit’s weekend, in either language', () => {
    expect(workingDaysText(['SATURDAY', 'SUNDAY'], 'id')).toBe('Senin–Jumat');
    expect(workingDaysText(['FRIDAY', 'SATURDAY'], 'id')).toBe('Minggu–Kamis');
    expect(workingDaysText(['FRIDAY', 'SATURDAY'], 'en')).toBe('Sunday–Thursday');
    expect(workingDaysText(['FRIDAY', 'SUNDAY'], 'id')).toBe('Senin–Kamis, Sabtu');
  });
});
