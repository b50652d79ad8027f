import { createConnection, createServer, type Server, type Socket } from 'node:net';

const DEFAULT_PORTS: Record<string, number> = {
  'redis:': 6379,
  'rediss:': 6379,
  'postgres:': 5432,
  'postgresql:': 5432,
};

/**
 * A TCP proxy in front of a real server (the shared Redis or PostgreSQL) that a test can cut and
 * restore, to play an outage without touching the shared server. cut() drops every connection and
 * stops listening (new connections are refused); restore() listens again on the same port.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  protected constructor(private readonly target: URL) {}

  static async start(targetUrl: string): Promise<TcpProxy> {
    const proxy = new TcpProxy(new URL(targetUrl));
    await proxy.listen();
    return proxy;
  }

  /** The target URL with host and port replaced by the proxy's. */
  get url(): string {
    const url = new URL(this.target.toString());
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restore(): Promise<void> {
    if (!this.server) await this.listen();
  }

  close(): Promise<void> {
    return this.cut();
  }

  protected async listen(): Promise<void> {
    const server = createServer((client) => {
      // A connection accepted just before cut() must not slip through after it.
      if (this.server !== server) client.destroy();
      else this.forward(client);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
  }

  private forward(client: Socket): void {
    const upstream = createConnection({
      host: this.target.hostname,
      port: Number(this.target.port || DEFAULT_PORTS[this.target.protocol]),
    });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      // A peer that vanishes is part of the game; the other side is closed with it.
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
