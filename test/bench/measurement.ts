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

/** The report table: throughput, latency, and Simpul's throughput as a fraction of each baseline. */
export function formatTable(simpul: Measurement, baselines: Measurement[]): string {
  const header = ['path', 'ops', 'errors', 'ops/s', 'p50 ms', 'p99 ms', 'Simpul ÷ this'];
  const rows = [simpul, ...baselines].map((m) => [
    m.label,
    String(m.count),
    String(m.errors),
    fixed(throughputOf(m), 0),
    fixed(percentile(m.latenciesMs, 50), 1),
    fixed(percentile(m.latenciesMs, 99), 1),
    m === simpul ? '1' : `${fixed(throughputOf(simpul) / throughputOf(m), 2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
