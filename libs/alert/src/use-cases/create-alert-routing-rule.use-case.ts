import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import type { AlertRoutingRuleInput } from '../dto/alert-routing-rule.input';
import { AlertRoutingRuleEntity } from '../entities/alert-routing-rule.entity';
import { assertAdmin, ruleEntry, validRule } from '../routing-rule-input';

/** createAlertRoutingRule (ADMIN): ALERT_ROUTING_RULE_CREATED on the ledger. */
@Injectable()
export class CreateAlertRoutingRuleUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
  ) {}

  execute(actor: Actor, input: AlertRoutingRuleInput): Promise<AlertRoutingRuleEntity> {
    assertAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const rule = manager.create(AlertRoutingRuleEntity, {
        id: randomUUID(),
        code: null,
        ...(await validRule(manager, input)),
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(AlertRoutingRuleEntity, rule);
      await this.ledger.append(manager, [
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
