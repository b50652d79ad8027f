import { NativeSelect } from '@mantine/core';
import { PROVINCES, REGENCIES } from '../reference/regions';

/**
 * A province, then one of its regencies where the reference data lists them. Choosing another
 * province clears the regency, so that a regency of the old one is never sent with the new. The
 * caller sends `regency || province` as the region code.
 */
export function RegionSelects({
  province,
  regency,
  onChange,
  labels,
}: {
  province: string;
  regency: string;
  onChange: (province: string, regency: string) => void;
  labels: { province: string; regency: string; regencyNone: string };
}) {
  return (
    <>
      <NativeSelect
        label={labels.province}
        value={province}
        onChange={(e) => onChange(e.currentTarget.value, '')}
        data={[
          { value: '', label: '—' },
          ...PROVINCES.map((p) => ({ value: p.code, label: p.name })),
        ]}
      />
      {REGENCIES[province] && (
        <NativeSelect
          label={labels.regency}
          value={regency}
          onChange={(e) => onChange(province, e.currentTarget.value)}
          data={[
            { value: '', label: labels.regencyNone },
            ...REGENCIES[province].map((r) => ({ value: r.code, label: r.name })),
          ]}
        />
      )}
    </>
  );
}
