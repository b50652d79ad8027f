import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client, type Notification } from 'pg';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@simpul/config';

/** PostgreSQL channel on which a committed change of an officer's access is announced. */
export const ACCESS_CHANGED_CHANNEL = 'simpul_access_changed';

const RETRY_MS = 2_000;

/**
 * Inside a transaction that revokes a session or token, deactivates an officer or changes its unit
 * or roles: PostgreSQL delivers the notice to every gateway replica when (and only if) the
 * transaction commits. Payload: the officer id, nothing else.
 */
export async function announceAccessChange(
  manager: EntityManager,
  officerId: string,
): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [ACCESS_CHANGED_CHANNEL, officerId]);
}

/**
 * Tells open WebSockets at once when their officer's access changed (LISTEN on a connection of
 * its own, opened when the first WebSocket asks), so logout and deactivation close them in
 * milliseconds rather than at the next periodic check. Only a shortcut: a notice lost while the
 * connection is down is caught by the periodic check, which remains the guarantee.
 */
@Injectable()
export class SessionEvents implements OnApplicationShutdown {
  private readonly logger = new Logger(SessionEvents.name);
  private readonly watchers = new Map<string, Set<() => void>>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Calls `react` whenever a change of this officer's access commits; returns the unsubscribe. */
  watch(officerId: string, react: () => void): () => void {
    let reactions = this.watchers.get(officerId);
    if (!reactions) this.watchers.set(officerId, (reactions = new Set()));
    reactions.add(react);
    this.ensureListening();
    return () => {
      reactions.delete(react);
      if (reactions.size === 0 && this.watchers.get(officerId) === reactions) {
        this.watchers.delete(officerId);
      }
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private ensureListening(): void {
    if (this.client || this.connecting || this.closed || this.retry) return;
    this.connecting = this.listen()
      .catch((error: unknown) => {
        this.logger.warn(
          { err: { type: error instanceof Error ? error.name : typeof error } },
          'cannot LISTEN for access changes; open WebSockets rely on their periodic check',
        );
        this.scheduleRetry();
      })
      .finally(() => {
        this.connecting = undefined;
      });
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.config.database.appUrl,
      application_name: 'simpul-access-events',
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => undefined);
      this.scheduleRetry();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message: Notification) => this.dispatch(message));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCESS_CHANGED_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private scheduleRetry(): void {
    if (this.closed || this.retry || this.watchers.size === 0) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.watchers.size) this.ensureListening();
    }, RETRY_MS);
    this.retry.unref();
  }

  private dispatch(message: Notification): void {
    if (message.channel !== ACCESS_CHANGED_CHANNEL || !message.payload) return;
    for (const react of this.watchers.get(message.payload) ?? []) react();
  }
}
