import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@simpul/config';
import { isUuid, notFound } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { UnitReader } from '@simpul/agency';
import { TransactionHost } from '@simpul/database';
import type { AlertRoutingRuleInput } from '../dto/alert-routing-rule.input';
import { AlertRoutingRuleEntity } from '../entities/alert-routing-rule.entity';
import { assertAdmin, RULE_FIELDS, ruleEntry, validRule } from '../routing-rule-input';

/**
 * updateAlertRoutingRule (ADMIN): replaces every field of the rule. ALERT_ROUTING_RULE_UPDATED
 * names the fields that changed. Alerts raised before keep the units they went to.
 */
@Injectable()
export class UpdateAlertRoutingRuleUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitReader,
    private readonly ledger: LedgerWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, id: string, input: AlertRoutingRuleInput): Promise<AlertRoutingRuleEntity> {
    assertAdmin(actor);
    if (!isUuid(id)) throw notFound('AlertRoutingRule');
    return this.tx.run(async () => {
      const rule = await this.tx.manager.findOne(AlertRoutingRuleEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!rule || rule.deletedAt) throw notFound('AlertRoutingRule');
      const next = await validRule(this.units, input);
      const changed = RULE_FIELDS.filter(
        (field) => JSON.stringify(next[field]) !== JSON.stringify(rule[field]),
      );
      if (!changed.length) return rule;
      Object.assign(rule, next, { updatedAt: this.clock.now() });
      await this.tx.manager.update(
        AlertRoutingRuleEntity,
        { id },
        { ...next, updatedAt: rule.updatedAt },
      );
      await this.ledger.append([
        ruleEntry(HandoffAction.ALERT_ROUTING_RULE_UPDATED, actor, {
          ruleId: rule.id,
          code: rule.code,
          changed,
        }),
      ]);
      return rule;
    });
  }
}
