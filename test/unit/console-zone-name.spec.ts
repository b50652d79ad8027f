import { zoneName } from '../../apps/console/src/format/zone-name';

describe("the console's name of a time zone", () => {
  const at = new Date('2026-12-02T06:00:00Z');

  it('names Indonesian zones WIB, WITA and WIT', () => {
    expect(zoneName('Asia/Jakarta', at)).toBe('WIB');
    expect(zoneName('Asia/Makassar', at)).toBe('WITA');
    expect(zoneName('Asia/Jayapura', at)).toBe('WIT');
  });

  it("gives a mission's zone its offset and city", () => {
    expect(zoneName('Asia/Kuala_Lumpur', at)).toBe('GMT+8 Kuala Lumpur');
    expect(zoneName('Asia/Riyadh', at)).toBe('GMT+3 Riyadh');
  });

  it('calls UTC UTC, and an Etc/ offset by its offset alone', () => {
    expect(zoneName('UTC', at)).toBe('UTC');
    expect(zoneName('Etc/UTC', at)).toBe('UTC');
    expect(zoneName('Etc/GMT-7', at)).toBe('GMT+7');
  });
});
