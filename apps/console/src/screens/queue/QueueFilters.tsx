import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueReferralData } from '../../graphql/fragments';
import { PROVINCES } from '../../reference/regions';
import { enumsId } from '../../i18n/enums.id';
import { counterpart, type QueueFilter } from './queue-filter';

export function QueueFilters({
  filter,
  onChange,
  rows,
  inbox,
}: {
  filter: QueueFilter;
  onChange: (f: QueueFilter) => void;
  rows: QueueReferralData[];
  inbox: boolean;
}) {
  const { t } = useTranslation();
  const all = { value: '', label: t('queue.all') };
  const options = (group: 'status' | 'priority' | 'sla') => [
    all,
    ...Object.keys(enumsId[group]).map((value) => ({ value, label: t(`enum.${group}.${value}`) })),
  ];
  const agencies = new Map(
    rows.map((r) => [counterpart(r, inbox).agency.id, counterpart(r, inbox).agency.name]),
  );
  const set = (key: keyof QueueFilter) => (value: string) => onChange({ ...filter, [key]: value });
  return (
    <div className="filters" role="search">
      <TextInput
        label={t('queue.search')}
        type="search"
        value={filter.search}
        onChange={(e) => set('search')(e.currentTarget.value)}
      />
      <NativeSelect
        label={t('queue.status')}
        data={options('status')}
        value={filter.status}
        onChange={(e) => set('status')(e.currentTarget.value)}
      />
      <NativeSelect
        label={t('queue.priority')}
        data={options('priority')}
        value={filter.priority}
        onChange={(e) => set('priority')(e.currentTarget.value)}
      />
      <NativeSelect
        label={t('queue.sla')}
        data={options('sla')}
        value={filter.sla}
        onChange={(e) => set('sla')(e.currentTarget.value)}
      />
      <NativeSelect
        label={inbox ? t('queue.senderAgency') : t('queue.columns.to')}
        data={[
          all,
          ...[...agencies]
            .sort((a, b) => a[1].localeCompare(b[1]))
            .map(([value, label]) => ({ value, label })),
        ]}
        value={filter.agency}
        onChange={(e) => set('agency')(e.currentTarget.value)}
      />
      <NativeSelect
        label={t('queue.province')}
        data={[all, ...PROVINCES.map((p) => ({ value: p.code, label: p.name }))]}
        value={filter.province}
        onChange={(e) => set('province')(e.currentTarget.value)}
      />
    </div>
  );
}
