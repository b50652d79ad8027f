import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  AGENCIES,
  AgencyKind,
  AgencyModule,
  AgencyReader,
  UNITS,
  UnitReader,
  seedReferenceData,
} from '@simpul/agency';
import { ConfigModule } from '@simpul/config';
import { DatabaseModule } from '@simpul/database';

describe('agency: reference data and readers', () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let units: UnitReader;
  let agencies: AgencyReader;

  const seed = () => dataSource.transaction((manager) => seedReferenceData(manager));
  const codesIn = async (table: 'agency' | 'unit') =>
    (await dataSource.query<{ code: string }[]>(`SELECT code FROM ${table}`)).map((r) => r.code);

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, AgencyModule],
    }).compile();
    await moduleRef.init();
    dataSource = moduleRef.get<DataSource>(getDataSourceToken());
    units = moduleRef.get(UnitReader);
    agencies = moduleRef.get(AgencyReader);
    await seed();
  });

  afterAll(async () => {
    await moduleRef?.close();
  });

  it('loads every reference agency and unit once, however often it runs', async () => {
    await seed();
    const [agencyCodes, unitCodes] = [await codesIn('agency'), await codesIn('unit')];
    expect(agencyCodes).toEqual(expect.arrayContaining(AGENCIES.map((a) => a.code)));
    expect(unitCodes).toEqual(expect.arrayContaining(UNITS.map((u) => u.code)));
    expect(new Set(agencyCodes).size).toBe(agencyCodes.length);
    expect(new Set(unitCodes).size).toBe(unitCodes.length);
    const before = unitCodes.length;
    await seed();
    expect((await codesIn('unit')).length).toBe(before);
  });

  it('keeps ids stable and leaves an edit by an administrator in place', async () => {
    const original = (await units.byCode('DINSOS-PAPEG'))!;
    expect(original).toMatchObject({ regionCode: '95', timeZone: 'Asia/Jayapura' });
    await dataSource.query(
      `UPDATE unit SET name = 'Dinsos Papua Pegunungan (baru)' WHERE id = $1`,
      [original.id],
    );
    await seed();
    expect(await units.byCode('DINSOS-PAPEG')).toEqual({
      ...original,
      name: 'Dinsos Papua Pegunungan (baru)',
    });
    await dataSource.query('UPDATE unit SET name = $2 WHERE id = $1', [original.id, original.name]);
  });

  it('reads units by code, by ids and by agency', async () => {
    const bp3mi = (await units.byCode('BP3MI-NTT'))!;
    const pusat = (await units.byCode('KP2MI-PUSAT'))!;
    const kp2mi = (await agencies.byCode('KP2MI'))!;
    expect(bp3mi).toMatchObject({
      agencyId: kp2mi.id,
      regionCode: '53',
      timeZone: 'Asia/Makassar',
    });
    expect(kp2mi.kind).toBe(AgencyKind.KP2MI);
    expect((await units.byIds([bp3mi.id, pusat.id])).map((u) => u.code).sort()).toEqual([
      'BP3MI-NTT',
      'KP2MI-PUSAT',
    ]);
    expect(await units.unitIdsOfAgency(kp2mi.id)).toEqual(
      expect.arrayContaining([bp3mi.id, pusat.id]),
    );
    expect(await units.byCode('NO-SUCH-UNIT')).toBeNull();
  });

  it('lists agencies and units ordered by code, filtered by kind and region', async () => {
    const listed = (await agencies.list()).map((a) => a.code);
    expect(listed).toEqual([...listed].sort());
    const ntt = (await units.list({ regionCode: '53' })).map((u) => u.code);
    expect(ntt).toEqual(
      expect.arrayContaining(['BP3MI-NTT', 'DINSOS-NTT', 'GT-NTT', 'POLDA-NTT', 'UPTDPPA-NTT']),
    );
    expect(ntt).toEqual([...ntt].sort());
    expect(
      (await units.list({ agencyKind: AgencyKind.POLRI, regionCode: '53' })).map((u) => u.code),
    ).toEqual(['POLDA-NTT']);
    const police = await units.list({ agencyKind: AgencyKind.POLRI });
    expect(police.map((u) => u.code)).toContain('POLRI-PPAPPO');
    expect(police).toHaveLength(39);
  });
});
