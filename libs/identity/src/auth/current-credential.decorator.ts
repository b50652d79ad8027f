import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '@simpul/common';
import { credentialOf } from '../credential';

/** The token behind this GraphQL operation (logout revokes it), as set with the actor. */
export const CurrentCredential = createParamDecorator((_: unknown, execution: ExecutionContext) => {
  const credential = credentialOf(GqlExecutionContext.create(execution).getContext<object>());
  if (!credential) throw unauthenticated();
  return credential;
});
