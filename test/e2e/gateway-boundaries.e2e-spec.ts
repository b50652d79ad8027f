import { WebSocket } from 'ws';
import { errorCodeOf, postGraphql } from '../support/graphql-client';
import { loginAs, type Session } from '../support/login-as';
import { startAppProcesses, appStep, type AppProcesses } from '../support/start-app-processes';

/** What the gateway refuses, and how a client sees each refusal (built apps, real HTTP/WebSocket). */

/** Opens a graphql-ws socket, sends connection_init with `payload`, resolves with the close code. */
function closeCodeOfConnection(url: string, payload?: Record<string, unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('the gateway neither acknowledged nor closed the connection within 5 s'));
    }, 5_000);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { type: string };
      if (message.type === 'connection_ack') socket.close(1000);
    });
    socket.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    socket.on('error', () => undefined);
  });
}

describe('gateway boundaries', () => {
  let apps: AppProcesses | undefined;
  let officer: Session;
  const check = appStep(() => apps);

  beforeAll(async () => {
    apps = await startAppProcesses();
    officer = await loginAs(apps.graphqlUrl, 'kbri.phnompenh');
  }, 90_000);

  afterAll(async () => {
    await apps?.stop();
  }, 30_000);

  check('a query without a token is UNAUTHENTICATED', async () => {
    const response = await postGraphql(apps!.graphqlUrl, 'query { me { username } }');
    expect(errorCodeOf(response)).toBe('UNAUTHENTICATED');
  });

  check('a query with a forged token is UNAUTHENTICATED', async () => {
    const response = await postGraphql(apps!.graphqlUrl, 'query { me { username } }', {}, 'x.y.z');
    expect(errorCodeOf(response)).toBe('UNAUTHENTICATED');
  });

  check('a WebSocket without a token is refused with close code 4403', async () => {
    expect(await closeCodeOfConnection(apps!.websocketUrl)).toBe(4403);
    expect(await closeCodeOfConnection(apps!.websocketUrl, { authorization: 'Bearer x.y.z' })).toBe(
      4403,
    );
  });

  check('a WebSocket with a token is acknowledged', async () => {
    const payload = { authorization: `Bearer ${officer.token}` };
    expect(await closeCodeOfConnection(apps!.websocketUrl, payload)).toBe(1000);
  });

  check('a request body over 1 MB is refused with HTTP 413', async () => {
    const response = await fetch(apps!.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer.token}` },
      body: JSON.stringify({ query: `query { me { username } } # ${'x'.repeat(1024 * 1024)}` }),
    });
    expect(response.status).toBe(413);
  });

  check('an empty case title is BAD_USER_INPUT naming input.title', async () => {
    const response = await officer.client.request(
      `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
      { input: { title: '', exploitationTypes: ['FORCED_LABOUR'] } },
    );
    expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('input.title');
  });
});
