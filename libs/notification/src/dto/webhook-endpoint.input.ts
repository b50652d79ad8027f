import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('CreateWebhookEndpointInput', {
  description:
    'An agency system that receives the events of one unit, signed with the secret (README, "Webhooks")',
})
export class CreateWebhookEndpointInput {
  @Field(() => ID) unitId: string;

  @Field({ description: 'http(s) URL of the receiver; never a loopback or link-local address' })
  url: string;

  @Field({
    description:
      'Shared secret for the HMAC-SHA256 signature, 32 to 256 characters; never returned',
  })
  secret: string;
}

@InputType('UpdateWebhookEndpointInput', {
  description: 'Absent fields stay as they are; `secret` rotates the secret (never returned)',
})
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) secret?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}
