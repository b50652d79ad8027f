import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Observable } from 'rxjs';
import type { RequestContext } from '@simpul/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import type { Actor } from '@simpul/identity';
import { markRateLimited, officerRateLimited } from './rate-limited';
import { RateLimiter, type RateLimitDecision } from './rate-limiter';

/**
 * Operations per minute per officer (RATE_LIMIT_OFFICER_RPM, 0 = off), registered as
 * APP_INTERCEPTOR. Interceptors run after every guard, so `context.actor` is set by
 * GraphqlAuthGuard (HTTP) or at connection time (WebSocket) for an authenticated operation;
 * operations without an actor (login) count per address only, in the Apollo plugin. An operation
 * counts once however many root fields it has; over WebSocket each subscription start counts.
 */
@Injectable()
export class OfficerRateLimitInterceptor implements NestInterceptor, OnApplicationShutdown {
  private readonly limiter: RateLimiter | undefined;
  private readonly decisions = new WeakMap<object, Promise<RateLimitDecision>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.limiter = config.rateLimitOfficerRpm > 0 ? RateLimiter.connect(config) : undefined;
  }

  async intercept(execution: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (!this.limiter || execution.getType<GqlContextType>() !== 'graphql') return next.handle();
    const context = GqlExecutionContext.create(execution).getContext<RequestContext<Actor>>();
    if (!context?.actor) return next.handle();
    let decision = this.decisions.get(context);
    if (!decision) {
      decision = this.limiter.consume(
        'officer',
        context.actor.officerId,
        this.config.rateLimitOfficerRpm,
      );
      this.decisions.set(context, decision);
    }
    const { admitted, retryAfterSeconds } = await decision;
    if (!admitted) {
      markRateLimited(context, retryAfterSeconds);
      throw officerRateLimited(retryAfterSeconds);
    }
    return next.handle();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.limiter?.close();
  }
}
