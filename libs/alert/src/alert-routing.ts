import type { ExploitationType } from '@simpul/case';
import { atLeast, type AlertType, type Severity } from './alert-enums';

/** What routing looks at in an alert (or in one about to be raised: previewAlertRouting). */
export interface AlertFacts {
  type: AlertType;
  severity: Severity;
  regionCode: string | null;
  countryCode: string | null;
  exploitationTypes: readonly ExploitationType[];
}

/** A routing rule's conditions. Empty lists and null codes match every alert. */
export interface RoutingConditions {
  active: boolean;
  alertTypes: readonly AlertType[];
  minSeverity: Severity;
  /** A province code (53) matches the province and its regencies (53.71); a regency only itself. */
  regionCode: string | null;
  countryCode: string | null;
  /** Matches only alerts that name a country (a rule for everything abroad). */
  abroadOnly: boolean;
  exploitationTypes: readonly ExploitationType[];
}

/** The unit every alert reaches when no rule matches: no warning may go nowhere. */
export const FALLBACK_RECEIVER_CODE = 'GT-PUSAT';

export function inRegion(alertRegion: string | null, ruleRegion: string | null): boolean {
  if (ruleRegion === null) return true;
  if (alertRegion === null) return false;
  return alertRegion === ruleRegion || alertRegion.startsWith(`${ruleRegion}.`);
}

/** True when the rule routes this alert. Pure: its unit test is the rule table. */
export function ruleMatches(rule: RoutingConditions, alert: AlertFacts): boolean {
  if (!rule.active) return false;
  if (rule.alertTypes.length && !rule.alertTypes.includes(alert.type)) return false;
  if (!atLeast(alert.severity, rule.minSeverity)) return false;
  if (!inRegion(alert.regionCode, rule.regionCode)) return false;
  if (rule.countryCode !== null && rule.countryCode !== alert.countryCode) return false;
  if (rule.abroadOnly && alert.countryCode === null) return false;
  if (
    rule.exploitationTypes.length &&
    !rule.exploitationTypes.some((type) => alert.exploitationTypes.includes(type))
  ) {
    return false;
  }
  return true;
}
