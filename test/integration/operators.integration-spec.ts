import type { INestApplicationContext } from '@nestjs/common';
import { bootWorker } from '../support/boot-in-process';
import { findFreePort } from '../support/find-free-port';
import { dataOf, graphqlRequest, signIn } from '../support/graphql-http';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';
import { waitForCondition } from '../support/wait-for-condition';

const METRICS_TOKEN = 'metrics-token-for-the-operators-test-0123456789';

/**
 * Operators: /metrics behind METRICS_TOKEN on gateway and worker, with the names the Grafana
 * dashboard reads; Bull Board for ADMIN only, through the cookie the access token is exchanged for.
 */
describe('operators: metrics and Bull Board', () => {
  let gateway: RunningGateway;
  let worker: INestApplicationContext;
  let workerPort: number;

  beforeAll(async () => {
    workerPort = await findFreePort();
    const env = {
      METRICS_TOKEN,
      WORKER_METRICS_PORT: String(workerPort),
      OUTBOX_SWEEP_MS: '200',
    };
    gateway = await startHardenedGateway(env);
    worker = await bootWorker(env);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await gateway?.close();
  });

  const metrics = (base: string, token?: string) =>
    fetch(`${base}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('serves the gateway metrics to the token only', async () => {
    dataOf(await graphqlRequest(gateway.graphqlUrl, '{ __typename }'));
    expect((await metrics(gateway.baseUrl)).status).toBe(404);
    expect((await metrics(gateway.baseUrl, `${METRICS_TOKEN}x`)).status).toBe(404);
    const response = await metrics(gateway.baseUrl, METRICS_TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(
      /simpul_http_request_duration_seconds_count\{method="POST",route="\/graphql",status_code="200"\} \d+/,
    );
    expect(text).toMatch(
      /simpul_graphql_operation_duration_seconds_count\{operation_type="query",root_field="__typename",outcome="ok"\} \d+/,
    );
    for (const queue of ['delivery', 'events', 'notifications', 'webhooks']) {
      expect(text).toContain(`simpul_queue_jobs{queue="${queue}",state="waiting"}`);
    }
    expect(text).toContain('simpul_process_cpu_seconds_total');
  });

  it("serves the worker's job and delivery metrics on its own port", async () => {
    const base = `http://127.0.0.1:${workerPort}`;
    const sender = await demoActor(gateway.app, 'kbri.phnompenh');
    await openCaseAndSend(gateway.app, sender, 'KEMLU-PWNI');
    expect((await metrics(base)).status).toBe(404);
    let text = '';
    await waitForCondition('a delivery counted by the worker', async () => {
      text = await (await metrics(base, METRICS_TOKEN)).text();
      return /simpul_deliveries_total\{kind="referral"\} [1-9]/.test(text);
    });
    expect(text).toMatch(
      /simpul_job_duration_seconds_count\{queue="delivery",job="deliver-referral",outcome="ok"\} [1-9]/,
    );
    expect(text).toMatch(
      /simpul_job_latency_seconds_count\{queue="notifications",job="notify-handoff-events"\} [1-9]/,
    );
    expect(
      (await fetch(`${base}/other`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }))
        .status,
    ).toBe(404);
  });

  it('lets only an ADMIN into Bull Board: anonymous 401, others 403, ADMIN 200', async () => {
    const board = `${gateway.baseUrl}/operators/queues`;
    const session = `${gateway.baseUrl}/operators/session`;
    expect((await fetch(board)).status).toBe(401);
    expect((await fetch(`${board}/api/queues`)).status).toBe(401);
    expect((await fetch(session, { method: 'POST' })).status).toBe(401);
    expect(
      (await fetch(session, { method: 'POST', headers: { authorization: 'Bearer not-a-token' } }))
        .status,
    ).toBe(401);

    const officer = (await signIn(gateway.graphqlUrl, 'polda.ntt')).accessToken;
    const auditor = (await signIn(gateway.graphqlUrl, 'auditor')).accessToken;
    for (const token of [officer, auditor]) {
      expect(
        (await fetch(session, { method: 'POST', headers: { authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(403);
      expect((await fetch(board, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
        403,
      );
    }

    const admin = (await signIn(gateway.graphqlUrl, 'admin')).accessToken;
    const exchanged = await fetch(session, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(exchanged.status).toBe(204);
    const setCookie = exchanged.headers.get('set-cookie')!;
    expect(setCookie).toMatch(
      /^simpul_operator=[^;]+; Path=\/operators; Max-Age=600; HttpOnly; SameSite=Strict/,
    );
    const cookie = setCookie.split(';', 1)[0];

    const page = await fetch(board, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Simpul queues');
    const api = await fetch(`${board}/api/queues`, { headers: { cookie } });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(names).toEqual(
      expect.arrayContaining(['delivery', 'events', 'notifications', 'webhooks']),
    );
    // A tampered cookie is no credential; the cookie goes nowhere but /operators.
    const tampered = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(board, { headers: { cookie: tampered } })).status).toBe(401);
    expect(
      (
        await graphqlRequest(
          gateway.graphqlUrl,
          '{ parkedOutboxRows { id } }',
          {},
          { headers: { cookie } },
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect((await fetch(board, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(
      200,
    );
  });
});
