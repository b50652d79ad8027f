import { decodeJwt } from 'jose';
import { TokenService } from '@simpul/identity';
import { createTestOfficer, testAddress } from '../support/create-test-officer';
import { errorCode, graphqlRequest, signIn } from '../support/graphql-http';
import { listenSessionGateway, type SessionGateway } from '../support/listen-session-gateway';
import { openGraphqlSocket, type GraphqlSocket } from '../support/open-graphql-socket';

/**
 * An open graphql-ws connection lives no longer than its token: the server closes it with 4401
 * when the token expires and with 4403 when it is revoked. The periodic check runs every 200 ms
 * here (WS_SESSION_CHECK_MS) instead of every 15 s.
 */
describe('WebSocket session lifetime', () => {
  let gateway: SessionGateway;
  const sockets: GraphqlSocket[] = [];

  const open = (token: string) => {
    const socket = openGraphqlSocket(gateway.websocketUrl, token);
    sockets.push(socket);
    return socket;
  };
  const within = async <T>(pending: Promise<T>, ms: number, what: string): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        pending,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  const signInNew = async () => {
    const officer = await createTestOfficer(gateway.app);
    const session = await signIn(gateway.graphqlUrl, officer.username, officer.password, {
      'x-forwarded-for': testAddress(),
    });
    return { officer, session };
  };

  beforeAll(async () => {
    gateway = await listenSessionGateway({ WS_SESSION_CHECK_MS: '200' });
  });

  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await gateway.app.close();
  });

  it('closes the connection with 4401 when its token expires', async () => {
    const { officer, session } = await signInNew();
    // The same session, but a token issued 898 s ago: it expires 2 s from now.
    const sessionId = decodeJwt(session.accessToken).sid as string;
    const { accessToken, expiresAt } = await gateway.app
      .get(TokenService)
      .issue(officer, sessionId, new Date(Date.now() - 898_000));
    const socket = open(accessToken);
    await within(socket.connected, 5_000, 'connection_ack');
    socket.subscribeToUnitEvents();

    const closed = await within(socket.closed, 10_000, 'the close');
    expect(closed.code).toBe(4401);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime() - 50);
  }, 20_000);

  it('closes the connection with 4403 once its token is revoked by logout', async () => {
    const { session } = await signInNew();
    const socket = open(session.accessToken);
    await within(socket.connected, 5_000, 'connection_ack');
    socket.subscribeToUnitEvents();

    const logout = await graphqlRequest(
      gateway.graphqlUrl,
      'mutation { logout }',
      {},
      {
        token: session.accessToken,
      },
    );
    expect(errorCode(logout)).toBeUndefined();
    const closed = await within(socket.closed, 5_000, 'the close');
    expect(closed).toEqual({ code: 4403, reason: 'Session revoked' });
  }, 20_000);

  it('refuses to open a connection with a revoked token', async () => {
    const { session } = await signInNew();
    await graphqlRequest(
      gateway.graphqlUrl,
      'mutation { logout }',
      {},
      {
        token: session.accessToken,
      },
    );
    const closed = await within(open(session.accessToken).closed, 5_000, 'the refusal');
    expect(closed.code).toBe(4403);
  });

  it('closes at once, without waiting for the periodic check, when the revocation commits', async () => {
    // A second gateway whose periodic check would come only after a minute: the close must come
    // from the PostgreSQL notice of the logout, even though the logout goes through the first.
    const slow = await listenSessionGateway({ WS_SESSION_CHECK_MS: '60000' });
    try {
      const { session } = await signInNew();
      const socket = openGraphqlSocket(slow.websocketUrl, session.accessToken);
      sockets.push(socket);
      await within(socket.connected, 5_000, 'connection_ack');
      socket.subscribeToUnitEvents();
      // LISTEN starts with the first connection; give it a moment to be in place.
      await new Promise((resolve) => setTimeout(resolve, 300));

      const started = Date.now();
      await graphqlRequest(
        gateway.graphqlUrl,
        'mutation { logout }',
        {},
        {
          token: session.accessToken,
        },
      );
      const closed = await within(socket.closed, 5_000, 'the close');
      expect(closed.code).toBe(4403);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await slow.app.close();
    }
  }, 20_000);

  it('leaves a connection with a valid token open', async () => {
    const { session } = await signInNew();
    const socket = open(session.accessToken);
    await within(socket.connected, 5_000, 'connection_ack');
    socket.subscribeToUnitEvents();
    const outcome = await Promise.race([
      socket.closed.then((event) => `closed ${event.code}`),
      new Promise((resolve) => setTimeout(() => resolve('open'), 1_500)),
    ]);
    expect(outcome).toBe('open');
    expect(socket.errors).toEqual([]);
  });
});
