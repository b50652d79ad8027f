import { cpus } from 'node:os';
import { startAppProcesses, type AppProcesses } from '../support/start-app-processes';
import {
  ALERT_FANOUT,
  BENCH_MODES,
  readBenchOptions,
  type BenchOptions,
  type SimpulMode,
} from './bench-options';
import {
  formatFanout,
  measureAlertFanout,
  measureBullmqFanout,
  type FanoutResult,
} from './measure-alert-fanout';
import { measureBullmqBaseline } from './measure-bullmq-baseline';
import { runLedgerVerificationBench } from './ledger-verification.bench';
import { measurePostgresBaseline } from './measure-postgres-baseline';
import { SimpulBench, type SimpulRunResult } from './measure-simpul-throughput';
import { formatBaselines, formatRuns, formatTargets, type Measurement } from './measurement';
import { prepareBenchEnvironment, type BenchEnvironment } from './prepare-bench-environment';

/**
 * `npm run bench`: referrals sent through the built gateway and worker until their DELIVERED
 * event arrives — closed on delivery, closed on send (senders never wait for delivery), and an
 * open loop at half the rate closed-on-send delivered — against raw baselines of the same shape
 * (a PostgreSQL transaction, a BullMQ add + process) at the same concurrency, in the same run;
 * then one alert at a time to 100 units until every unit has it delivered, beside BullMQ's raw
 * addBulk → process of 100 jobs (`--mode=alert-fanout` runs that alone).
 * Run from the repository root.
 */
const say = (line: string) => console.log(`[bench] ${line}`);

async function measureBaselines(
  bench: BenchEnvironment,
  options: BenchOptions,
  concurrency: number,
): Promise<Measurement[]> {
  const ms = options.baselineSeconds * 1000;
  say(`raw PostgreSQL transaction, ${options.baselineSeconds} s`);
  const pgRaw = await measurePostgresBaseline(bench.databaseUrl, concurrency, ms, false);
  say(`raw PostgreSQL transaction with a chain-head lock, ${options.baselineSeconds} s`);
  const pgLocked = await measurePostgresBaseline(bench.databaseUrl, concurrency, ms, true);
  say(`BullMQ add + process, ${options.baselineSeconds} s`);
  const bullmq = await measureBullmqBaseline(bench.redisUrl, bench.redisPrefix, concurrency, ms);
  return [pgRaw, pgLocked, bullmq];
}

async function measureSimpul(
  apps: AppProcesses,
  bench: BenchEnvironment,
  options: BenchOptions,
): Promise<SimpulRunResult[]> {
  if (options.mode === ALERT_FANOUT) return [];
  const modes: SimpulMode[] = options.mode === 'all' ? [...BENCH_MODES] : [options.mode];
  const simpul = await SimpulBench.start(
    apps,
    bench.databaseUrl,
    options.senders,
    options.loopsPerSender,
  );
  const results: SimpulRunResult[] = [];
  try {
    for (const mode of modes) {
      let rate = 0;
      if (mode === 'open') {
        const onSend = results.find((r) => r.mode === 'closed-on-send');
        rate =
          options.rate || Math.max(1, Math.round(onSend!.deliveredInWindow / onSend!.seconds / 2));
      }
      const seconds = mode === 'open' ? options.openDurationSeconds : options.durationSeconds;
      say(
        `Simpul ${mode}: ${options.senders} senders × ${options.loopsPerSender} loops, ${seconds} s` +
          (mode === 'open' ? `, ${rate} referrals/s` : ''),
      );
      results.push(await simpul.run(mode, seconds * 1000, rate));
    }
  } finally {
    await simpul.close();
  }
  return results;
}

function printReport(
  runs: SimpulRunResult[],
  baselines: Measurement[],
  concurrency: number,
  fanout: FanoutResult[],
) {
  if (fanout.length) console.log(`\n${formatFanout(fanout)}`);
  if (!runs.length) return;
  console.log(
    `\n${new Date().toISOString()}  node ${process.version}  ${cpus().length} cores  concurrency ${concurrency}\n`,
  );
  console.log(formatRuns(runs, baselines[0]));
  console.log('');
  console.log(formatBaselines(baselines));
  console.log('');
  for (const run of runs) {
    console.log(
      `${run.mode}: sent_at → delivered_at as PostgreSQL recorded it p50 ${run.recorded.p50.toFixed(1)} ms, ` +
        `p99 ${run.recorded.p99.toFixed(1)} ms; last delivery ${run.drainSeconds.toFixed(1)} s after the window; ` +
        `machine ${run.machineBusyPercent.toFixed(0)}% busy; ${run.backends}` +
        (run.failedSends || run.undelivered
          ? `; ${run.failedSends} sends failed, ${run.undelivered} never delivered`
          : ''),
    );
  }
  for (const m of baselines) console.log(`${m.label}: ${m.cpu}`);
  console.log(`\n${formatTargets(runs, baselines[0])}`);
}

async function main(): Promise<void> {
  // The ledger verification bench needs no services and none of the referral bench's flags.
  const args = process.argv.slice(2);
  if (args.includes('--mode=ledger-verify') || process.env.BENCH_MODE === 'ledger-verify') {
    const entries = /^--entries=(\d+)$/.exec(args.find((a) => a.startsWith('--entries=')) ?? '');
    runLedgerVerificationBench(entries ? Number(entries[1]) : 1_000_000);
    return;
  }
  const options = readBenchOptions(args, process.env);
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
    const fanoutToo = options.mode === 'all' || options.mode === ALERT_FANOUT;
    // Baselines first, while no app process competes for the cores.
    const baselines =
      options.mode === ALERT_FANOUT ? [] : await measureBaselines(bench, options, concurrency);
    const fanout: FanoutResult[] = [];
    if (fanoutToo) {
      say(`BullMQ addBulk of 100 jobs → all processed, ${options.fanoutAlerts} rounds`);
      fanout.push(
        await measureBullmqFanout(bench.redisUrl, bench.redisPrefix, options.fanoutAlerts),
      );
    }
    say('starting the built gateway and worker');
    // Generous: on a busy machine the first boot can take minutes.
    apps = await startAppProcesses({
      env: bench.appEnv,
      root: process.cwd(),
      readyTimeoutMs: 300_000,
    });
    let runs: SimpulRunResult[];
    try {
      runs = await measureSimpul(apps, bench, options);
      if (fanoutToo) {
        say(`Simpul alert fan-out: ${options.fanoutAlerts} alerts, each to 100 units`);
        fanout.unshift(
          ...(await measureAlertFanout(apps.graphqlUrl, bench.databaseUrl, options.fanoutAlerts)),
        );
      }
    } catch (error) {
      console.error(apps.output());
      throw error;
    }
    printReport(runs, baselines, concurrency, fanout);
  } finally {
    await stopEverything();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
