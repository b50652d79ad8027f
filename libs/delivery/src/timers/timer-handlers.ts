import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { HANDLES_TIMERS, type TimerHandler } from './handles-timers.decorator';

/** Every provider marked @HandlesTimers(kind) in the application, by subject kind (worker side). */
@Injectable()
export class TimerHandlers implements OnApplicationBootstrap {
  private handlers = new Map<string, TimerHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const handlers = new Map<string, TimerHandler>();
    for (const wrapper of this.discovery.getProviders()) {
      const { metatype } = wrapper;
      const instance: unknown = wrapper.instance;
      if (!metatype || typeof metatype !== 'function') continue;
      const kind = this.reflector.get<string | undefined>(HANDLES_TIMERS, metatype);
      if (!kind) continue;
      if (!wrapper.isDependencyTreeStatic() || !instance) {
        throw new Error(`Timer handler ${metatype.name} must be a singleton provider`);
      }
      const candidate = instance as Partial<TimerHandler>;
      if (typeof candidate.fire !== 'function' || typeof candidate.pendingTimers !== 'function') {
        throw new Error(`Timer handler ${metatype.name} lacks fire() or pendingTimers()`);
      }
      const existing = handlers.get(kind);
      if (existing && existing !== instance) {
        throw new Error(
          `Two timer handlers for '${kind}': ${existing.constructor.name} and ${metatype.name}`,
        );
      }
      handlers.set(kind, instance as TimerHandler);
    }
    this.handlers = handlers;
  }

  get(subjectKind: string): TimerHandler | undefined {
    return this.handlers.get(subjectKind);
  }

  entries(): [string, TimerHandler][] {
    return [...this.handlers];
  }
}
