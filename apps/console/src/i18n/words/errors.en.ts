import type { Same } from '../same';
import type { errorsId } from './errors.id';

export const errorsEn: Same<typeof errorsId> = {
  UNAUTHENTICATED: 'Your session ended or the username/password is wrong. Please sign in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'Not found, or you have no access to it.',
  BAD_USER_INPUT: 'Invalid input: {{message}}',
  CONFLICT: 'Someone else changed this in the meantime.',
  RATE_LIMITED: 'Too many attempts. Try again in {{seconds}} seconds.',
  NOT_IMPLEMENTED: 'This feature is not available yet.',
  INTERNAL_SERVER_ERROR:
    'The Simpul server had an error. Try again; if it keeps happening, contact your admin.',
  SERVICE_UNAVAILABLE: 'Simpul is unavailable at the moment. Try again shortly.',
  NETWORK: 'Cannot reach the Simpul server. Check your connection.',
  UNKNOWN: 'Something went wrong: {{message}}',
  fields: {
    title: 'Case title',
    summary: 'Summary',
    note: 'Note',
    reason: 'Reason',
    outcome: 'Outcome',
    services: 'Services requested',
    priority: 'Priority',
    toUnitId: 'Receiving unit',
    personIds: 'Victims whose identity is sent',
    lawfulBasis: 'Lawful basis for disclosing identity',
    consentReference: 'Consent reference',
    exploitationTypes: 'Exploitation types',
    regionCode: 'Province or regency',
    countryCode: 'Country',
    fullName: 'Full name',
    sex: 'Sex',
    birthDate: 'Date of birth',
    username: 'Username',
    password: 'Password',
    url: 'URL',
  },
};
