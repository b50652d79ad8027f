import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createTestOfficer } from '../support/create-test-officer';
import { errorCodeOf, type GraphqlClient } from '../support/graphql-client';
import { listenGateway } from '../support/listen-gateway';
import { findUnitIds, loginAs, type Session } from '../support/login-as';

const NAME = 'Yohana Ndolu Kefamenanu';
const NIK = '5302014507990003';

const OPEN_CASE = `mutation($input: OpenCaseInput!) { openCase(input: $input) { id persons { id label } } }`;
const SEND = `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id version } }`;
const PERSONS = `query($id: ID!) { case(id: $id) { persons { id label fullName nationalId isChild } } }`;

interface Persons {
  case: {
    persons: {
      id: string;
      label: string;
      fullName: string | null;
      nationalId: string | null;
      isChild: boolean;
    }[];
  };
}

describe('need-to-know on victim identity', () => {
  let app: NestFastifyApplication;
  let url: string;
  let db: DataSource;
  let lead: Session;
  let units: Map<string, string>;
  let caseId: string;
  let adultId: string;
  let childId: string;

  const visible = async (client: GraphqlClient) =>
    (await client.data<Persons>(PERSONS, { id: caseId })).case.persons;

  const send = (client: GraphqlClient, toUnit: string, personIds: string[]) =>
    client.data<{ sendReferral: { id: string; version: number } }>(SEND, {
      input: {
        caseId,
        toUnitId: units.get(toUnit),
        services: ['SHELTER'],
        priority: 'URGENT',
        summary: 'Butuh rumah aman',
        personIds,
        lawfulBasis: personIds.length ? { basis: 'VITAL_INTEREST' } : undefined,
      },
    });

  beforeAll(async () => {
    ({ app, url } = await listenGateway());
    db = app.get<DataSource>(getDataSourceToken());
    lead = await loginAs(url, 'kbri.phnompenh');
    units = await findUnitIds(lead.client);
    const opened = await lead.client.data<{ openCase: { id: string; persons: { id: string }[] } }>(
      OPEN_CASE,
      {
        input: {
          title: 'Dua korban dari Kupang',
          exploitationTypes: ['FORCED_CRIMINALITY'],
          persons: [
            { fullName: NAME, sex: 'FEMALE', birthDate: '1999-07-05', nationalId: NIK },
            { fullName: 'Anak Tanpa Tanggal', sex: 'MALE', isChild: true },
          ],
        },
      },
    );
    caseId = opened.openCase.id;
    [adultId, childId] = opened.openCase.persons.map((p) => p.id);
  });
  afterAll(async () => {
    await app.close();
  });

  it('stores identity sealed: the database row holds neither the name nor the NIK', async () => {
    const rows: Record<string, unknown>[] = await db.query(
      'SELECT * FROM person WHERE case_id = $1',
      [caseId],
    );
    expect(JSON.stringify(rows)).not.toContain('Yohana');
    expect(JSON.stringify(rows)).not.toContain(NIK);
    expect(rows.every((row) => typeof row.identity_key_id === 'string')).toBe(true);
  });

  it('shows the lead unit every identity, and flags the child', async () => {
    const persons = await visible(lead.client);
    expect(persons.map((p) => p.fullName)).toEqual([NAME, 'Anak Tanpa Tanggal']);
    expect(persons.map((p) => p.isChild)).toEqual([false, true]);
  });

  it('shows a receiver only the persons its referral names, while that referral grants it', async () => {
    const shelter = await loginAs(url, 'kemensos.rptc');
    const { sendReferral } = await send(lead.client, 'RPTC-BAMBUAPUS', [adultId]);
    const seen = await visible(shelter.client);
    expect(seen.find((p) => p.id === adultId)).toMatchObject({ fullName: NAME, nationalId: NIK });
    expect(seen.find((p) => p.id === childId)).toMatchObject({ fullName: null, label: 'Korban 2' });
    const reject = `mutation($id: ID!) { rejectReferral(id: $id, reason: NO_CAPACITY) { status } }`;
    await shelter.client.data(reject, { id: sendReferral.id });
    const after = await visible(shelter.client);
    expect(after.every((p) => p.fullName === null)).toBe(true);
  });

  it('keeps access after COMPLETED, and never shows identities to auditors or non-named receivers', async () => {
    const lpsk = await loginAs(url, 'lpsk');
    const { sendReferral } = await send(lead.client, 'LPSK-PUSAT', [childId]);
    for (const step of [
      'acceptReferral(id: $id) { status }',
      'completeReferral(id: $id, outcome: "Dilindungi") { status }',
    ]) {
      await lpsk.client.data(`mutation($id: ID!) { ${step} }`, { id: sendReferral.id });
    }
    expect((await visible(lpsk.client)).find((p) => p.id === childId)?.fullName).toBe(
      'Anak Tanpa Tanggal',
    );
    const auditor = await loginAs(url, 'auditor');
    expect((await visible(auditor.client)).every((p) => p.fullName === null)).toBe(true);
    const police = await loginAs(url, 'polri.ppo');
    await send(lead.client, 'POLRI-PPAPPO', []);
    expect((await visible(police.client)).every((p) => p.fullName === null)).toBe(true);
  });

  it('logs every disclosure, readable by the lead unit and ADMIN only', async () => {
    const query = `query($id: ID!) { personAccessLog(personId: $id) { fields basis officer { username } unit { code } referral { id } } }`;
    const log = (
      await lead.client.data<{
        personAccessLog: { fields: string[]; basis: string; officer: { username: string } }[];
      }>(query, { id: adultId })
    ).personAccessLog;
    expect(
      log.some(
        (e) =>
          e.officer.username === 'kemensos.rptc' &&
          e.basis === 'REFERRAL' &&
          e.fields.includes('nationalId'),
      ),
    ).toBe(true);
    expect(
      log.some((e) => e.officer.username === 'kbri.phnompenh' && e.basis === 'LEAD_UNIT'),
    ).toBe(true);
    const admin = await loginAs(url, 'admin');
    expect(
      (await admin.client.data<{ personAccessLog: unknown[] }>(query, { id: adultId }))
        .personAccessLog.length,
    ).toBe(log.length);
    const shelter = await loginAs(url, 'kemensos.rptc');
    expect(errorCodeOf(await shelter.client.request(query, { id: adultId }))).toBe('NOT_FOUND');
  });

  it('finds a person by NIK through its keyed hash, only for those who may see them', async () => {
    const find = `query($nik: String) { findPersons(nationalId: $nik) { id fullName case { id } } }`;
    const found = await lead.client.data<{ findPersons: { id: string }[] }>(find, { nik: NIK });
    expect(found.findPersons.map((p) => p.id)).toContain(adultId);
    const stranger = await loginAs(url, 'uptdppa.ntt');
    expect(
      (await stranger.client.data<{ findPersons: unknown[] }>(find, { nik: NIK })).findPersons,
    ).toEqual([]);
  });

  it('requires a lawful basis, and consent needs its reference', async () => {
    const input = {
      caseId,
      toUnitId: units.get('KEMLU-PWNI'),
      services: ['REPATRIATION'],
      priority: 'URGENT',
      summary: 'x',
      personIds: [adultId],
    };
    const missing = await lead.client.request(SEND, { input });
    expect(missing.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.lawfulBasis' },
    });
    const consent = await lead.client.request(SEND, {
      input: { ...input, lawfulBasis: { basis: 'CONSENT' } },
    });
    expect(errorCodeOf(consent)).toBe('BAD_USER_INPUT');
    const ok = await lead.client.request(SEND, {
      input: { ...input, lawfulBasis: { basis: 'CONSENT', consentReference: 'PS-2026-114' } },
    });
    expect(ok.errors).toBeUndefined();
  });

  it('lets the lead unit add and correct persons; the ledger records field names, not values', async () => {
    const add = `mutation($caseId: ID!, $input: PersonInput!) { addPerson(caseId: $caseId, input: $input) { id label fullName } }`;
    const added = await lead.client.data<{ addPerson: { id: string; label: string } }>(add, {
      caseId,
      input: { fullName: 'Orang Ketiga', sex: 'UNKNOWN' },
    });
    expect(added.addPerson.label).toBe('Korban 3');
    const update = `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { fullName phone } }`;
    const updated = await lead.client.data<{ updatePerson: { fullName: string; phone: string } }>(
      update,
      {
        id: added.addPerson.id,
        input: { fullName: 'Orang Ketiga Benar', phone: '+62 812 3456 7890' },
      },
    );
    expect(updated.updatePerson).toEqual({
      fullName: 'Orang Ketiga Benar',
      phone: '+62 812 3456 7890',
    });
    const entries: { payload: unknown }[] = await db.query(
      `SELECT payload FROM ledger_entry WHERE case_id = $1 AND action IN ('PERSON_ADDED', 'PERSON_UPDATED')`,
      [caseId],
    );
    expect(entries).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toMatch(/Orang|812/);
    expect(JSON.stringify(entries)).toContain('fullName');
    const shelter = await loginAs(url, 'kemensos.rptc');
    expect(
      errorCodeOf(
        await shelter.client.request(update, { id: added.addPerson.id, input: { phone: null } }),
      ),
    ).toBe('FORBIDDEN');
  });

  it("keeps police notes for the investigators of the case's parties only (the role, not the unit)", async () => {
    const police = await loginAs(url, 'polri.ppo');
    const set = `mutation($caseId: ID!, $notes: String) { setPoliceNotes(caseId: $caseId, notes: $notes) { policeNotes } }`;
    const written = await police.client.data<{ setPoliceNotes: { policeNotes: string } }>(set, {
      caseId,
      notes: 'Perekrut: inisial AB',
    });
    expect(written.setPoliceNotes.policeNotes).toBe('Perekrut: inisial AB');
    const read = `query($id: ID!) { case(id: $id) { policeNotes } }`;
    expect(
      (await lead.client.data<{ case: { policeNotes: null } }>(read, { id: caseId })).case
        .policeNotes,
    ).toBeNull();
    expect(errorCodeOf(await lead.client.request(set, { caseId, notes: 'x' }))).toBe('FORBIDDEN');
    const polda = await loginAs(url, 'polda.ntt');
    expect(errorCodeOf(await polda.client.request(set, { caseId, notes: 'x' }))).toBe('NOT_FOUND');
    // A desk officer of the same police unit is a party too, but no investigator.
    const clerk = await createTestOfficer(app, 'POLRI-PPAPPO');
    const desk = await loginAs(url, clerk.username, clerk.password);
    expect(
      (await desk.client.data<{ case: { policeNotes: null } }>(read, { id: caseId })).case
        .policeNotes,
    ).toBeNull();
    expect(errorCodeOf(await desk.client.request(set, { caseId, notes: 'x' }))).toBe('FORBIDDEN');
    const [row]: { police_notes_sealed: string }[] = await db.query(
      'SELECT police_notes_sealed FROM "case" WHERE id = $1',
      [caseId],
    );
    expect(row.police_notes_sealed).not.toContain('Perekrut');
  });
});
