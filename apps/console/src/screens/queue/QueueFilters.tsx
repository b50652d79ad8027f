import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROVINCES } from '../../reference/regions';
import { enumsId } from '../../i18n/enums.id';
import { useQuery } from 'urql';
import type { QueueFilter } from './queue-filter';
import { AGENCIES } from './queue-queries';

export function QueueFilters({
  filter,
  onChange,
  inbox,
}: {
  filter: QueueFilter;
  onChange: (f: QueueFilter) => void;
  inbox: boolean;
}) {
  const { t } = useTranslation();
  const all = { value: '', label: t('queue.all') };
  const options = (group: 'status' | 'priority' | 'sla') => [
    all,
    ...Object.keys(enumsId[group]).map((value) => ({ value, label: t(`enum.${group}.${value}`) })),
  ];
  const [{ data }] = useQuery({ query: AGENCIES });
  const agencies = (data?.agencies ?? []).map((a) => [a.id, a.name] as const);
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
