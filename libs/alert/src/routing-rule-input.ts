import type { UnitReader } from '@simpul/agency';
import { badInput, forbidden, isUuid, requiredText } from '@simpul/common';
import { hasRole, Role, type Actor } from '@simpul/identity';
import {
  administrationEntry,
  type HandoffAction,
  type LedgerEntryDraft,
  type LedgerPayload,
} from '@simpul/ledger';
import { Severity } from './alert-enums';
import { validCountryCode, validRegionCode } from './alert-routing.service';
import type { AlertRoutingRuleInput } from './dto/alert-routing-rule.input';
import type { AlertRoutingRuleEntity } from './entities/alert-routing-rule.entity';

export type RuleFields = Pick<
  AlertRoutingRuleEntity,
  | 'name'
  | 'alertTypes'
  | 'minSeverity'
  | 'regionCode'
  | 'countryCode'
  | 'abroadOnly'
  | 'exploitationTypes'
  | 'unitIds'
  | 'missionsInCountry'
  | 'active'
>;

export const RULE_FIELDS: readonly (keyof RuleFields)[] = [
  'name',
  'alertTypes',
  'minSeverity',
  'regionCode',
  'countryCode',
  'abroadOnly',
  'exploitationTypes',
  'unitIds',
  'missionsInCountry',
  'active',
];

export function assertAdmin(actor: Actor): void {
  if (!hasRole(actor, Role.ADMIN)) throw forbidden('Only an ADMIN manages alert routing rules');
}

/**
 * A rule from its input, checked: codes well formed, every unit exists, and a rule that reaches
 * someone (units, or the missions of the alert's country).
 */
export async function validRule(
  units: UnitReader,
  input: AlertRoutingRuleInput,
): Promise<RuleFields> {
  const unitIds = [...new Set(input.unitIds ?? [])];
  if (!unitIds.every(isUuid)) throw badInput('input.unitIds', 'every unit must exist');
  const found = await units.existingIds(unitIds);
  if (found.length !== unitIds.length) throw badInput('input.unitIds', 'every unit must exist');
  const missionsInCountry = input.missionsInCountry ?? false;
  if (!unitIds.length && !missionsInCountry) {
    throw badInput('input.unitIds', 'a rule must reach at least one unit');
  }
  return {
    name: requiredText('input.name', input.name, 200),
    alertTypes: [...new Set(input.alertTypes ?? [])],
    minSeverity: input.minSeverity ?? Severity.LOW,
    regionCode: validRegionCode('input.regionCode', input.regionCode),
    countryCode: validCountryCode('input.countryCode', input.countryCode),
    abroadOnly: input.abroadOnly ?? false,
    exploitationTypes: [...new Set(input.exploitationTypes ?? [])],
    unitIds,
    missionsInCountry,
    active: input.active ?? true,
  };
}

/** A rule change on the ledger: ids, its code and the names of changed fields (no unit is told). */
export function ruleEntry(
  action: HandoffAction,
  actor: Actor,
  payload: LedgerPayload,
): LedgerEntryDraft {
  return administrationEntry(action, actor.officerId, payload);
}
