import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { badInput, forbidden, isUuid, notFound, SignedIn } from '@simpul/common';
import { Role, actsForUnit, CurrentActor, type Actor } from '@simpul/identity';
import { UnitReader } from '@simpul/agency';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { EvaluationStatisticsService } from '../evaluation-statistics';
import { HandoffStatsReader } from '../handoff-stats.reader';
import { InsightAccess } from '../insight-access';
import { AgencyHandoffStatsModel } from '../models/agency-handoff-stats.model';
import { EvaluationStatisticsModel } from '../models/evaluation-statistics.model';
import { PingPongCaseModel } from '../models/ping-pong-case.model';
import { UnitHoldingModel } from '../models/unit-holding.model';
import { PingPongReader } from '../ping-pong.reader';
import { UnitHoldingsReader } from '../unit-holdings.reader';
import type { ReferralStatus } from '@simpul/referral';
import type { HandoffAction } from '@simpul/ledger';

const AUDITORS_AND_GUGUS_TUGAS =
  'AUDITOR (every province) and officers of a Gugus Tugas (its province; the national secretariat every province); FORBIDDEN for anyone else';

/**
 * Auditors' questions (docs/access-model.md, "Auditors' questions and statistics"). Each operation
 * decides its caller's scope itself (InsightAccess), because the rule depends on the caller's
 * agency kind and province, not on a role alone.
 */
@SignedIn()
@Resolver()
export class InsightQueryResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: InsightAccess,
    private readonly handoffStatsReader: HandoffStatsReader,
    private readonly holdings: UnitHoldingsReader,
    private readonly units: UnitReader,
    private readonly pingPong: PingPongReader,
    private readonly evaluation: EvaluationStatisticsService,
  ) {}

  @Query(() => [AgencyHandoffStatsModel], {
    description: `Per receiving agency, the referrals sent in [from, to). ${AUDITORS_AND_GUGUS_TUGAS}`,
  })
  async handoffStats(
    @CurrentActor() actor: Actor,
    @Args('from', { type: () => Date, nullable: true }) from?: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to?: Date | null,
  ): Promise<AgencyHandoffStatsModel[]> {
    const scope = await this.access.scopeOf(actor);
    if (from && to && from.getTime() >= to.getTime()) throw badInput('to', 'must be after from');
    const rows = await this.handoffStatsReader.perAgency(scope, from ?? null, to ?? null);
    return rows.map((row) => Object.assign(new AgencyHandoffStatsModel(), row));
  }

  @Query(() => [UnitHoldingModel], {
    description:
      'The referrals a unit held (addressed to it and not closed) at a time, replayed from the sealed ledger entries up to then. AUDITOR, or officers acting for the unit; NOT_FOUND for an unknown unit',
  })
  async unitHoldings(
    @CurrentActor() actor: Actor,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('at', { type: () => Date }) at: Date,
  ): Promise<UnitHoldingModel[]> {
    if (!isUuid(unitId)) throw notFound('Unit');
    const [unit] = await this.units.byIds([unitId]);
    if (!unit) throw notFound('Unit');
    if (!actor.roles.includes(Role.AUDITOR) && !actsForUnit(actor, unit)) {
      throw forbidden('Only auditors and the unit itself ask what it held');
    }
    const rows = await this.holdings.at(unitId, at);
    return rows.map((row) =>
      Object.assign(new UnitHoldingModel(), {
        referralId: row.referralId,
        status: row.status as ReferralStatus,
        since: row.since,
        lastSeq: row.lastSeq,
        lastAction: row.lastAction as HandoffAction,
      }),
    );
  }

  @Query(() => [PingPongCaseModel], {
    description: `Cases whose referrals were rejected or redirected more than \`threshold\` times (default PING_PONG_THRESHOLD), most bounced first. ${AUDITORS_AND_GUGUS_TUGAS}`,
  })
  async pingPongCases(
    @CurrentActor() actor: Actor,
    @Args('threshold', { type: () => Int, nullable: true }) threshold?: number | null,
  ): Promise<PingPongCaseModel[]> {
    const scope = await this.access.scopeOf(actor);
    if (threshold != null && (threshold < 1 || threshold > 100)) {
      throw badInput('threshold', 'must be from 1 to 100');
    }
    const rows = await this.pingPong.cases({
      threshold: threshold ?? this.config.pingPongThreshold,
      provinceCode: scope.provinceCode,
      includeConfidential: actor.roles.includes(Role.AUDITOR),
    });
    return rows.map((row) => Object.assign(new PingPongCaseModel(), row));
  }

  @Query(() => EvaluationStatisticsModel, {
    description: `Anonymised statistics per month (WIB), province, exploitation type and agency, from fromMonth to toMonth (YYYY-MM, at most 120 months); cells of fewer than k = 11 persons suppressed, no totals. Also as CSV: GET /statistics/evaluation.csv. ${AUDITORS_AND_GUGUS_TUGAS}`,
  })
  evaluationStatistics(
    @CurrentActor() actor: Actor,
    @Args('fromMonth') fromMonth: string,
    @Args('toMonth') toMonth: string,
  ): Promise<EvaluationStatisticsModel> {
    return this.evaluation.publish(actor, fromMonth, toMonth);
  }
}
