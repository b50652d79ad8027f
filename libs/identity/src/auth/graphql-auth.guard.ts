import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { UnitLoader } from '@simpul/agency';
import { forbidden, unauthenticated, type RequestContext } from '@simpul/common';
import { AccessTokenAuthenticator } from '../access-token.authenticator';
import type { Actor } from '../actor';
import type { CredentialCarrier } from '../credential';
import { OfficerLoader } from '../officer.loader';
import { declaredAccess } from './declared-access';

type Context = RequestContext<Actor> & CredentialCarrier;

/**
 * Default deny for GraphQL (registered by the gateway as APP_GUARD): every root query, mutation
 * and subscription must declare its rule — @Public(), @Roles(…) or @SignedIn() — and an operation
 * that declares none is refused for everyone. Anything but @Public() needs a valid bearer token.
 * HTTP controllers (health) are not GraphQL and pass untouched: they have their own rules.
 * It also installs the request-scoped loaders every resolver may use.
 */
@Injectable()
export class GraphqlAuthGuard implements CanActivate {
  /** One authentication per operation even when its root fields are guarded in parallel. */
  private readonly pending = new WeakMap<object, Promise<Actor>>();
  private readonly logger = new Logger(GraphqlAuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: AccessTokenAuthenticator,
    private readonly unitLoader: UnitLoader,
    private readonly officerLoader: OfficerLoader,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(execution);
    const context = gql.getContext<Context>();
    context.loaders ??= new Map();
    this.unitLoader.install(context);
    this.officerLoader.install(context);

    const info = gql.getInfo<GraphQLResolveInfo | undefined>();
    const access = declaredAccess(this.reflector, [execution.getHandler(), execution.getClass()]);
    // Field resolvers only run under a root field this guard already admitted (and only reach
    // here when the gateway enables field-resolver guards); they are checked only for @Roles.
    if (!isRootField(info) && access?.kind !== 'roles') return true;
    if (access === null) {
      this.logger.error(`No access rule declared for ${info?.parentType.name}.${info?.fieldName}`);
      throw forbidden('This operation declares no access rule');
    }
    if (access.kind === 'public') return true;

    const actor = await this.actorOf(context);
    if (access.kind === 'roles' && !access.roles.some((role) => actor.roles.includes(role))) {
      throw forbidden();
    }
    return true;
  }

  private actorOf(context: Context): Promise<Actor> {
    let pending = this.pending.get(context);
    if (!pending) {
      pending = this.authenticate(context);
      this.pending.set(context, pending);
    }
    return pending;
  }

  private async authenticate(context: Context): Promise<Actor> {
    const { actor, credential } = context;
    if (actor && credential && context.connectionParams) {
      // WebSocket: authenticated at connection_init, perhaps long ago. Each new operation checks
      // that the token still stands, so a revoked one starts nothing between two of the
      // connection's periodic checks.
      const state = await this.authenticator.sessionState(credential, actor);
      if (state !== 'valid') throw unauthenticated('Invalid or expired token');
      return actor;
    }
    if (actor) return actor;
    const authenticated = await this.authenticator.authenticate(bearerHeader(context));
    context.actor = authenticated.actor;
    context.credential = authenticated.credential;
    return authenticated.actor;
  }
}

/** HTTP: the Authorization header. WebSocket: connection_init's `authorization` parameter. */
function bearerHeader(context: Context): string | undefined {
  const header = context.req?.headers?.authorization;
  if (typeof header === 'string') return header;
  if (Array.isArray(header)) return undefined; // two Authorization headers: refuse, do not guess
  const param = context.connectionParams?.authorization ?? context.connectionParams?.Authorization;
  return typeof param === 'string' ? param : undefined;
}

function isRootField(info: GraphQLResolveInfo | undefined): boolean {
  if (!info) return true; // unknown position: treat as root, so the default stays deny
  const { schema, parentType } = info;
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].some(
    (root) => root?.name === parentType.name,
  );
}
