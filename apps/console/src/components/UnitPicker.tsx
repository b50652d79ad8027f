import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/InlineInput.css';
import { NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { UnitFields, type UnitData } from '../graphql/fragments';
import { graphql } from '../graphql/graphql';
import { enumsId } from '../i18n/enums.id';
import { locale } from '../i18n/i18n';
import { PROVINCES, countryName, regionName } from '../reference/regions';

const UNITS = graphql(
  `
    query Units {
      units {
        ...UnitFields
      }
    }
  `,
  [UnitFields],
);

/**
 * Picks the receiving unit: narrow by agency kind and by province (units in Indonesia) or
 * country (missions abroad), then search by name or code; the matches are radio buttons.
 */
export function UnitPicker({
  value,
  onChange,
  exclude,
  error,
}: {
  value: string | null;
  onChange: (unit: UnitData) => void;
  exclude?: string[];
  error?: string | null;
}) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: UNITS, requestPolicy: 'cache-first' });
  const [kind, setKind] = useState('');
  const [where, setWhere] = useState('');
  const [search, setSearch] = useState('');
  const units = useMemo(() => data?.units ?? [], [data]);
  const countries = useMemo(
    () => [...new Set(units.map((u) => u.countryCode).filter((c): c is string => !!c))].sort(),
    [units],
  );
  const matches = units
    .filter((u) => !exclude?.includes(u.id))
    .filter((u) => !kind || u.agency.kind === kind)
    .filter((u) => {
      if (!where) return true;
      if (where === 'national') return !u.regionCode && !u.countryCode;
      if (where.startsWith('country:')) return u.countryCode === where.slice(8);
      return u.regionCode?.slice(0, 2) === where;
    })
    .filter((u) => {
      const q = search.trim().toLowerCase();
      return (
        !q ||
        u.name.toLowerCase().includes(q) ||
        u.code.toLowerCase().includes(q) ||
        u.agency.name.toLowerCase().includes(q)
      );
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const place = (u: UnitData) =>
    u.countryCode
      ? countryName(u.countryCode, locale())
      : u.regionCode
        ? regionName(u.regionCode)
        : t('unitPicker.national');
  const selected = units.find((u) => u.id === value);
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('unitPicker.agencyKind')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value)}
        data={[
          { value: '', label: t('queue.all') },
          ...Object.keys(enumsId.agencyKind).map((k) => ({
            value: k,
            label: t(`enum.agencyKind.${k}`),
          })),
        ]}
      />
      <NativeSelect
        label={t('unitPicker.where')}
        value={where}
        onChange={(e) => setWhere(e.currentTarget.value)}
        data={[
          { value: '', label: t('unitPicker.anyWhere') },
          { value: 'national', label: t('unitPicker.national') },
          {
            group: t('unitPicker.province'),
            items: PROVINCES.map((p) => ({ value: p.code, label: p.name })),
          },
          {
            group: t('unitPicker.country'),
            items: countries.map((c) => ({
              value: `country:${c}`,
              label: countryName(c, locale()),
            })),
          },
        ]}
      />
      <TextInput
        label={t('unitPicker.search')}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <Radio.Group
        label={t('unitPicker.unit')}
        value={value}
        onChange={(id) => onChange(units.find((u) => u.id === id)!)}
        error={error}
        withAsterisk
      >
        <div className="unit-results">
          {matches.length === 0 && <Text size="sm">{t('unitPicker.none')}</Text>}
          {matches.slice(0, 60).map((u) => (
            <Radio
              key={u.id}
              value={u.id}
              label={`${u.name} — ${place(u)}`}
              description={`${u.code} · ${u.agency.name}`}
            />
          ))}
        </div>
      </Radio.Group>
      {selected && (
        <Text size="sm" role="status">
          {t('unitPicker.unit')}: <strong>{selected.name}</strong>
        </Text>
      )}
    </Stack>
  );
}
