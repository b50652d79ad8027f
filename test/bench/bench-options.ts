/** Bench knobs: `--name=value` flags, else BENCH_* environment variables, else defaults. */
export interface BenchOptions {
  /** Desk officers that send (1–8, in demo-cast order). */
  senders: number;
  /** Concurrent send loops per sender, each on a case of its own. */
  loopsPerSender: number;
  /** Length of each closed-loop window, seconds. */
  durationSeconds: number;
  /** Length of the open-loop window, seconds. */
  openDurationSeconds: number;
  /** Length of each raw baseline window, seconds. */
  baselineSeconds: number;
  /** Open-loop arrival rate, referrals/s; 0 = half the closed-on-send run's delivered rate. */
  rate: number;
  /** Which Simpul runs: all three and the alert fan-out (default), or one of them. */
  mode: BenchMode;
  /** Alerts raised one after another in the alert fan-out run (each to 100 units). */
  fanoutAlerts: number;
}

/**
 * closed-on-delivery: each loop waits for its referral's DELIVERED event before the next send.
 * closed-on-send: each loop waits only for its sendReferral answer (senders do not wait for
 * delivery), so deliveries must keep pace or a backlog grows.
 * open: sends start at a fixed rate whatever happens to earlier ones (latency at a given load).
 */
export const BENCH_MODES = ['closed-on-delivery', 'closed-on-send', 'open'] as const;
export type SimpulMode = (typeof BENCH_MODES)[number];
/** One alert to 100 units, until every unit has it delivered, beside BullMQ's addBulk of 100. */
export const ALERT_FANOUT = 'alert-fanout';
export type BenchMode = SimpulMode | typeof ALERT_FANOUT | 'all';

const DEFAULTS: BenchOptions = {
  senders: 8,
  loopsPerSender: 2,
  durationSeconds: 15,
  openDurationSeconds: 10,
  baselineSeconds: 6,
  rate: 0,
  mode: 'all',
  fanoutAlerts: 30,
};

type NumericOption = Exclude<keyof BenchOptions, 'mode'>;

const NUMERIC: Record<NumericOption, { flag: string; env: string; min: number; max: number }> = {
  senders: { flag: 'senders', env: 'BENCH_SENDERS', min: 1, max: 8 },
  loopsPerSender: { flag: 'loops', env: 'BENCH_LOOPS', min: 1, max: 32 },
  durationSeconds: { flag: 'duration', env: 'BENCH_DURATION_S', min: 1, max: 3600 },
  openDurationSeconds: { flag: 'open-duration', env: 'BENCH_OPEN_DURATION_S', min: 1, max: 3600 },
  baselineSeconds: { flag: 'baseline-duration', env: 'BENCH_BASELINE_S', min: 1, max: 600 },
  rate: { flag: 'rate', env: 'BENCH_RATE', min: 0, max: 10_000 },
  fanoutAlerts: { flag: 'fanout-alerts', env: 'BENCH_FANOUT_ALERTS', min: 1, max: 1000 },
};

export const USAGE = `usage: npm run bench -- [--mode=all|${BENCH_MODES.join('|')}|${ALERT_FANOUT}] [--senders=1..8] [--loops=N]
       [--duration=S] [--open-duration=S] [--rate=N] [--baseline-duration=S] [--fanout-alerts=N]
  (or BENCH_MODE, BENCH_SENDERS, BENCH_LOOPS, BENCH_DURATION_S, BENCH_OPEN_DURATION_S, BENCH_RATE,
   BENCH_BASELINE_S, BENCH_FANOUT_ALERTS); --rate=0 (default): half of what closed-on-send delivered per second`;

function parseFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    if (!arg.startsWith('--')) throw new Error(`unexpected argument '${arg}'\n${USAGE}`);
    const [name, value = ''] = arg.slice(2).split('=');
    const known = name === 'mode' || Object.values(NUMERIC).some((spec) => spec.flag === name);
    if (!known) throw new Error(`unknown flag --${name}\n${USAGE}`);
    flags.set(name, value);
  }
  return flags;
}

export function readBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = parseFlags(argv);
  const options = { ...DEFAULTS };
  for (const key of Object.keys(NUMERIC) as NumericOption[]) {
    const spec = NUMERIC[key];
    const raw = flags.get(spec.flag) ?? env[spec.env];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
      throw new Error(
        `--${spec.flag} must be a whole number from ${spec.min} to ${spec.max}\n${USAGE}`,
      );
    }
    options[key] = value;
  }
  const mode = flags.get('mode') ?? env.BENCH_MODE;
  if (mode) {
    if (
      mode !== 'all' &&
      mode !== ALERT_FANOUT &&
      !(BENCH_MODES as readonly string[]).includes(mode)
    )
      throw new Error(`--mode must be all, ${BENCH_MODES.join(', ')}, ${ALERT_FANOUT}\n${USAGE}`);
    options.mode = mode as BenchMode;
  }
  if (options.mode === 'open' && options.rate === 0)
    throw new Error(`--mode=open alone needs --rate (referrals/s)\n${USAGE}`);
  return options;
}
