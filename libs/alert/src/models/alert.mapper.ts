import type { AlertDeliveryEntity } from '../entities/alert-delivery.entity';
import type { AlertRoutingRuleEntity } from '../entities/alert-routing-rule.entity';
import type { AlertEntity } from '../entities/alert.entity';
import { AlertView } from '../alert-visibility';
import type { AlertDeliveryModel, AlertModel } from './alert.model';
import type { AlertRoutingRuleModel } from './alert-routing-rule.model';

/**
 * The alert as a caller with `view` sees it. The text is withheld here, when the object is built,
 * so that no field resolver can pass it on (docs/access-model.md).
 */
export function toAlertModel(
  entity: AlertEntity,
  view: AlertView.FULL | AlertView.AUDIT,
): AlertModel {
  const full = view === AlertView.FULL;
  return {
    id: entity.id,
    reference: entity.reference,
    type: entity.type,
    severity: entity.severity,
    status: entity.status,
    summary: full ? entity.summary : '',
    regionCode: entity.regionCode,
    countryCode: entity.countryCode,
    exploitationTypes: entity.exploitationTypes,
    raisedAt: entity.raisedAt,
    closedAt: entity.closedAt,
    dismissalReason: entity.dismissalReason,
    statusNote: full ? entity.statusNote : null,
    escalationLevel: entity.escalationLevel,
    version: entity.version,
    restricted: !full,
    raisedById: entity.raisedById,
    raisedByUnitId: entity.raisedByUnitId,
    caseId: entity.caseId,
  };
}

export function toAlertDeliveryModel(entity: AlertDeliveryEntity): AlertDeliveryModel {
  return {
    id: entity.id,
    alertId: entity.alertId,
    unitId: entity.unitId,
    delivery: entity.delivery,
    deliveredAt: entity.deliveredAt,
    acknowledgedAt: entity.acknowledgedAt,
    acknowledgedById: entity.acknowledgedById,
  };
}

export function toRoutingRuleModel(entity: AlertRoutingRuleEntity): AlertRoutingRuleModel {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    alertTypes: entity.alertTypes,
    minSeverity: entity.minSeverity,
    regionCode: entity.regionCode,
    countryCode: entity.countryCode,
    abroadOnly: entity.abroadOnly,
    exploitationTypes: entity.exploitationTypes,
    unitIds: entity.unitIds,
    missionsInCountry: entity.missionsInCountry,
    active: entity.active,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
