import type { Same } from '../same';
import type { alertFormId } from './alert-form.id';

export const alertFormEn: Same<typeof alertFormId> = {
  title: 'New alert',
  forCase: 'This alert is linked to the case you came from.',
  backToCase: 'Back to the case',
  type: 'Type of alert',
  severity: 'Severity',
  province: 'Province',
  regency: 'Regency/city',
  regencyNone: 'Whole province',
  country: 'Country (ISO code, for abroad)',
  exploitation: 'Exploitation types',
  summary: 'Summary (for the receiving units only)',
  preview: 'Will reach',
  previewEmpty: 'Choose a type and severity to see who receives it.',
  required: 'Fill in type, severity and summary.',
  submit: 'Send alert',
  sent: 'Alert {{reference}} sent to {{count}} units.',
};
