import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { AgencyKind, UnitReader } from '@simpul/agency';
import { badInput } from '@simpul/common';
import { TransactionHost } from '@simpul/database';
import { AlertRoutingRuleEntity } from './entities/alert-routing-rule.entity';
import { FALLBACK_RECEIVER_CODE, ruleMatches, type AlertFacts } from './alert-routing';

const REGION_CODE = /^\d{2}(\.\d{2}){0,1}$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;

/** A Kemendagri province (53) or regency (53.71) code, or null. */
export function validRegionCode(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const code = value.trim();
  if (!REGION_CODE.test(code))
    throw badInput(field, 'must be a Kemendagri code such as 53 or 53.71');
  return code;
}

/** An ISO 3166-1 alpha-2 country code (upper case), or null. */
export function validCountryCode(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const code = value.trim().toUpperCase();
  if (!COUNTRY_CODE.test(code))
    throw badInput(field, 'must be an ISO 3166-1 alpha-2 code such as MY');
  if (code === 'ID')
    throw badInput(field, 'is for alerts abroad: inside Indonesia give regionCode');
  return code;
}

/**
 * Chooses the receiving units of an alert: every active rule that matches (alert-routing.ts) adds
 * its units, and the missions in the alert's country when it says so. No match: GT-PUSAT, so that
 * no warning goes nowhere. Read in the raising transaction, so a rule changed meanwhile applies
 * either wholly or not at all.
 */
@Injectable()
export class AlertRouting {
  constructor(
    private readonly tx: TransactionHost,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitReader,
  ) {}

  /** Every rule not deleted: the reference rules by code, then the ones ADMIN made. */
  rules(): Promise<AlertRoutingRuleEntity[]> {
    return this.dataSource.manager.find(AlertRoutingRuleEntity, {
      where: { deletedAt: IsNull() },
      order: { code: 'ASC', createdAt: 'ASC' },
    });
  }

  async receivers(facts: AlertFacts): Promise<string[]> {
    const rules = await this.tx.manager.findBy(AlertRoutingRuleEntity, {
      active: true,
      deletedAt: IsNull(),
    });
    const matching = rules.filter((rule) => ruleMatches(rule, facts));
    const unitIds = new Set(matching.flatMap((rule) => rule.unitIds));
    if (facts.countryCode && matching.some((rule) => rule.missionsInCountry)) {
      const missions = await this.units.idsOfKindInCountry(AgencyKind.KEMLU, facts.countryCode);
      missions.forEach((id) => unitIds.add(id));
    }
    // Only units that exist (a rule may name a unit id an ADMIN typed wrong before it was checked).
    const existing = await this.units.existingIds([...unitIds]);
    if (existing.length) return existing;
    const fallback = await this.units.idOfCode(FALLBACK_RECEIVER_CODE);
    return fallback === null ? [] : [fallback];
  }
}
