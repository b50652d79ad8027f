import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel, type Relation } from '@simpul/common';
import { UnitModel } from '@simpul/agency';
import { CaseModel, ExploitationType } from '@simpul/case';
import { OfficerModel } from '@simpul/identity';
import { DeliveryState } from '@simpul/referral';
import { AlertDismissalReason, AlertStatus, AlertType, Severity } from '../alert-enums';
import './alert-enums.registration';

@ObjectType('Alert')
export class AlertModel {
  @Field(() => ID) id: string;
  @Field() reference: string;
  @Field(() => AlertType) type: AlertType;
  @Field(() => Severity) severity: Severity;
  @Field(() => AlertStatus) status: AlertStatus;
  @Field({ description: 'The raising officer\'s text; "" for auditors (restricted)' })
  summary: string;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => String, { nullable: true }) countryCode: string | null;
  @Field(() => [ExploitationType]) exploitationTypes: ExploitationType[];
  @Field(() => OfficerModel) raisedBy?: OfficerModel;
  @Field(() => UnitModel, { description: 'The unit of the officer who raised it' })
  raisedByUnit?: UnitModel;
  @Field() raisedAt: Date;
  @Field(() => CaseModel, { nullable: true }) case?: CaseModel | null;
  @Field(() => [AlertDeliveryModel]) deliveries?: Relation<AlertDeliveryModel[]>;
  @Field(() => AlertDeliveryModel, {
    nullable: true,
    description:
      "The delivery to the caller's unit (or, for a SUPERVISOR, to a unit of its agency); null when the caller's units did not receive it",
  })
  myDelivery?: Relation<AlertDeliveryModel> | null;
  @Field(() => Date, { nullable: true, description: 'When it was resolved or dismissed' })
  closedAt: Date | null;
  @Field(() => AlertDismissalReason, { nullable: true })
  dismissalReason: AlertDismissalReason | null;
  @Field(() => String, {
    nullable: true,
    description: 'The resolve or dismiss note; null for auditors (restricted)',
  })
  statusNote: string | null;
  @Field(() => Int, {
    description: '0, then one more each time the alert escalated while unacknowledged',
  })
  escalationLevel: number;
  @Field(() => Int, { description: 'Changes with the status and the case link' })
  version: number;
  @Field({ description: 'true when summary and note are withheld from the caller (auditors)' })
  restricted: boolean;

  /** Not in the schema: what the field resolvers load from. */
  raisedById: string;
  raisedByUnitId: string;
  caseId: string | null;
}

@ObjectType('AlertDelivery')
export class AlertDeliveryModel {
  @Field(() => ID) id: string;
  @Field(() => AlertModel) alert?: Relation<AlertModel>;
  @Field(() => UnitModel) unit?: UnitModel;
  @Field(() => DeliveryState) delivery: DeliveryState;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
  @Field(() => OfficerModel, { nullable: true }) acknowledgedBy?: OfficerModel | null;

  alertId: string;
  unitId: string;
  acknowledgedById: string | null;
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

@ObjectType('AlertEscalation', {
  description:
    'A unit an unacknowledged alert escalated to: it reads the alert as a receiving unit does and may acknowledge it (acknowledgeAlertEscalation)',
})
export class AlertEscalationModel {
  @Field(() => AlertModel) alert?: Relation<AlertModel>;
  @Field(() => UnitModel) unit?: UnitModel;
  @Field(() => Int, {
    description:
      "The first level that reached it: 1 a receiving unit's supervisors, 2 its agency's head unit, 3 the Gugus Tugas",
  })
  level: number;
  @Field() escalatedAt: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
  @Field(() => OfficerModel, { nullable: true }) acknowledgedBy?: OfficerModel | null;

  alertId: string;
  unitId: string;
  acknowledgedById: string | null;
}
