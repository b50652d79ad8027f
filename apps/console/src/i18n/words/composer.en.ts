import type { Same } from '../same';
import type { composerId } from './composer.id';

export const composerEn: Same<typeof composerId> = {
  title: 'New referral for case {{reference}}',
  resendTitle: 'Resend referral {{reference}}',
  rejectedBecause: 'Declined by {{unit}}: {{reason}}',
  rejectedNote: "Decliner's note: {{note}}",
  services: 'Services requested',
  priority: 'Priority',
  summary: 'Summary for the receiver',
  persons: 'Victims whose identity travels with it',
  personsHelp: 'Only those the receiver needs to know.',
  basis: 'Basis for sharing identities (UU 27/2022)',
  consentReference: 'Consent record number',
  confidential: 'Confidential',
  confidentialHelp:
    'Other parties of the case do not see this referral at all. Investigations and referrals from or to the police are confidential by default.',
  submit: 'Send referral',
  required: 'Choose a unit, at least one service, and write a summary.',
  basisRequired: 'Choose the basis for sharing identities.',
  consentRequired: 'The consent record number is required for Consent.',
  sent: 'Referral {{reference}} sent.',
};
