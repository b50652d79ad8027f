import { createServer, type Server, type Socket } from 'node:net';
import { postWebhook } from './post-webhook';

/**
 * A receiver that is slow on purpose. Node's `timeout` request option is an idle timeout: a
 * receiver that sends one byte now and then never trips it. WEBHOOK_TIMEOUT_MS is a deadline for
 * the answer, so neither a trickled status line nor an endless body may hold a worker's job.
 */
describe('postWebhook against a slow or endless receiver', () => {
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let behave: (socket: Socket) => void;

  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      socket.once('data', () => behave(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterEach(() => {
    for (const timer of timers) clearInterval(timer);
    timers.clear();
    for (const socket of sockets) socket.destroy();
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  /** Writes `chunk` every 50 ms until the test ends (far below the 400 ms idle timeout). */
  const trickle = (socket: Socket, chunk: string) => {
    const timer = setInterval(() => {
      if (!socket.destroyed) socket.write(chunk);
    }, 50);
    timers.add(timer);
  };

  const post = () =>
    postWebhook(
      `http://127.0.0.1:${port}/hook`,
      '{"event":"ALERT_DELIVERED"}',
      {},
      { timeoutMs: 400, allowPrivate: true },
    );

  it('fails an attempt whose status line and headers trickle in past the timeout', async () => {
    behave = (socket) => {
      socket.write('HTTP/1.1 200 OK\r\n');
      trickle(socket, 'X-Slow: a\r\n');
    };
    const started = Date.now();
    await expect(post()).rejects.toThrow('no answer within 400 ms');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('takes the status of a receiver whose body never ends, without reading it to the end', async () => {
    behave = (socket) => {
      socket.write(
        'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n',
      );
      trickle(socket, `400\r\n${'x'.repeat(0x400)}\r\n`);
    };
    const started = Date.now();
    await expect(post()).resolves.toEqual({ status: 200 });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('answers a prompt receiver as before', async () => {
    behave = (socket) => {
      socket.end('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n');
    };
    await expect(post()).resolves.toEqual({ status: 204 });
  });

  it('fails an attempt the receiver never answers', async () => {
    behave = () => undefined;
    await expect(post()).rejects.toThrow('no answer within 400 ms');
  });

  it('refuses a forbidden address written in the URL, which Node connects to without a lookup', async () => {
    let connected = false;
    behave = (socket) => {
      connected = true;
      socket.end('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n');
    };
    await expect(
      postWebhook(
        `http://127.0.0.1:${port}/hook`,
        '{}',
        {},
        { timeoutMs: 400, allowPrivate: false },
      ),
    ).rejects.toMatchObject({ code: 'EWEBHOOKTARGET' });
    await expect(
      postWebhook(
        `http://[::ffff:127.0.0.1]:${port}/hook`,
        '{}',
        {},
        {
          timeoutMs: 400,
          allowPrivate: false,
        },
      ),
    ).rejects.toMatchObject({ code: 'EWEBHOOKTARGET' });
    expect(connected).toBe(false);
  });
});
