import { Field, ObjectType } from '@nestjs/graphql';
import type { Relation } from '@simpul/common';
import { OfficerModel } from './officer.model';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() accessToken: string;
  @Field() expiresAt: Date;
  @Field(() => OfficerModel) officer: Relation<OfficerModel>;

  @Field(() => String, {
    nullable: true,
    description:
      'Single-use token for refreshSession (rotated on every use) until the sign-in session ends',
  })
  refreshToken: string | null;
}
