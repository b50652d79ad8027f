import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** An endpoint as ADMIN sees it: everything but the secret, which is write-only. */
@ObjectType('WebhookEndpoint', {
  description: "An agency system receiving a unit's events; the secret is never returned",
})
export class WebhookEndpointModel {
  @Field(() => ID) id: string;
  @Field(() => ID) unitId: string;
  @Field() unitCode: string;
  @Field() url: string;
  @Field() active: boolean;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
  @Field(() => Int, { description: 'Deliveries not yet accepted by the receiver' })
  pendingDeliveries: number;
  @Field(() => Date, { nullable: true, description: 'When the receiver last accepted one' })
  lastDeliveredAt: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the latest failed attempt failed (HTTP status or network error)',
  })
  lastError: string | null;
}
