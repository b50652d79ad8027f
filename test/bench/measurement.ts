import { describeCpu, readCpu } from './cpu-meter';

/** What one measured path produced, and the arithmetic of the report. */
export interface Measurement {
  label: string;
  /** Operations completed inside the window. */
  count: number;
  errors: number;
  seconds: number;
  /** Per-operation latencies in milliseconds (may include operations finished after the window). */
  latenciesMs: number[];
  /** A line of extra facts for the report, if any. */
  note?: string;
  /** Machine load and CPU per operation during the window (see cpu-meter). */
  cpu?: string;
}

export const throughputOf = (m: Measurement) => m.count / m.seconds;

export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs `concurrency` loops that each call `operation` back to back until `durationMs` has passed
 * (closed loop: one operation in flight per loop). Latency is the operation's own duration.
 */
export async function runClosedLoops(
  label: string,
  concurrency: number,
  durationMs: number,
  operation: (loop: number) => Promise<void>,
): Promise<Measurement> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: Error | undefined;
  const cpuAtStart = readCpu();
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await operation(loop);
          latenciesMs.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error : new Error(JSON.stringify(error));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = describeCpu(cpuAtStart, readCpu(), latenciesMs.length);
  if (firstError) console.error(`${label}: ${errors} error(s), first: ${firstError.message}`);
  return { label, count: latenciesMs.length, errors, seconds, latenciesMs, cpu };
}

const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : '—';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** What the report needs of a Simpul run (measure-simpul-throughput's SimpulRunResult). */
export interface SimpulRunFigures {
  mode: string;
  seconds: number;
  rate?: number;
  sent: number;
  deliveredInWindow: number;
  backlogAtEnd: number;
  latenciesMs: number[];
  cpuMsPerReferral: Map<string, number>;
}

export const deliveredPerSecond = (run: SimpulRunFigures) => run.deliveredInWindow / run.seconds;
const sentPerSecond = (run: SimpulRunFigures) => run.sent / run.seconds;
/** The backlog at the end of the window, in seconds of sending at the run's send rate. */
export const backlogSeconds = (run: SimpulRunFigures) =>
  run.sent ? run.backlogAtEnd / sentPerSecond(run) : 0;
/** CPU per referral of gateway, worker and the database backends together. */
export const appCpuMs = (run: SimpulRunFigures) =>
  ['gateway', 'worker', 'postgres'].reduce(
    (sum, name) => sum + (run.cpuMsPerReferral.get(name) ?? Number.NaN),
    0,
  );

/** One row per Simpul run: throughput, backlog, latency, CPU, and delivered/s ÷ raw PG tx/s. */
export function formatRuns(runs: SimpulRunFigures[], rawPg: Measurement): string {
  const cpu = (run: SimpulRunFigures, name: string) =>
    fixed(run.cpuMsPerReferral.get(name) ?? NaN, 1);
  return table(
    [
      'Simpul run',
      'sent/s',
      'delivered/s in window',
      '÷ raw PG tx',
      'backlog at end',
      'p50 ms',
      'p99 ms',
      'CPU ms/referral: gateway + worker + PG = total',
      'bench',
    ],
    runs.map((run) => [
      run.rate ? `${run.mode} at ${run.rate}/s` : run.mode,
      fixed(sentPerSecond(run), 1),
      fixed(deliveredPerSecond(run), 1),
      `${fixed(deliveredPerSecond(run) / throughputOf(rawPg), 3)}×`,
      `${run.backlogAtEnd} (${fixed(backlogSeconds(run), 1)} s of sending)`,
      fixed(percentile(run.latenciesMs, 50), 0),
      fixed(percentile(run.latenciesMs, 99), 0),
      `${cpu(run, 'gateway')} + ${cpu(run, 'worker')} + ${cpu(run, 'postgres')} = ${fixed(appCpuMs(run), 1)}`,
      cpu(run, 'bench'),
    ]),
  );
}

/** The raw baselines of the same run. */
export function formatBaselines(baselines: Measurement[]): string {
  return table(
    ['raw baseline', 'ops', 'errors', 'ops/s', 'p50 ms', 'p99 ms'],
    baselines.map((m) => [
      m.label,
      String(m.count),
      String(m.errors),
      fixed(throughputOf(m), 0),
      fixed(percentile(m.latenciesMs, 50), 1),
      fixed(percentile(m.latenciesMs, 99), 1),
    ]),
  );
}

/** The targets, each with the figure of this run and whether it is met. */
export function formatTargets(runs: SimpulRunFigures[], rawPg: Measurement): string {
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const lines: string[] = [];
  const onSend = runs.find((r) => r.mode === 'closed-on-send');
  if (onSend) {
    const ratio = deliveredPerSecond(onSend) / throughputOf(rawPg);
    lines.push(
      `closed-on-send delivered/s ÷ raw PG tx ≥ 0.2: ${fixed(ratio, 3)}× — ${verdict(ratio >= 0.2)}`,
      `closed-on-send backlog at end < 1 s of sending: ${fixed(backlogSeconds(onSend), 2)} s — ${verdict(backlogSeconds(onSend) < 1)}`,
      `CPU per referral (gateway + worker + PG) ≤ 5 ms: ${fixed(appCpuMs(onSend), 1)} ms — ${verdict(appCpuMs(onSend) <= 5)}`,
    );
  }
  const open = runs.find((r) => r.mode === 'open');
  if (open) {
    const p99 = percentile(open.latenciesMs, 99);
    lines.push(
      `open loop at ${open.rate}/s: p99 send → DELIVERED ≤ 600 ms: ${fixed(p99, 0)} ms — ${verdict(p99 <= 600)}`,
    );
  }
  return lines.map((line) => `target: ${line}`).join('\n');
}
