import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
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
  it('re-encrypts every identity under the new key, and back, without losing a value', async () => {
    const gateway = await bootGateway();
    const lead = await demoActor(gateway, 'kbri.phnompenh');
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
    await forward.close();

    // Back to the run's key, so the tests after this one read what they wrote.
    const back = await withKeyRing(ring, currentId);
    await back.get(ResealPersonalData).run();
    await back.close();
  });
});
