import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UnitModel } from '@simpul/agency';
import { ExploitationType } from '@simpul/case';
import { AlertType, Severity } from '../alert-enums';
import './alert-enums.registration';

@ObjectType('AlertRoutingRule', {
  description:
    'ADMIN: which units receive an alert. Empty lists and null codes match every alert; a province code matches its regencies.',
})
export class AlertRoutingRuleModel {
  @Field(() => ID) id: string;
  @Field(() => String, {
    nullable: true,
    description: 'Set for the reference rules Simpul loads at start; null for rules an ADMIN made',
  })
  code: string | null;
  @Field() name: string;
  @Field(() => [AlertType]) alertTypes: AlertType[];
  @Field(() => Severity) minSeverity: Severity;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => String, { nullable: true }) countryCode: string | null;
  @Field({ description: 'Matches only alerts that name a country' }) abroadOnly: boolean;
  @Field(() => [ExploitationType]) exploitationTypes: ExploitationType[];
  @Field(() => [UnitModel]) units?: UnitModel[];
  @Field({
    description: "Also reaches the missions (KEMLU units) in the alert's country",
  })
  missionsInCountry: boolean;
  @Field() active: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  unitIds: string[];
}
