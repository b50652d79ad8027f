import { Module } from '@nestjs/common';
import { AgencyModule } from '@simpul/agency';
import { CaseModule } from '@simpul/case';
import { DatabaseModule } from '@simpul/database';
import { IdentityModule } from '@simpul/identity';
import { LedgerModule } from '@simpul/ledger';
import { ReferralModule } from '@simpul/referral';
import { EvaluationStatisticsReader } from './evaluation-statistics.reader';
import { EvaluationStatisticsService } from './evaluation-statistics';
import { HandoffStatsReader } from './handoff-stats.reader';
import { InsightAccess } from './insight-access';
import { PingPongReader } from './ping-pong.reader';
import { PingPongSweep } from './ping-pong.sweep';
import {
  AgencyHandoffStatsResolver,
  PingPongCaseLinkResolver,
  UnitHoldingReferralResolver,
} from './resolvers/insight-links.resolver';
import { InsightQueryResolver } from './resolvers/insight-query.resolver';
import { StatisticsExportController } from './statistics-export.controller';
import { UnitHoldingsReader } from './unit-holdings.reader';
import { RaisePingPongAlertsUseCase } from './use-cases/raise-ping-pong-alerts.use-case';

/** Auditors' questions and evaluation statistics for the gateway: GraphQL and the CSV export. */
@Module({
  imports: [DatabaseModule, AgencyModule, IdentityModule, LedgerModule, CaseModule, ReferralModule],
  controllers: [StatisticsExportController],
  providers: [
    InsightAccess,
    HandoffStatsReader,
    UnitHoldingsReader,
    PingPongReader,
    EvaluationStatisticsReader,
    EvaluationStatisticsService,
    InsightQueryResolver,
    AgencyHandoffStatsResolver,
    UnitHoldingReferralResolver,
    PingPongCaseLinkResolver,
  ],
  exports: [EvaluationStatisticsService],
})
export class InsightModule {}

/** The worker's part: the ping-pong sweep that alerts the province's Gugus Tugas. */
@Module({
  imports: [DatabaseModule, LedgerModule],
  providers: [PingPongReader, RaisePingPongAlertsUseCase, PingPongSweep],
  exports: [RaisePingPongAlertsUseCase, PingPongSweep],
})
export class InsightWorkerModule {}
