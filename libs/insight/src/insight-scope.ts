import { Role, type Actor } from '@simpul/identity';

/**
 * Whose numbers a caller may read from the insight questions (docs/access-model.md, "Auditors'
 * questions and statistics"): null for everyone who may not ask them at all.
 * `provinceCode` null means the whole country.
 */
export interface InsightScope {
  provinceCode: string | null;
}

/** The caller's unit as the rule needs it. */
export interface ScopeUnit {
  agencyKind: string;
  /** Province (two-digit Kemendagri code) of a provincial unit; null for national units and missions. */
  regionCode: string | null;
}

const CASEWORK_ROLES: readonly Role[] = [Role.DESK_OFFICER, Role.SUPERVISOR, Role.INVESTIGATOR];

/**
 * AUDITOR: the whole country. An officer of a Gugus Tugas (the anti-trafficking task force that
 * coordinates the response) with a casework role: the national secretariat the whole country, a
 * provincial task force its province. ADMIN alone is not enough — the administration's unit
 * belongs to the national Gugus Tugas, but administration is not oversight of casework.
 */
export function insightScopeOf(actor: Actor, unit: ScopeUnit): InsightScope | null {
  if (actor.roles.includes(Role.AUDITOR)) return { provinceCode: null };
  if (unit.agencyKind !== 'GUGUS_TUGAS') return null;
  if (!actor.roles.some((role) => CASEWORK_ROLES.includes(role))) return null;
  return { provinceCode: unit.regionCode ? unit.regionCode.slice(0, 2) : null };
}
