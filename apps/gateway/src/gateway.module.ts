import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AdminModule } from '@simpul/admin';
import { AlertModule } from '@simpul/alert';
import { AgencyModule } from '@simpul/agency';
import { CaseModule } from '@simpul/case';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@simpul/config';
import { DatabaseModule } from '@simpul/database';
import { DeliveryModule, OutboxRepository } from '@simpul/delivery';
import { AccessTokenAuthenticator, GraphqlAuthGuard, IdentityModule } from '@simpul/identity';
import { InsightModule } from '@simpul/insight';
import { LedgerModule, LedgerVerifications } from '@simpul/ledger';
import { HealthModule, LoggerModule } from '@simpul/observability';
import { NotificationModule } from '@simpul/notification';
import { ReferralModule } from '@simpul/referral';
import { NotificationAddedResolver } from './events/notification-added.resolver';
import { HandoffEventHashedResolver } from './audit/handoff-event-hashed.resolver';
import { LedgerAuditResolver } from './audit/ledger-audit.resolver';
import { CaseDossierBuilder } from './audit/case-dossier';
import { LedgerExportController } from './audit/ledger-export.controller';
import { LedgerKeysController } from './audit/ledger-keys.controller';
import { lastLedgerVerification } from './audit/last-ledger-verification';
import { LedgerVerificationResolver } from './audit/ledger-verification.resolver';
import { UnitEventsResolver } from './events/unit-events.resolver';
import { MetricsController } from './operators/metrics.controller';
import { graphqlOptions } from './graphql/graphql-options';
import { DomainErrorFilter } from './graphql/domain-error.filter';
import { hardeningProviders } from './hardening';

@Module({
  imports: [
    ConfigModule,
    LoggerModule,
    DatabaseModule,
    // Parked outbox rows are reported beside readiness, never against it
    // (docs/adr/0009-outbox-done-on-effect.md).
    HealthModule.forRoot({
      imports: [DeliveryModule, LedgerModule],
      inject: [OutboxRepository, LedgerVerifications],
      useFactory: (outbox: OutboxRepository, verifications: LedgerVerifications) => [
        { name: 'outbox', read: async () => ({ parked: await outbox.parkedCount() }) },
        // The operator's flag for tampering: the last finished verifyLedger run (never a 503).
        { name: 'ledger', read: () => lastLedgerVerification(verifications) },
      ],
    }),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [IdentityModule],
      inject: [APP_CONFIG, AccessTokenAuthenticator],
      useFactory: (config: AppConfig, authenticator: AccessTokenAuthenticator) =>
        graphqlOptions(config, authenticator),
    }),
    AgencyModule,
    IdentityModule,
    LedgerModule,
    DeliveryModule,
    CaseModule,
    ReferralModule,
    AdminModule,
    NotificationModule,
    AlertModule,
    InsightModule,
  ],
  controllers: [LedgerKeysController, LedgerExportController, MetricsController],
  providers: [
    { provide: APP_GUARD, useClass: GraphqlAuthGuard },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    UnitEventsResolver,
    NotificationAddedResolver,
    LedgerAuditResolver,
    HandoffEventHashedResolver,
    CaseDossierBuilder,
    LedgerVerificationResolver,
    ...hardeningProviders,
  ],
})
export class GatewayModule {}
