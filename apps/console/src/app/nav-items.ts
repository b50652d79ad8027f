import type { Officer } from '../session/session';
import { paths } from './routes';

export interface NavItem {
  key: string;
  label: string;
  to: string;
  /** Route names that count as inside this item, for aria-current. */
  routes: string[];
}

/**
 * The main navigation by role. Screens still to come (notifications, ledger verification) add one
 * entry here and one route in routes.ts.
 */
export function navItems(officer: Officer): NavItem[] {
  const roles = new Set(officer.roles);
  const items: NavItem[] = [];
  const handlesReferrals =
    roles.has('DESK_OFFICER') || roles.has('SUPERVISOR') || roles.has('INVESTIGATOR');
  if (handlesReferrals) {
    items.push(
      { key: 'inbox', label: 'nav.inbox', to: paths.inbox, routes: ['inbox', 'referral'] },
      { key: 'sent', label: 'nav.sent', to: paths.sent, routes: ['sent'] },
      { key: 'returned', label: 'nav.returned', to: paths.returned, routes: ['returned'] },
      { key: 'cases', label: 'nav.cases', to: paths.cases, routes: ['cases', 'case', 'compose'] },
      { key: 'newCase', label: 'nav.newCase', to: paths.newCase, routes: ['newCase'] },
      { key: 'alerts', label: 'nav.alerts', to: paths.alerts, routes: ['alerts', 'alert'] },
    );
  }
  // Who raises alerts without a case (docs/access-model.md): investigators and immigration units.
  if (roles.has('INVESTIGATOR') || officer.unit.agency.kind === 'IMIGRASI')
    items.push({
      key: 'raiseAlert',
      label: 'nav.raiseAlert',
      to: paths.raiseAlert,
      routes: ['raiseAlert'],
    });
  if (roles.has('SUPERVISOR'))
    items.push({ key: 'agency', label: 'nav.agency', to: paths.agency, routes: ['agency'] });
  // Escalation reaches supervisors (Gugus Tugas ones too) and auditors read everything.
  if (roles.has('SUPERVISOR') || roles.has('AUDITOR'))
    items.push({ key: 'overdue', label: 'nav.overdue', to: paths.overdue, routes: ['overdue'] });
  if (roles.has('AUDITOR'))
    items.push({
      key: 'audit',
      label: 'nav.audit',
      to: paths.audit,
      routes: ['audit', 'auditCase'],
    });
  // The API's rule (docs/access-model.md, "Auditors' questions and statistics"): auditors, and
  // caseworkers of a Gugus Tugas.
  if (roles.has('AUDITOR') || (handlesReferrals && officer.unit.agency.kind === 'GUGUS_TUGAS'))
    items.push({
      key: 'statistics',
      label: 'nav.statistics',
      to: paths.statistics,
      routes: ['statistics'],
    });
  // Routing rules, webhooks and parked deliveries: the ADMIN API (docs/access-model.md).
  if (roles.has('ADMIN'))
    items.push({ key: 'admin', label: 'adminScreen.nav', to: paths.admin, routes: ['admin'] });
  return items;
}

/** Where an officer lands after signing in. */
export function homePath(officer: Officer): string {
  if (officer.roles.includes('AUDITOR') && !officer.roles.includes('DESK_OFFICER'))
    return paths.audit;
  if (officer.roles.length === 1 && officer.roles[0] === 'ADMIN') return paths.admin;
  return paths.inbox;
}
