import { UNITS } from '@simpul/agency';
import { weekendOf } from '@simpul/sla';

/**
 * Deadlines count a mission's week by its country (libs/sla/src/weekends/weekends-by-country.ts),
 * which is right in Malaysia only while no mission sits in Kedah, Kelantan or Terengganu — the
 * states that rest on Friday–Saturday. A new Malaysian mission fails here until someone checks
 * its state and, if it is one of those, gives units a weekend of their own.
 */
describe('Indonesian missions in Malaysia', () => {
  it('are the ones checked to work Monday–Friday, and count Saturday–Sunday off', () => {
    const malaysian = UNITS.filter((unit) => unit.countryCode === 'MY').map((unit) => unit.code);
    expect(malaysian.sort()).toEqual(
      [
        'KBRI-KUALALUMPUR', // Federal Territory of Kuala Lumpur
        'KJRI-JOHORBAHRU', // Johor: Saturday–Sunday again since 1 January 2025
        'KJRI-KOTAKINABALU', // Sabah
        'KJRI-KUCHING', // Sarawak
        'KJRI-PENANG', // Penang
        'KRI-TAWAU', // Sabah
      ].sort(),
    );
    expect(weekendOf('MY')).toEqual([6, 0]);
  });
});
