import { WebSocket } from 'ws';
import { LoginUseCase } from '@simpul/identity';
import { openGraphqlSocket } from '../support/open-graphql-socket';
import { openSocket, postFrom, type OpenSocket } from '../support/raw-http';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';

const TYPENAME = { query: '{ __typename }' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const portOf = (gateway: RunningGateway) => Number(new URL(gateway.baseUrl).port);

/**
 * Slow clients against the real gateway over raw sockets (docs/security.md, "Slow clients"):
 * header and request timeouts cut tricklers promptly while other clients are served, WebSockets
 * outlive both, and one address cannot hold more than MAX_CONNECTIONS_PER_ADDRESS connections.
 * Loopback source addresses (127.0.0.2 …) play different clients; TRUST_PROXY is off, so the
 * socket's address is the client's.
 */
describe('slow clients', () => {
  const HEADERS_TIMEOUT_MS = 1500;
  const REQUEST_TIMEOUT_MS = 3000;
  const CONNECTION_TIMEOUT_MS = 3000;
  // Node checks the timeouts every HEADERS_TIMEOUT_MS / 4; the rest is the machine's jitter.
  const MARGIN_MS = HEADERS_TIMEOUT_MS / 4 + 1000;
  let gateway: RunningGateway;
  const sockets: OpenSocket[] = [];

  beforeAll(async () => {
    gateway = await startHardenedGateway({
      TRUST_PROXY: 'off',
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      HTTP_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS),
    });
  }, 60_000);

  afterAll(async () => {
    for (const { socket } of sockets) socket.destroy();
    await gateway?.close();
  });

  const open = async (localAddress?: string) => {
    const socket = await openSocket(portOf(gateway), localAddress);
    sockets.push(socket);
    return socket;
  };

  it('closes a socket that trickles one header line a second within the header timeout, serving others meanwhile', async () => {
    const slow = await open('127.0.0.3');
    slow.socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    let line = 0;
    const trickle = setInterval(() => {
      if (!slow.socket.destroyed) slow.socket.write(`X-Trickle-${++line}: a\r\n`);
    }, 1000);
    try {
      // Ordinary requests from another client keep working while the trickle goes on.
      const served: number[] = [];
      const serving = (async () => {
        for (let i = 0; i < 5; i++) {
          const reply = await postFrom(gateway.graphqlUrl, TYPENAME, { localAddress: '127.0.0.4' });
          expect(reply.body.data).toEqual({ __typename: 'Query' });
          served.push(reply.status);
          await sleep(200);
        }
      })();
      const closedAfter = await slow.closed;
      await serving;
      expect(served).toEqual([200, 200, 200, 200, 200]);
      expect(closedAfter).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
      expect(closedAfter).toBeLessThan(HEADERS_TIMEOUT_MS + MARGIN_MS);
      expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(trickle);
    }
  }, 20_000);

  it('closes a socket that connects and sends nothing within the header timeout', async () => {
    const silent = await open('127.0.0.3');
    const closedAfter = await silent.closed;
    expect(closedAfter).toBeLessThan(HEADERS_TIMEOUT_MS + MARGIN_MS);
  }, 20_000);

  it('closes a request whose body trickles within the request timeout', async () => {
    const slow = await open('127.0.0.3');
    slow.socket.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    const trickle = setInterval(() => {
      if (!slow.socket.destroyed) slow.socket.write(' ');
    }, 300);
    try {
      const closedAfter = await slow.closed;
      expect(closedAfter).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
      expect(closedAfter).toBeLessThan(REQUEST_TIMEOUT_MS + MARGIN_MS);
    } finally {
      clearInterval(trickle);
    }
  }, 20_000);

  it('keeps a graphql-ws WebSocket open well past the request and connection timeouts', async () => {
    // Signed in without HTTP: on a loaded machine a sign-in can outlast the short test timeouts.
    const { accessToken } = await gateway.app
      .get(LoginUseCase)
      .login('uptdppa.ntt', process.env.SIMPUL_DEMO_PASSWORD || 'simpul-demo');
    const socket = openGraphqlSocket(gateway.graphqlUrl.replace(/^http/, 'ws'), accessToken);
    let closedEarly = false;
    void socket.closed.then(() => (closedEarly = true));
    try {
      await socket.connected;
      socket.subscribeToUnitEvents();
      await sleep(REQUEST_TIMEOUT_MS + CONNECTION_TIMEOUT_MS + 1000);
      expect(closedEarly).toBe(false);
      expect(socket.errors).toEqual([]);
    } finally {
      await socket.dispose();
    }
  }, 30_000);
});

describe('connections per address', () => {
  const MAX = 4;
  let gateway: RunningGateway;
  const sockets: OpenSocket[] = [];

  beforeAll(async () => {
    gateway = await startHardenedGateway({
      TRUST_PROXY: 'off',
      MAX_CONNECTIONS_PER_ADDRESS: String(MAX),
    });
  }, 60_000);

  afterAll(async () => {
    for (const { socket } of sockets) socket.destroy();
    await gateway?.close();
  });

  const open = async (localAddress: string) => {
    const socket = await openSocket(portOf(gateway), localAddress);
    sockets.push(socket);
    return socket;
  };

  /** Whether the server answers an HTTP request on this connection (and keeps it open). */
  async function answers(connection: OpenSocket): Promise<boolean> {
    const before = connection.received().length;
    connection.socket.write('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    for (let i = 0; i < 40 && connection.received().length === before; i++) await sleep(50);
    return /HTTP\/1\.1 200 /.test(connection.received().slice(before));
  }

  it('refuses the connection over the cap from one address, releases the count on close, and serves other addresses', async () => {
    const address = '127.0.0.5';
    // HTTP connections and a WebSocket count alike.
    const held: OpenSocket[] = [];
    for (let i = 0; i < MAX - 1; i++) held.push(await open(address));
    const ws = new WebSocket(gateway.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
      localAddress: address,
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    try {
      for (const connection of held) expect(await answers(connection)).toBe(true);

      const refused = await open(address);
      expect(await refused.closed).toBeLessThan(2000);
      expect(refused.received()).toBe('');
      await expect(
        postFrom(gateway.graphqlUrl, TYPENAME, { localAddress: address }),
      ).rejects.toThrow();

      // Another address is not affected.
      const other = await postFrom(gateway.graphqlUrl, TYPENAME, { localAddress: '127.0.0.6' });
      expect(other.body.data).toEqual({ __typename: 'Query' });

      // Closing one connection (here the WebSocket) makes room for one more.
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.close();
      });
      await sleep(200);
      const admitted = await postFrom(gateway.graphqlUrl, TYPENAME, { localAddress: address });
      expect(admitted.body.data).toEqual({ __typename: 'Query' });
      for (const connection of held) expect(connection.socket.destroyed).toBe(false);
    } finally {
      ws.terminate();
    }
  }, 30_000);
});
