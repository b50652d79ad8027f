import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { dataSourceOptions } from './data-source-options';
import { IdempotencyStore } from './idempotency.store';
import { PreparedStatements } from './prepared-statements';
import { TransactionHost } from './transaction-host';

/**
 * The app's DataSource and what every context's data access stands on. Global, so that the one
 * TransactionHost reaches every lib's stores without each lib importing this module.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // The least-privilege app role (ADR 0013), never the owner of DATABASE_URL.
        ...dataSourceOptions(config.database.appUrl),
        autoLoadEntities: true,
        // Migrations are applied by `npm start` / the test setup before the apps boot.
        migrationsRun: false,
      }),
    }),
  ],
  providers: [IdempotencyStore, PreparedStatements, TransactionHost],
  exports: [IdempotencyStore, PreparedStatements, TransactionHost],
})
export class DatabaseModule {}
