import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';
import { TcpProxy } from '../support/tcp-proxy';
import { waitForCondition } from '../support/wait-for-condition';

interface Answer {
  status: number;
  retryAfter: string | null;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];
  };
}

const INBOX = '{ inbox { totalCount } }';
const OPEN_CASE = `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
const LOGIN = `mutation($username: String!, $password: String!) {
  login(username: $username, password: $password) { accessToken } }`;
const PASSWORD = process.env.SIMPUL_DEMO_PASSWORD || 'simpul-demo';

/**
 * PostgreSQL restarting under load: requests answer SERVICE_UNAVAILABLE with retryAfterSeconds
 * (HTTP 503 and Retry-After when nothing was served), never INTERNAL_SERVER_ERROR, and everything
 * works again once it is back. The outage is a TCP proxy in front of the shared PostgreSQL that
 * the test cuts and restores; the shared server itself is never touched.
 */
describe('a PostgreSQL outage under load', () => {
  let proxy: TcpProxy;
  let gateway: RunningGateway;

  beforeAll(async () => {
    proxy = await TcpProxy.start(process.env.DATABASE_URL!);
    gateway = await startHardenedGateway({ DATABASE_URL: proxy.url });
  }, 60_000);

  afterAll(async () => {
    await proxy?.restore();
    await gateway?.close();
    await proxy?.close();
  });

  async function ask(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<Answer> {
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as Answer['body'],
    };
  }

  const login = async (username: string): Promise<string> => {
    const answer = await ask(LOGIN, { username, password: PASSWORD });
    const token = (answer.body.data?.login as { accessToken?: string } | undefined)?.accessToken;
    if (!token) throw new Error(`login failed: ${JSON.stringify(answer.body)}`);
    return token;
  };

  const openCaseInput = (i: number) => ({
    input: {
      title: `Kasus uji pemadaman basis data ${i}`,
      exploitationTypes: ['ONLINE_SCAM'],
      persons: [{ fullName: 'Korban Uji', sex: 'FEMALE' }],
    },
  });

  it('answers a retryable code while the database is away, and works again after', async () => {
    const token = await login('kbri.phnompenh');
    expect((await ask(INBOX, {}, token)).status).toBe(200);

    const answers: Answer[] = [];
    let running = true;
    let n = 0;
    const clients = Array.from({ length: 8 }, async (_, client) => {
      while (running) {
        const i = n++;
        const operation =
          client % 4 === 0
            ? ask(LOGIN, { username: 'kemlu.pwni', password: PASSWORD })
            : client % 4 === 1
              ? ask(OPEN_CASE, openCaseInput(i), token)
              : ask(INBOX, {}, token);
        answers.push(await operation);
      }
    });

    await new Promise((resolve) => setTimeout(resolve, 500));
    await proxy.cut();
    const cutAt = answers.length;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await proxy.restore();
    await new Promise((resolve) => setTimeout(resolve, 500));
    running = false;
    await Promise.all(clients);

    const codes = answers.flatMap((a) => (a.body.errors ?? []).map((e) => e.extensions?.code));
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    expect(new Set(codes.filter(Boolean))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    const unavailable = answers.slice(cutAt).filter((a) => a.body.errors?.length);
    expect(unavailable.length).toBeGreaterThan(0); // the fault did hit requests
    for (const answer of unavailable) {
      const [error] = answer.body.errors!;
      expect(error.message).toBe('Service temporarily unavailable; retry later');
      expect(error.extensions).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        retryAfterSeconds: expect.any(Number) as number,
      });
      expect(answer.retryAfter).toBe(String(error.extensions!.retryAfterSeconds));
      // Nothing of these operations could be served: HTTP 503.
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.status).toBe(503);
    }
    expect(JSON.stringify(unavailable)).not.toMatch(
      /SELECT|INSERT|ECONNREFUSED|127\.0\.0\.1|Korban/,
    );

    // Back: sign-in, reads and writes work again.
    await waitForCondition(
      'the gateway serving again',
      async () => (await ask(INBOX, {}, token)).status === 200,
      20_000,
      200,
    );
    expect(await login('kemlu.pwni')).toEqual(expect.any(String));
    const opened = await ask(OPEN_CASE, openCaseInput(-1), token);
    expect(opened.body.errors).toBeUndefined();
    expect((opened.body.data?.openCase as { id?: string } | undefined)?.id).toEqual(
      expect.any(String),
    );
  }, 60_000);
});
