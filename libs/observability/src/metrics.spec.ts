import { mayReadMetrics, metricsRegistry } from './metrics';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';

describe('/metrics access', () => {
  it('wants the token when one is configured, from anywhere', () => {
    expect(mayReadMetrics(TOKEN, { authorization: `Bearer ${TOKEN}` }, '203.0.113.9')).toBe(true);
    expect(mayReadMetrics(TOKEN, { authorization: `Bearer ${TOKEN}x` }, '127.0.0.1')).toBe(false);
    expect(mayReadMetrics(TOKEN, {}, '127.0.0.1')).toBe(false);
    expect(
      mayReadMetrics(
        TOKEN,
        { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.9' },
        '127.0.0.1',
      ),
    ).toBe(true);
  });

  it('answers only the same host without a token', () => {
    expect(mayReadMetrics(null, {}, '127.0.0.1')).toBe(true);
    expect(mayReadMetrics(null, {}, '::ffff:127.0.0.1')).toBe(true);
    expect(mayReadMetrics(null, {}, '::1')).toBe(true);
    expect(mayReadMetrics(null, {}, '10.0.0.7')).toBe(false);
    expect(mayReadMetrics(null, { authorization: 'Bearer anything' }, '10.0.0.7')).toBe(false);
  });

  it('does not take a request a reverse proxy on the same host relayed for the same host', () => {
    // nginx on the hub's host connects from 127.0.0.1 for anyone on the internet.
    expect(mayReadMetrics(null, { 'x-forwarded-for': '203.0.113.9' }, '127.0.0.1')).toBe(false);
    expect(mayReadMetrics(null, { forwarded: 'for=203.0.113.9' }, '127.0.0.1')).toBe(false);
    expect(mayReadMetrics(null, { 'x-real-ip': '203.0.113.9' }, '::1')).toBe(false);
  });

  it('names every metric the Grafana dashboard uses', async () => {
    const names = (await metricsRegistry.getMetricsAsJSON()).map((metric) => metric.name);
    for (const name of [
      'simpul_http_request_duration_seconds',
      'simpul_graphql_operation_duration_seconds',
      'simpul_job_duration_seconds',
      'simpul_job_latency_seconds',
      'simpul_queue_jobs',
      'simpul_deliveries_total',
      'simpul_escalations_total',
      'simpul_webhook_attempts_total',
      'simpul_outbox_parked',
    ]) {
      expect(names).toContain(name);
    }
  });
});

describe('the Grafana dashboard', () => {
  it('charts every metric this registry defines, and only those', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dashboard = readFileSync(
      join(process.cwd(), 'docker/grafana/simpul-dashboard.json'),
      'utf8',
    );
    const used = new Set(
      [...dashboard.matchAll(/simpul_[a-z_]+/g)]
        .map(([name]) => name.replace(/_(bucket|count|sum)$/, ''))
        .filter((name) => name !== 'simpul_prometheus' && name !== 'simpul_overview'),
    );
    const defined = new Set((await metricsRegistry.getMetricsAsJSON()).map((m) => m.name));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
    // A metric of Simpul's own added without a panel is one an operator never sees (prom-client's
    // process and Node.js defaults are left to Grafana's stock dashboards).
    const ours = [...defined].filter((name) => !/^simpul_(process|nodejs)_/.test(name));
    expect(ours.filter((name) => !used.has(name))).toEqual([]);
  });
});
