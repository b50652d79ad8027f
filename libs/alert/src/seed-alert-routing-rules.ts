import type { EntityManager } from 'typeorm';
import { PROVINCES, UNITS, unitsByCodeSql } from '@simpul/agency';
import { AlertType, Severity } from './alert-enums';

export interface RoutingRuleReference {
  /** Stable: the seed matches rules by code and never overwrites or revives one. */
  code: string;
  name: string;
  alertTypes: AlertType[];
  minSeverity: Severity;
  regionCode: string | null;
  abroadOnly: boolean;
  unitCodes: string[];
  missionsInCountry: boolean;
}

const unitCodes = new Set(UNITS.map((u) => u.code));

/**
 * A suspected trafficking case in a province reaches the province's police (Polda), migrant-worker
 * protection (BP3MI, where there is one), women and children's protection (UPTD PPA) and its
 * Gugus Tugas: in NTT (53) POLDA-NTT, BP3MI-NTT, UPTDPPA-NTT and GT-NTT.
 */
const PROVINCIAL_RULES: RoutingRuleReference[] = PROVINCES.map((p) => ({
  code: `REF-TPPO-${p.abbr}`,
  name: `Dugaan TPPO di ${p.name}`,
  alertTypes: [AlertType.SUSPECTED_TRAFFICKING],
  minSeverity: Severity.LOW,
  regionCode: p.code,
  abroadOnly: false,
  unitCodes: [`POLDA-${p.abbr}`, `BP3MI-${p.abbr}`, `UPTDPPA-${p.abbr}`, `GT-${p.abbr}`].filter(
    (code) => unitCodes.has(code),
  ),
  missionsInCountry: false,
}));

/** Anything abroad reaches Kemlu's Dit. PWNI and the missions in that country. */
const ABROAD_RULE: RoutingRuleReference = {
  code: 'REF-ABROAD',
  name: 'Peringatan di luar negeri: Dit. PWNI dan perwakilan RI di negara itu',
  alertTypes: [],
  minSeverity: Severity.LOW,
  regionCode: null,
  abroadOnly: true,
  unitCodes: ['KEMLU-PWNI'],
  missionsInCountry: true,
};

export const ROUTING_RULES: readonly RoutingRuleReference[] = [...PROVINCIAL_RULES, ABROAD_RULE];

/**
 * Loads the reference routing rules that do not exist yet, matched by code (run after
 * seedReferenceData: rules name units by code). Never overwrites: once a rule exists, ADMIN owns
 * it — an edit, a deactivation or a deletion (kept as a marked row) survives every restart.
 */
export async function seedAlertRoutingRules(manager: EntityManager): Promise<number> {
  await manager.query(
    `INSERT INTO alert_routing_rule
       (code, name, alert_types, min_severity, region_code, abroad_only, unit_ids, missions_in_country)
     SELECT r.code, r.name, ARRAY(SELECT jsonb_array_elements_text(r.alert_types)), r.min_severity,
            r.region_code, r.abroad_only,
            ARRAY(SELECT u.id
                    FROM (${unitsByCodeSql('ARRAY(SELECT jsonb_array_elements_text(r.unit_codes))')}) u
                   ORDER BY u.code),
            r.missions_in_country
       FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, alert_types jsonb,
            min_severity text, region_code text, abroad_only boolean, unit_codes jsonb,
            missions_in_country boolean)
     ON CONFLICT (code) DO NOTHING`,
    [
      JSON.stringify(
        ROUTING_RULES.map((r) => ({
          code: r.code,
          name: r.name,
          alert_types: r.alertTypes,
          min_severity: r.minSeverity,
          region_code: r.regionCode,
          abroad_only: r.abroadOnly,
          unit_codes: r.unitCodes,
          missions_in_country: r.missionsInCountry,
        })),
      ),
    ],
  );
  return ROUTING_RULES.length;
}
