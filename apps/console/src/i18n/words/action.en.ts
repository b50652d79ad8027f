import type { Same } from '../same';
import type { actionId } from './action.id';

export const actionEn: Same<typeof actionId> = {
  acknowledge: 'Acknowledge',
  accept: 'Accept',
  reject: 'Decline',
  redirect: 'Redirect',
  start: 'Start',
  hold: 'Put on hold',
  resume: 'Resume',
  complete: 'Complete',
  fail: 'Mark as failed',
  cancel: 'Cancel referral',
  confirm: 'Yes, go ahead',
  close: 'Close',
  back: 'Back',
  reason: 'Reason for declining',
  note: 'Note',
  noteRequired: 'A note is required.',
  reasonRequired: 'Choose a reason.',
  outcome: 'Outcome',
  outcomeRequired: 'The outcome is required.',
  unitRequired: 'Choose the unit to redirect to.',
  rejectTitle: 'Decline referral {{reference}}?',
  rejectWarning:
    'The referral goes back to the sender (Returned) with this reason. Declining cannot be undone.',
  redirectTitle: 'Redirect referral {{reference}}',
  holdTitle: 'Put {{reference}} on hold',
  completeTitle: 'Complete referral {{reference}}',
  failTitle: 'Mark referral {{reference}} as failed',
  cancelTitle: 'Cancel referral {{reference}}?',
};
