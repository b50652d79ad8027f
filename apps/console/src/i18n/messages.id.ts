import { appId } from './words/app.id';
import { navId } from './words/nav.id';
import { alertsId } from './words/alerts.id';
import { alertFormId } from './words/alert-form.id';
import { signInId } from './words/sign-in.id';
import { errorsId } from './words/errors.id';
import { queueId } from './words/queue.id';
import { timeId } from './words/time.id';
import { referralId } from './words/referral.id';
import { actionId } from './words/action.id';
import { unitPickerId } from './words/unit-picker.id';
import { caseFormId } from './words/case-form.id';
import { casesId } from './words/cases.id';
import { composerId } from './words/composer.id';
import { escalationId } from './words/escalation.id';
import { overdueId } from './words/overdue.id';
import { agencyId } from './words/agency.id';
import { auditId } from './words/audit.id';
import { verifyId } from './words/verify.id';
import { dossierId } from './words/dossier.id';
import { notificationsId } from './words/notifications.id';
import { statisticsId } from './words/statistics.id';
import { alertDetailId } from './words/alert-detail.id';
import { adminScreenId } from './words/admin-screen.id';

// The console's own words in Bahasa Indonesia (the default), from the project glossary
// (docs/glossary.md), one list per screen or shared part in words/*.id.ts, each with its English
// twin words/*.en.ts, whose type keeps the two in step.
export const messagesId = {
  app: appId,
  nav: navId,
  alerts: alertsId,
  alertForm: alertFormId,
  signIn: signInId,
  errors: errorsId,
  queue: queueId,
  time: timeId,
  referral: referralId,
  action: actionId,
  unitPicker: unitPickerId,
  caseForm: caseFormId,
  cases: casesId,
  composer: composerId,
  escalation: escalationId,
  overdue: overdueId,
  agency: agencyId,
  audit: auditId,
  verify: verifyId,
  dossier: dossierId,
  notifications: notificationsId,
  statistics: statisticsId,
  alertDetail: alertDetailId,
  adminScreen: adminScreenId,
};
