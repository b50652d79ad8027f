import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ResealPersonalData } from '@simpul/case';
import { ConfigError } from '@simpul/config';
import { ResealWebhookSecrets } from '@simpul/notification';
import { RotationModule } from './rotation.module';

/**
 * `npm run pii:rotate`: after adding a new key to PII_KEYS and pointing PII_ACTIVE_KEY_ID at it,
 * re-encrypts everything still under older keys — identities, police notes and webhook secrets.
 * Remove an old key only after this reports 0 of each.
 */
async function rotate(): Promise<void> {
  const app = await NestFactory.createApplicationContext(RotationModule, { logger: ['error'] });
  try {
    const { persons, policeNotes } = await app.get(ResealPersonalData).run();
    const webhookSecrets = await app.get(ResealWebhookSecrets).run();
    console.log(
      `re-encrypted ${persons} person identities, ${policeNotes} police notes and ${webhookSecrets} webhook secrets`,
    );
  } finally {
    await app.close();
  }
}

rotate().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
