import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@simpul/config';
import { isUuid, notFound } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { AlertRoutingRuleEntity } from '../entities/alert-routing-rule.entity';
import { assertAdmin, ruleEntry } from '../routing-rule-input';

/**
 * deleteAlertRoutingRule (ADMIN): the rule stops routing and disappears from the list. The row is
 * kept, marked deleted, so that a reference rule does not come back at the next start.
 */
@Injectable()
export class DeleteAlertRoutingRuleUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, id: string): Promise<boolean> {
    assertAdmin(actor);
    if (!isUuid(id)) throw notFound('AlertRoutingRule');
    return this.tx.run(async () => {
      const rule = await this.tx.manager.findOne(AlertRoutingRuleEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!rule || rule.deletedAt) throw notFound('AlertRoutingRule');
      const now = this.clock.now();
      await this.tx.manager.update(
        AlertRoutingRuleEntity,
        { id },
        { deletedAt: now, updatedAt: now },
      );
      await this.ledger.append([
        ruleEntry(HandoffAction.ALERT_ROUTING_RULE_DELETED, actor, {
          ruleId: rule.id,
          code: rule.code,
        }),
      ]);
      return true;
    });
  }
}
