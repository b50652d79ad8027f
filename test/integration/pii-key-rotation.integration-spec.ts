import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  OpenCaseUseCase,
  PersonEntity,
  ResealPersonalData,
  Sex,
  ExploitationType,
} from '@simpul/case';
import { ResealWebhookSecrets } from '@simpul/notification';
import { PersonalDataCipher, type PersonIdentity } from '@simpul/privacy';
import { RotationModule } from '../../apps/gateway/src/cli/rotation.module';
import { bootGateway } from '../support/boot-in-process';
import { demoActor } from '../support/referral-fixtures';

/** A Nest context whose key ring is `keys` with `active` in use (the config is read at boot). */
async function withKeyRing(keys: string, active: string): Promise<INestApplicationContext> {
  const saved = {
    PII_KEYS: process.env.PII_KEYS,
    PII_ACTIVE_KEY_ID: process.env.PII_ACTIVE_KEY_ID,
  };
  Object.assign(process.env, { PII_KEYS: keys, PII_ACTIVE_KEY_ID: active });
  try {
    return await NestFactory.createApplicationContext(RotationModule, { logger: false });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe('rotating the personal-data key', () => {
  it('re-encrypts every identity and webhook secret under the new key, and back, without losing a value', async () => {
    const gateway = await bootGateway();
    const lead = await demoActor(gateway, 'kbri.phnompenh');
    // A webhook secret is sealed with the same ring: left under the old key, dropping that key
    // would leave the endpoint unable to sign anything.
    const secret = 'rotation-webhook-secret-0123456789abcdef';
    const gatewayDb = gateway.get<DataSource>(getDataSourceToken());
    const [{ id: unitId }]: { id: string }[] = await gatewayDb.query(
      `SELECT id FROM unit WHERE code = 'KEMLU-PWNI'`,
    );
    const endpointId = randomUUID();
    await gatewayDb.query(
      `INSERT INTO webhook_endpoint (id, unit_id, url, secret_sealed) VALUES ($1, $2, $3, $4)`,
      [
        endpointId,
        unitId,
        'https://pwni.example/hook',
        gateway.get(PersonalDataCipher).seal(endpointId, secret),
      ],
    );
    const opened = await gateway.get(OpenCaseUseCase).execute(lead, {
      title: 'Rotasi kunci',
      exploitationTypes: [ExploitationType.FORCED_LABOUR],
      persons: [{ fullName: 'Rotasi Korban', sex: Sex.MALE, passportNumber: 'X1234567' }],
    });
    await gateway.close();

    // The run's key ring, generated into .simpul/ by the first boot (development and test).
    const current =
      process.env.PII_KEYS ??
      readFileSync(join(process.cwd(), '.simpul', 'pii_keys'), 'utf8').trim();
    const currentId = current.split(',').at(-1)!.split(':')[0];
    const ring = `${current},rotation-test:${randomBytes(32).toString('base64')}`;

    const forward = await withKeyRing(ring, 'rotation-test');
    const moved = await forward.get(ResealPersonalData).run();
    expect(moved.persons).toBeGreaterThan(0);
    const db = forward.get<DataSource>(getDataSourceToken());
    const keyIds: { identity_key_id: string }[] = await db.query(
      'SELECT DISTINCT identity_key_id FROM person',
    );
    expect(keyIds).toEqual([{ identity_key_id: 'rotation-test' }]);
    const person = await db.manager.findOneByOrFail(PersonEntity, { caseId: opened.id });
    expect(
      forward.get(PersonalDataCipher).open<PersonIdentity>(person.id, person.identitySealed)
        .fullName,
    ).toBe('Rotasi Korban');
    expect((await forward.get(ResealPersonalData).run()).persons).toBe(0);
    expect(await forward.get(ResealWebhookSecrets).run()).toBeGreaterThan(0);
    const [endpoint]: { secret_sealed: string }[] = await db.query(
      'SELECT secret_sealed FROM webhook_endpoint WHERE id = $1',
      [endpointId],
    );
    expect(PersonalDataCipher.keyIdOf(endpoint.secret_sealed)).toBe('rotation-test');
    expect(forward.get(PersonalDataCipher).open<string>(endpointId, endpoint.secret_sealed)).toBe(
      secret,
    );
    expect(await forward.get(ResealWebhookSecrets).run()).toBe(0);
    await forward.close();

    // Back to the run's key, so the tests after this one read what they wrote.
    const back = await withKeyRing(ring, currentId);
    await back.get(ResealPersonalData).run();
    await back.get(ResealWebhookSecrets).run();
    await back.close();
  });
});
