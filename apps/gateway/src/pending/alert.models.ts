import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel, type Relation } from '@simpul/common';
import { UnitModel } from '@simpul/agency';
import { CaseModel, ExploitationType } from '@simpul/case';
import { OfficerModel } from '@simpul/identity';
import { DeliveryState } from '@simpul/referral';

/*
 * Contract types of the alerts capability, declared so the served schema matches the contract.
 * Their operations answer NOT_IMPLEMENTED until the alerts issue is built (then these move into
 * their own lib).
 */

export enum AlertType {
  SUSPECTED_TRAFFICKING = 'SUSPECTED_TRAFFICKING',
  SUSPICIOUS_RECRUITMENT = 'SUSPICIOUS_RECRUITMENT',
  VICTIM_LOCATED_ABROAD = 'VICTIM_LOCATED_ABROAD',
  DEBARKATION_ARRIVAL = 'DEBARKATION_ARRIVAL',
  OTHER = 'OTHER',
}
export enum Severity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
export enum AlertStatus {
  RAISED = 'RAISED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RESOLVED = 'RESOLVED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(AlertType, { name: 'AlertType' });
registerEnumType(Severity, { name: 'Severity' });
registerEnumType(AlertStatus, { name: 'AlertStatus' });

@ObjectType('Alert')
export class AlertModel {
  @Field(() => ID) id: string;
  @Field() reference: string;
  @Field(() => AlertType) type: AlertType;
  @Field(() => Severity) severity: Severity;
  @Field(() => AlertStatus) status: AlertStatus;
  @Field() summary: string;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => String, { nullable: true }) countryCode: string | null;
  @Field(() => OfficerModel) raisedBy: OfficerModel;
  @Field() raisedAt: Date;
  @Field(() => CaseModel, { nullable: true }) case: CaseModel | null;
  @Field(() => [AlertDeliveryModel]) deliveries: Relation<AlertDeliveryModel[]>;
}

@ObjectType('AlertDelivery')
export class AlertDeliveryModel {
  @Field(() => ID) id: string;
  @Field(() => AlertModel) alert: Relation<AlertModel>;
  @Field(() => UnitModel) unit: UnitModel;
  @Field(() => DeliveryState) delivery: DeliveryState;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
  @Field(() => OfficerModel, { nullable: true }) acknowledgedBy: OfficerModel | null;
}

@ObjectType('AlertEdge')
export class AlertEdgeModel {
  @Field() cursor: string;
  @Field(() => AlertModel) node: AlertModel;
}

@ObjectType('AlertConnection')
export class AlertConnectionModel {
  @Field(() => [AlertEdgeModel]) edges: AlertEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int) totalCount: number;
}

@InputType('RaiseAlertInput')
export class RaiseAlertInput {
  @Field(() => AlertType) type: AlertType;
  @Field(() => Severity) severity: Severity;
  @Field() summary: string;
  @Field(() => String, { nullable: true }) regionCode?: string;
  @Field(() => String, { nullable: true }) countryCode?: string;
  @Field(() => [ExploitationType], { nullable: true }) exploitationTypes?: ExploitationType[];
  @Field(() => ID, { nullable: true }) caseId?: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string;
}
