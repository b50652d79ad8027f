import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { dataSourceOptions } from './data-source-options';
import { IdempotencyStore } from './idempotency.store';
import { transactionalCls } from './transactional';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        autoLoadEntities: true,
        // Migrations are applied by `npm start` / the test setup before the apps boot.
        migrationsRun: false,
      }),
    }),
    transactionalCls,
  ],
  providers: [IdempotencyStore],
  exports: [IdempotencyStore],
})
export class DatabaseModule {}
