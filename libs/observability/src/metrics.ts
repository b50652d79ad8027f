import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics (prom-client), one registry per process: the gateway serves it
 * on GET /metrics, the worker on its own port (WORKER_METRICS_PORT). Names and labels are the
 * contract of docker/grafana/simpul-dashboard.json. Labels carry codes only — queue and job names,
 * ledger actions, route patterns, GraphQL root fields — never an id, a path with an id in it, or
 * anything a client chose freely.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'simpul_' });

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpRequestDuration = new Histogram({
  name: 'simpul_http_request_duration_seconds',
  help: 'HTTP requests served by the gateway, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const graphqlOperationDuration = new Histogram({
  name: 'simpul_graphql_operation_duration_seconds',
  help: 'GraphQL operations, by operation type, first root field and outcome (ok or error)',
  labelNames: ['operation_type', 'root_field', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const jobDuration = new Histogram({
  name: 'simpul_job_duration_seconds',
  help: 'BullMQ jobs run by this worker: time in the handler, by queue, job name and outcome',
  labelNames: ['queue', 'job', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const jobLatency = new Histogram({
  name: 'simpul_job_latency_seconds',
  help: 'BullMQ jobs: from when the job was due (added, plus its delay) until a worker took it',
  labelNames: ['queue', 'job'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const queueJobs = new Gauge({
  name: 'simpul_queue_jobs',
  help: 'BullMQ jobs per queue and state (waiting, active, delayed, failed, completed), read on scrape',
  labelNames: ['queue', 'state'] as const,
  registers: [metricsRegistry],
});

export const ledgerEvents = new Counter({
  name: 'simpul_ledger_events_total',
  help: 'Sealed ledger entries seen by the notification job, by action (deliveries: *_DELIVERED, escalations: *_ESCALATED); at least once',
  labelNames: ['action'] as const,
  registers: [metricsRegistry],
});

export const escalations = new Counter({
  name: 'simpul_escalations_total',
  help: 'Escalations written to the ledger, by kind (referral, alert) and level; at least once',
  labelNames: ['kind', 'level'] as const,
  registers: [metricsRegistry],
});

export const deliveries = new Counter({
  name: 'simpul_deliveries_total',
  help: 'Referrals and alerts delivered to a receiving unit, by kind; at least once',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

export const notificationsWritten = new Counter({
  name: 'simpul_notifications_total',
  help: 'In-app notifications written, by ledger action',
  labelNames: ['action'] as const,
  registers: [metricsRegistry],
});

export const emailsSent = new Counter({
  name: 'simpul_emails_total',
  help: 'Notification emails, by outcome (sent or failed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const webhookAttempts = new Counter({
  name: 'simpul_webhook_attempts_total',
  help: 'Webhook delivery attempts, by outcome (delivered or failed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const outboxParked = new Gauge({
  name: 'simpul_outbox_parked',
  help: 'Outbox rows parked for an ADMIN, by job name (deliver-webhook: webhook deliveries that ran out of retries), read on scrape',
  labelNames: ['job'] as const,
  registers: [metricsRegistry],
});

export const deadlineHolidayDataGaps = new Counter({
  name: 'simpul_deadline_holiday_data_gaps_total',
  help: 'Deadline computations that counted days of a year without official holiday data, by year and coverage (provisional: its SKB not in yet; none: no holiday file, weekends only)',
  labelNames: ['year', 'coverage'] as const,
  registers: [metricsRegistry],
});

/** The request headers /metrics looks at (Node's and Fastify's `request.headers`). */
export interface MetricsRequestHeaders {
  authorization?: string;
  forwarded?: string;
  'x-forwarded-for'?: string | string[];
  'x-real-ip'?: string | string[];
}

/**
 * Who may read /metrics: with METRICS_TOKEN, whoever sends `Authorization: Bearer <token>`;
 * without it, only a client on the same host — the socket's address, never X-Forwarded-For, and
 * not a request a proxy relayed: a reverse proxy on the hub's host connects from loopback on
 * behalf of anyone on the internet, and says so with Forwarded, X-Forwarded-For or X-Real-IP.
 */
export function mayReadMetrics(
  token: string | null,
  headers: MetricsRequestHeaders,
  socketAddress: string | undefined,
): boolean {
  if (token !== null) {
    const given = Buffer.from(/^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  const relayed = [headers.forwarded, headers['x-forwarded-for'], headers['x-real-ip']].some(
    (value) => value !== undefined,
  );
  if (relayed) return false;
  const address = (socketAddress ?? '').replace(/^::ffff:/, '');
  return address === '::1' || /^127\./.test(address);
}
