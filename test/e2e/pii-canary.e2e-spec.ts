import { Redis } from 'ioredis';
import { Client } from 'pg';
import { errorCodeOf, type GraphqlResponse } from '../support/graphql-client';
import { findUnitIds, loginAs } from '../support/login-as';
import { startAppProcesses, type AppProcesses } from '../support/start-app-processes';
import { waitForCondition } from '../support/wait-for-condition';

/**
 * Seeds a person with distinctive identity values, drives the system through the paths that
 * touch them — including bad input built from them — and then looks for the values everywhere
 * they must never be: process output (logs), errors, ledger entries, outbox rows and every Redis
 * key of the run (BullMQ jobs, events, pub/sub).
 */
const CANARY = {
  fullName: 'Zakharia Canarywood',
  nationalId: '3171019876543210',
  passportNumber: 'QZ9988776',
  phone: '+62 899 0077 1133',
};
const NEEDLES = ['Zakharia', 'Canarywood', CANARY.nationalId, CANARY.passportNumber, '899 0077'];
const found = (haystack: string) => NEEDLES.filter((needle) => haystack.includes(needle));

describe('no personal data outside its sealed column', () => {
  let apps: AppProcesses;
  const errors: GraphqlResponse<unknown>[] = [];

  beforeAll(async () => {
    apps = await startAppProcesses({ env: { ...process.env, LOG_LEVEL: 'debug' } });
  }, 90_000); // two processes to start and become ready (up to 60 s each)
  afterAll(async () => {
    await apps?.stop();
  });

  it('keeps the canary out of logs, errors, ledger, outbox and Redis', async () => {
    const lead = await loginAs(apps.graphqlUrl, 'kbri.phnompenh');
    const receiver = await loginAs(apps.graphqlUrl, 'kemlu.pwni');
    const units = await findUnitIds(lead.client);
    const { openCase } = await lead.client.data<{
      openCase: { id: string; persons: { id: string }[] };
    }>(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id persons { id } } }`, {
      input: {
        title: 'Kasus kanari',
        exploitationTypes: ['ONLINE_SCAM'],
        persons: [{ ...CANARY, sex: 'MALE' }],
      },
    });
    const personId = openCase.persons[0].id;
    const { sendReferral } = await lead.client.data<{ sendReferral: { id: string } }>(
      `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }`,
      {
        input: {
          caseId: openCase.id,
          toUnitId: units.get('KEMLU-PWNI'),
          services: ['REPATRIATION'],
          priority: 'EMERGENCY',
          summary: 'Pemulangan',
          personIds: [personId],
          lawfulBasis: { basis: 'VITAL_INTEREST' },
        },
      },
    );
    await waitForCondition('delivery', async () => {
      const { referral } = await receiver.client.data<{ referral: { delivery: string } }>(
        `query($id: ID!) { referral(id: $id) { delivery } }`,
        { id: sendReferral.id },
      );
      return referral.delivery === 'DELIVERED';
    });
    const read = await receiver.client.data<{ case: { persons: { fullName: string }[] } }>(
      `query($id: ID!) { case(id: $id) { persons { fullName nationalId passportNumber phone } } }`,
      { id: openCase.id },
    );
    expect(read.case.persons[0].fullName).toBe(CANARY.fullName);

    // Bad input built from the canary: errors must name fields, never echo values.
    errors.push(
      await lead.client.request(
        `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
        {
          input: {
            title: 'x',
            exploitationTypes: ['OTHER'],
            persons: [{ fullName: 'a', sex: 'MALE', nationalId: CANARY.fullName }],
          },
        },
      ),
      await lead.client.request(
        `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }`,
        {
          id: personId,
          input: { phone: `${CANARY.fullName} ${CANARY.phone}` },
        },
      ),
      await lead.client.request(`query($nik: String) { findPersons(nationalId: $nik) { id } }`, {
        nik: CANARY.fullName,
      }),
      await lead.client.request(`{ case(id: "${CANARY.nationalId}") { id } }`),
    );
    expect(errors.map(errorCodeOf)).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      undefined,
      'NOT_FOUND',
    ]);
    expect(found(JSON.stringify(errors))).toEqual([]);

    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const ledger = await db.query('SELECT * FROM ledger_entry');
      expect(ledger.rowCount).toBeGreaterThan(0);
      expect(found(JSON.stringify(ledger.rows))).toEqual([]);
      const outbox = await db.query('SELECT * FROM outbox');
      expect(found(JSON.stringify(outbox.rows))).toEqual([]);
      const persons = await db.query('SELECT * FROM person');
      expect(found(JSON.stringify(persons.rows))).toEqual([]);
    } finally {
      await db.end();
    }

    const redis = new Redis(process.env.REDIS_URL as string);
    try {
      const dump = await dumpKeys(redis, process.env.REDIS_PREFIX as string);
      expect(dump.length).toBeGreaterThan(0);
      expect(found(dump)).toEqual([]);
    } finally {
      redis.disconnect();
    }

    const output = apps.output();
    expect(output).toContain('"msg"');
    expect(found(output)).toEqual([]);
  }, 60_000);
});

/** Every value under the run's prefix (BullMQ's keys are `{prefix}:…`), as one string. */
async function dumpKeys(redis: Redis, prefix: string): Promise<string> {
  const parts: string[] = [];
  for (const pattern of [`${prefix}*`, `{${prefix}}*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      for (const key of keys) parts.push(key, await valueOf(redis, key));
      cursor = next;
    } while (cursor !== '0');
  }
  return parts.join('\n');
}

async function valueOf(redis: Redis, key: string): Promise<string> {
  switch (await redis.type(key)) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, 0, -1));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}
