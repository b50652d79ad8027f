import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@simpul/config';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { UnitReader } from '@simpul/agency';
import { TransactionHost } from '@simpul/database';
import type { AlertRoutingRuleInput } from '../dto/alert-routing-rule.input';
import { AlertRoutingRuleEntity } from '../entities/alert-routing-rule.entity';
import { assertAdmin, ruleEntry, validRule } from '../routing-rule-input';

/** createAlertRoutingRule (ADMIN): ALERT_ROUTING_RULE_CREATED on the ledger. */
@Injectable()
export class CreateAlertRoutingRuleUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitReader,
    private readonly ledger: LedgerWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: AlertRoutingRuleInput): Promise<AlertRoutingRuleEntity> {
    assertAdmin(actor);
    return this.tx.run(async () => {
      const now = this.clock.now();
      const rule = this.tx.manager.create(AlertRoutingRuleEntity, {
        id: randomUUID(),
        code: null,
        ...(await validRule(this.units, input)),
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await this.tx.manager.insert(AlertRoutingRuleEntity, rule);
      await this.ledger.append([
        ruleEntry(HandoffAction.ALERT_ROUTING_RULE_CREATED, actor, {
          ruleId: rule.id,
          alertTypes: rule.alertTypes,
          minSeverity: rule.minSeverity,
          regionCode: rule.regionCode,
          countryCode: rule.countryCode,
          unitIds: rule.unitIds,
          active: rule.active,
        }),
      ]);
      return rule;
    });
  }
}
