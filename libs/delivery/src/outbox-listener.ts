import type { LoggerService } from '@nestjs/common';
import { Client } from 'pg';
import { OUTBOX_CHANNEL } from './outbox-writer';

const RECONNECT_MS = 1000;

/**
 * A dedicated PostgreSQL connection LISTENing on the outbox channel (a pooled connection would
 * lose the LISTEN when returned). Reconnects when the connection drops and nudges once connected,
 * since notifications sent while it was away are lost.
 */
export class OutboxListener {
  private client: Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly onNudge: () => void,
    private readonly logger: LoggerService,
  ) {}

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = undefined;
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'simpul-outbox-listener',
      // Notices a connection that died silently (NAT, failover) instead of waiting forever.
      keepAlive: true,
    });
    client.on('notification', () => this.onNudge());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.client === client) this.onNudge();
  }

  /** Only the current client counts: a stale one reporting late must not start a second LISTEN. */
  private lost(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(
      `Outbox LISTEN connection lost${error ? ` (${error.message})` : ''}; reconnecting`,
    );
    this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_MS);
  }
}
