import { Field, ID, InputType } from '@nestjs/graphql';
import { ExploitationType } from '@simpul/case';
import { AlertType, Severity } from '../alert-enums';
import '../models/alert-enums.registration';

@InputType('RaiseAlertInput')
export class RaiseAlertInput {
  @Field(() => AlertType) type: AlertType;
  @Field(() => Severity) severity: Severity;
  @Field() summary: string;
  @Field(() => String, { nullable: true }) regionCode?: string | null;
  @Field(() => String, { nullable: true }) countryCode?: string | null;
  @Field(() => [ExploitationType], { nullable: true }) exploitationTypes?:
    ExploitationType[] | null;
  @Field(() => ID, { nullable: true }) caseId?: string | null;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@InputType('AlertRoutingPreviewInput', {
  description: 'What routing looks at in an alert: previewAlertRouting shows who would receive it',
})
export class AlertRoutingPreviewInput {
  @Field(() => AlertType) type: AlertType;
  @Field(() => Severity) severity: Severity;
  @Field(() => String, { nullable: true }) regionCode?: string | null;
  @Field(() => String, { nullable: true }) countryCode?: string | null;
  @Field(() => [ExploitationType], { nullable: true }) exploitationTypes?:
    ExploitationType[] | null;
}

@InputType('PromoteAlertInput', { description: 'The case to open from an alert' })
export class PromoteAlertInput {
  @Field() title: string;
  @Field(() => [ExploitationType], {
    nullable: true,
    description: "Default: the alert's exploitation types, or UNKNOWN",
  })
  exploitationTypes?: ExploitationType[] | null;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}
