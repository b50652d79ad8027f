import type { Same } from '../same';
import type { caseFormId } from './case-form.id';

export const caseFormEn: Same<typeof caseFormId> = {
  title: 'Open a new case',
  caseTitle: 'Case title',
  summary: 'Short description',
  exploitation: 'Exploitation types',
  province: 'Province of origin',
  regency: 'Regency/city of origin',
  regencyNone: 'Unknown / whole province',
  persons: 'Victims / presumed victims',
  addPerson: 'Add a victim',
  removePerson: 'Remove victim {{n}}',
  person: 'Victim {{n}}',
  fullName: 'Full name',
  sex: 'Sex',
  birthDate: 'Birth date',
  nationalId: 'National ID (NIK)',
  passportNumber: 'Passport number',
  phone: 'Phone',
  isChild: 'Child (under 18, or age uncertain)',
  childFlag: 'Child',
  submit: 'Open case',
  required: 'A title and at least one exploitation type are required.',
  opened: 'Case {{reference}} opened.',
  personAdded: 'Victim added.',
  savePerson: 'Save victim',
};
