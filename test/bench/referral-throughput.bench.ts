import { cpus } from 'node:os';
import { startAppProcesses, type AppProcesses } from '../support/start-app-processes';
import { readBenchOptions, type BenchOptions } from './bench-options';
import { measureBullmqBaseline } from './measure-bullmq-baseline';
import { measurePostgresBaseline } from './measure-postgres-baseline';
import { measureSimpulThroughput } from './measure-simpul-throughput';
import { formatTable, throughputOf, type Measurement } from './measurement';
import { prepareBenchEnvironment, type BenchEnvironment } from './prepare-bench-environment';

/**
 * `npm run bench`: referrals sent through the built gateway and worker until their DELIVERED
 * event arrives, against raw baselines of the same shape (a PostgreSQL transaction, a BullMQ
 * add + process) at the same concurrency, in the same run. Run from the repository root.
 */
const say = (line: string) => console.log(`[bench] ${line}`);

async function measureBaselines(
  bench: BenchEnvironment,
  options: BenchOptions,
  concurrency: number,
) {
  const ms = options.baselineSeconds * 1000;
  say(`raw PostgreSQL transaction, ${options.baselineSeconds} s`);
  const pgRaw = await measurePostgresBaseline(bench.databaseUrl, concurrency, ms, false);
  say(`raw PostgreSQL transaction with a chain-head lock, ${options.baselineSeconds} s`);
  const pgLocked = await measurePostgresBaseline(bench.databaseUrl, concurrency, ms, true);
  say(`BullMQ add + process, ${options.baselineSeconds} s`);
  const bullmq = await measureBullmqBaseline(bench.redisUrl, bench.redisPrefix, concurrency, ms);
  return [pgRaw, pgLocked, bullmq];
}

async function measureSimpul(apps: AppProcesses, bench: BenchEnvironment, options: BenchOptions) {
  say(
    `Simpul: ${options.senders} senders × ${options.loopsPerSender} loops, ${options.mode} loop, ${options.durationSeconds} s`,
  );
  try {
    return await measureSimpulThroughput(apps, bench.databaseUrl, {
      senders: options.senders,
      loopsPerSender: options.loopsPerSender,
      durationMs: options.durationSeconds * 1000,
      mode: options.mode,
    });
  } catch (error) {
    console.error(apps.output());
    throw error;
  }
}

function printReport(simpul: Measurement, baselines: Measurement[], concurrency: number): void {
  console.log(
    `\n${new Date().toISOString()}  node ${process.version}  ${cpus().length} cores  concurrency ${concurrency}`,
  );
  console.log(formatTable(simpul, baselines));
  console.log(`\nSimpul: ${simpul.note}`);
  for (const m of [simpul, ...baselines]) console.log(`${m.label}: ${m.cpu}`);
  console.log(
    `\nSimpul delivered ${throughputOf(simpul).toFixed(0)} referrals/s = ` +
      `${(throughputOf(simpul) / throughputOf(baselines[0])).toFixed(2)}× the raw PostgreSQL transaction.`,
  );
}

async function main(): Promise<void> {
  const options = readBenchOptions(process.argv.slice(2), process.env);
  const concurrency = options.senders * options.loopsPerSender;
  let bench: BenchEnvironment | undefined;
  let apps: AppProcesses | undefined;
  const stopEverything = async (graceMs = 10_000) => {
    await apps?.stop(graceMs);
    await bench?.cleanUp();
  };
  process.once('SIGINT', () => {
    say('interrupted: stopping the apps and dropping the bench database');
    // The send loops are still running: the apps get little time to drain before SIGKILL.
    void stopEverything(2_000).finally(() => process.exit(130));
  });
  try {
    bench = await prepareBenchEnvironment(process.cwd());
    say(
      `database simpul_bench_${bench.id}, Redis prefix ${bench.redisPrefix}, concurrency ${concurrency}`,
    );
    // Baselines first, while no app process competes for the cores.
    const baselines = await measureBaselines(bench, options, concurrency);
    say('starting the built gateway and worker');
    apps = await startAppProcesses({ env: bench.appEnv, root: process.cwd() });
    const simpul = await measureSimpul(apps, bench, options);
    printReport(simpul, baselines, concurrency);
  } finally {
    await stopEverything();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
