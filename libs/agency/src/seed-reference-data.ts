import type { EntityManager } from 'typeorm';
import { AGENCIES } from './reference-data/agencies';
import { UNITS } from './reference-data/units';

export interface ReferenceDataCounts {
  agencies: number;
  units: number;
}

/**
 * Loads the reference agencies and units that do not exist yet, matched by code. Idempotent, and
 * never overwrites: once a row exists, ADMIN owns it (an edit made through the API survives every
 * restart). Codes are never deleted: referrals point at units.
 */
export async function seedReferenceData(manager: EntityManager): Promise<ReferenceDataCounts> {
  await manager.query(
    `INSERT INTO agency (code, name, kind)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (code) DO NOTHING`,
    [AGENCIES.map((a) => a.code), AGENCIES.map((a) => a.name), AGENCIES.map((a) => a.kind)],
  );
  await manager.query(
    `INSERT INTO unit (code, name, agency_id, region_code, country_code, time_zone)
     SELECT u.code, u.name, agency.id, u.region_code, u.country_code, u.time_zone
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
            AS u(code, name, agency_code, region_code, country_code, time_zone)
       JOIN agency ON agency.code = u.agency_code
     ON CONFLICT (code) DO NOTHING`,
    [
      UNITS.map((u) => u.code),
      UNITS.map((u) => u.name),
      UNITS.map((u) => u.agencyCode),
      UNITS.map((u) => u.regionCode),
      UNITS.map((u) => u.countryCode),
      UNITS.map((u) => u.timeZone),
    ],
  );
  return { agencies: AGENCIES.length, units: UNITS.length };
}

/** Unit ids by code, for seeding other libs' reference rows (the demo cast's officers). */
export async function unitIdsByCode(
  manager: EntityManager,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const units: { id: string; code: string }[] = await manager.query(
    'SELECT id, code FROM unit WHERE code = ANY($1::text[])',
    [[...new Set(codes)]],
  );
  return new Map(units.map((unit) => [unit.code, unit.id]));
}
