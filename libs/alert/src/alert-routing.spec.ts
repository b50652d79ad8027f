import { ExploitationType } from '@simpul/case';
import { AlertType, Severity } from './alert-enums';
import { inRegion, ruleMatches, type AlertFacts, type RoutingConditions } from './alert-routing';

const anyAlert: RoutingConditions = {
  active: true,
  alertTypes: [],
  minSeverity: Severity.LOW,
  regionCode: null,
  countryCode: null,
  abroadOnly: false,
  exploitationTypes: [],
};

const alert = (facts: Partial<AlertFacts> = {}): AlertFacts => ({
  type: AlertType.SUSPECTED_TRAFFICKING,
  severity: Severity.MEDIUM,
  regionCode: null,
  countryCode: null,
  exploitationTypes: [],
  ...facts,
});

describe('alert routing rules', () => {
  it('matches every alert when the rule sets no condition, and none when inactive', () => {
    expect(ruleMatches(anyAlert, alert())).toBe(true);
    expect(ruleMatches({ ...anyAlert, active: false }, alert())).toBe(false);
  });

  it('matches by type', () => {
    const rule = { ...anyAlert, alertTypes: [AlertType.SUSPECTED_TRAFFICKING] };
    expect(ruleMatches(rule, alert())).toBe(true);
    expect(ruleMatches(rule, alert({ type: AlertType.DEBARKATION_ARRIVAL }))).toBe(false);
  });

  it('matches a minimum severity and everything above it', () => {
    const rule = { ...anyAlert, minSeverity: Severity.HIGH };
    expect(ruleMatches(rule, alert({ severity: Severity.MEDIUM }))).toBe(false);
    expect(ruleMatches(rule, alert({ severity: Severity.HIGH }))).toBe(true);
    expect(ruleMatches(rule, alert({ severity: Severity.CRITICAL }))).toBe(true);
  });

  it('matches a province code to the province and its regencies, not to another province', () => {
    expect(inRegion('53', '53')).toBe(true);
    expect(inRegion('53.71', '53')).toBe(true);
    expect(inRegion('5371', '53')).toBe(false);
    expect(inRegion('52', '53')).toBe(false);
    expect(inRegion('53', '53.71')).toBe(false);
    expect(inRegion(null, '53')).toBe(false);
    expect(inRegion(null, null)).toBe(true);
    const rule = { ...anyAlert, regionCode: '53' };
    expect(ruleMatches(rule, alert({ regionCode: '53.04' }))).toBe(true);
    expect(ruleMatches(rule, alert({ regionCode: '35' }))).toBe(false);
  });

  it('matches a country, or any country for a rule about everything abroad', () => {
    expect(ruleMatches({ ...anyAlert, countryCode: 'MY' }, alert({ countryCode: 'MY' }))).toBe(
      true,
    );
    expect(ruleMatches({ ...anyAlert, countryCode: 'MY' }, alert({ countryCode: 'KH' }))).toBe(
      false,
    );
    const abroad = { ...anyAlert, abroadOnly: true };
    expect(ruleMatches(abroad, alert({ countryCode: 'KH' }))).toBe(true);
    expect(ruleMatches(abroad, alert())).toBe(false);
  });

  it('matches when the alert names one of the exploitation types', () => {
    const rule = { ...anyAlert, exploitationTypes: [ExploitationType.FISHING_CREW] };
    expect(ruleMatches(rule, alert())).toBe(false);
    expect(
      ruleMatches(
        rule,
        alert({
          exploitationTypes: [ExploitationType.FORCED_LABOUR, ExploitationType.FISHING_CREW],
        }),
      ),
    ).toBe(true);
  });
});
