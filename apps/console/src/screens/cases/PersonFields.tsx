import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import { Checkbox, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VariablesOf } from '../../graphql/graphql';
import type { ADD_PERSON } from './case-queries';

export type PersonDraft = VariablesOf<typeof ADD_PERSON>['input'];

export const EMPTY_PERSON: PersonDraft = {
  fullName: '',
  sex: 'UNKNOWN',
  birthDate: '',
  nationalId: '',
  passportNumber: '',
  phone: '',
  isChild: false,
};

/** Blank fields are left out: the API stores only what was given. */
export function cleanPerson(p: PersonDraft): PersonDraft {
  const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : undefined);
  return {
    fullName: p.fullName.trim(),
    sex: p.sex,
    birthDate: blank(p.birthDate),
    nationalId: blank(p.nationalId),
    passportNumber: blank(p.passportNumber),
    phone: blank(p.phone),
    isChild: p.isChild ?? false,
  };
}

/** The identity fields of one victim or presumed victim; a child is flagged explicitly. */
export function PersonFields({
  value,
  onChange,
  n,
}: {
  value: PersonDraft;
  onChange: (p: PersonDraft) => void;
  n: number;
}) {
  const { t } = useTranslation();
  const set = (key: keyof PersonDraft) => (v: string | boolean) => onChange({ ...value, [key]: v });
  const id = (field: string) => `person-${n}-${field}`;
  return (
    <div className="filters">
      <TextInput
        id={id('name')}
        label={t('caseForm.fullName')}
        required
        value={value.fullName}
        onChange={(e) => set('fullName')(e.currentTarget.value)}
        autoComplete="off"
      />
      <NativeSelect
        id={id('sex')}
        label={t('caseForm.sex')}
        value={value.sex}
        onChange={(e) => set('sex')(e.currentTarget.value)}
        data={(['FEMALE', 'MALE', 'UNKNOWN'] as const).map((s) => ({
          value: s,
          label: t(`enum.sex.${s}`),
        }))}
      />
      <TextInput
        id={id('birth')}
        label={t('caseForm.birthDate')}
        type="date"
        value={value.birthDate ?? ''}
        onChange={(e) => set('birthDate')(e.currentTarget.value)}
      />
      <TextInput
        id={id('nik')}
        label={t('caseForm.nationalId')}
        inputMode="numeric"
        value={value.nationalId ?? ''}
        onChange={(e) => set('nationalId')(e.currentTarget.value)}
        autoComplete="off"
      />
      <TextInput
        id={id('passport')}
        label={t('caseForm.passportNumber')}
        value={value.passportNumber ?? ''}
        onChange={(e) => set('passportNumber')(e.currentTarget.value)}
        autoComplete="off"
      />
      <TextInput
        id={id('phone')}
        label={t('caseForm.phone')}
        type="tel"
        value={value.phone ?? ''}
        onChange={(e) => set('phone')(e.currentTarget.value)}
        autoComplete="off"
      />
      <Checkbox
        id={id('child')}
        label={t('caseForm.isChild')}
        checked={value.isChild ?? false}
        onChange={(e) => set('isChild')(e.currentTarget.checked)}
      />
    </div>
  );
}
