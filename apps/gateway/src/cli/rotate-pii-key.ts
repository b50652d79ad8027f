import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ResealPersonalData } from '@simpul/case';
import { ConfigError } from '@simpul/config';
import { RotationModule } from './rotation.module';

/**
 * `npm run pii:rotate`: after adding a new key to PII_KEYS and pointing PII_ACTIVE_KEY_ID at it,
 * re-encrypts everything still under older keys. Remove an old key only after this reports 0.
 */
async function rotate(): Promise<void> {
  const app = await NestFactory.createApplicationContext(RotationModule, { logger: ['error'] });
  try {
    const { persons, policeNotes } = await app.get(ResealPersonalData).run();
    console.log(`re-encrypted ${persons} person identities and ${policeNotes} police notes`);
  } finally {
    await app.close();
  }
}

rotate().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
