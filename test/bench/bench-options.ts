/** Bench knobs: `--name=value` flags, else BENCH_* environment variables, else defaults. */
export interface BenchOptions {
  /** Desk officers that send (1–8, in demo-cast order). */
  senders: number;
  /** Concurrent send loops per sender, each on a case of its own. */
  loopsPerSender: number;
  /** Length of the measured Simpul window, seconds. */
  durationSeconds: number;
  /** Length of each raw baseline window, seconds. */
  baselineSeconds: number;
  /** closed: a loop waits for DELIVERED before its next send (default); open: it does not. */
  mode: 'closed' | 'open';
}

const DEFAULTS: BenchOptions = {
  senders: 8,
  loopsPerSender: 2,
  durationSeconds: 30,
  baselineSeconds: 6,
  mode: 'closed',
};

type NumericOption = Exclude<keyof BenchOptions, 'mode'>;

const NUMERIC: Record<NumericOption, { flag: string; env: string; min: number; max: number }> = {
  senders: { flag: 'senders', env: 'BENCH_SENDERS', min: 1, max: 8 },
  loopsPerSender: { flag: 'loops', env: 'BENCH_LOOPS', min: 1, max: 32 },
  durationSeconds: { flag: 'duration', env: 'BENCH_DURATION_S', min: 1, max: 3600 },
  baselineSeconds: { flag: 'baseline-duration', env: 'BENCH_BASELINE_S', min: 1, max: 600 },
};

export const USAGE = `usage: npm run bench -- [--senders=1..8] [--loops=N] [--duration=S] [--baseline-duration=S] [--mode=closed|open]
  (or BENCH_SENDERS, BENCH_LOOPS, BENCH_DURATION_S, BENCH_BASELINE_S, BENCH_MODE)`;

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
    if (mode !== 'closed' && mode !== 'open')
      throw new Error(`--mode must be closed or open\n${USAGE}`);
    options.mode = mode;
  }
  return options;
}
