import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated, type RequestContext } from '@simpul/common';
import type { Actor } from '../actor';

/** The authenticated officer of this GraphQL operation, as set by GraphqlAuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, execution: ExecutionContext) => {
  const context = GqlExecutionContext.create(execution).getContext<RequestContext<Actor>>();
  // Only reachable without an actor from a @Public operation that asks for one: a wiring bug,
  // but answer it as "not signed in" rather than let a resolver run with undefined.
  if (!context.actor) throw unauthenticated();
  return context.actor;
});
