import { Field, ID, InputType } from '@nestjs/graphql';
import { ExploitationType } from '@simpul/case';
import { AlertType, Severity } from '../alert-enums';
import '../models/alert-enums.registration';

@InputType('AlertRoutingRuleInput', {
  description:
    'A whole routing rule (updateAlertRoutingRule replaces every field). Absent lists and codes match every alert.',
})
export class AlertRoutingRuleInput {
  @Field() name: string;
  @Field(() => [AlertType], { nullable: true }) alertTypes?: AlertType[] | null;
  @Field(() => Severity, { nullable: true, description: 'Default LOW' })
  minSeverity?: Severity | null;
  @Field(() => String, {
    nullable: true,
    description: 'Kemendagri code; a province (53) matches its regencies (53.71)',
  })
  regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' })
  countryCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only alerts that name a country' })
  abroadOnly?: boolean | null;
  @Field(() => [ExploitationType], { nullable: true })
  exploitationTypes?: ExploitationType[] | null;
  @Field(() => [ID], { nullable: true, description: 'The units that receive a matching alert' })
  unitIds?: string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Also the missions (KEMLU units) in the alert's country",
  })
  missionsInCountry?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Default true' }) active?: boolean | null;
}
