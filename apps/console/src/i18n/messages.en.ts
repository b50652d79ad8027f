import type { messagesId } from './messages.id';
import type { Same } from './same';
import { appEn } from './words/app.en';
import { navEn } from './words/nav.en';
import { alertsEn } from './words/alerts.en';
import { alertFormEn } from './words/alert-form.en';
import { signInEn } from './words/sign-in.en';
import { errorsEn } from './words/errors.en';
import { queueEn } from './words/queue.en';
import { timeEn } from './words/time.en';
import { referralEn } from './words/referral.en';
import { actionEn } from './words/action.en';
import { unitPickerEn } from './words/unit-picker.en';
import { caseFormEn } from './words/case-form.en';
import { casesEn } from './words/cases.en';
import { composerEn } from './words/composer.en';
import { escalationEn } from './words/escalation.en';
import { overdueEn } from './words/overdue.en';
import { agencyEn } from './words/agency.en';
import { auditEn } from './words/audit.en';
import { verifyEn } from './words/verify.en';
import { dossierEn } from './words/dossier.en';
import { notificationsEn } from './words/notifications.en';
import { statisticsEn } from './words/statistics.en';
import { alertDetailEn } from './words/alert-detail.en';
import { adminScreenEn } from './words/admin-screen.en';

// The console's own words in English, one list per screen or shared part (words/*.en.ts); the
// type keeps every key of messages.id.ts.
export const messagesEn: Same<typeof messagesId> = {
  app: appEn,
  nav: navEn,
  alerts: alertsEn,
  alertForm: alertFormEn,
  signIn: signInEn,
  errors: errorsEn,
  queue: queueEn,
  time: timeEn,
  referral: referralEn,
  action: actionEn,
  unitPicker: unitPickerEn,
  caseForm: caseFormEn,
  cases: casesEn,
  composer: composerEn,
  escalation: escalationEn,
  overdue: overdueEn,
  agency: agencyEn,
  audit: auditEn,
  verify: verifyEn,
  dossier: dossierEn,
  notifications: notificationsEn,
  statistics: statisticsEn,
  alertDetail: alertDetailEn,
  adminScreen: adminScreenEn,
};
