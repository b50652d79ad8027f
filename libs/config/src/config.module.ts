import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './app-config';
import { CLOCK, clockFor } from './clock';
import { loadConfig } from './load-config';

/** Provides the validated AppConfig under APP_CONFIG and the process's Clock under CLOCK; `main` validates it before Nest boots. */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    // One clock per process for deadlines, escalation timers and their sweep (clock.ts).
    { provide: CLOCK, useFactory: (config: AppConfig) => clockFor(config), inject: [APP_CONFIG] },
  ],
  exports: [APP_CONFIG, CLOCK],
})
export class ConfigModule {}
