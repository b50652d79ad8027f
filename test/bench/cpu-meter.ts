import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * CPU accounting for the report: how busy the whole machine was during a window (os.cpus, every
 * platform), and how much CPU given processes used (/proc/<pid>/stat, Linux only; else NaN). A
 * name may stand for several processes (the bench database's backends); their CPU is summed.
 */
export interface CpuReading {
  busy: number;
  total: number;
  processes: Map<string, number>;
  at: number;
}

function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const sum = times.user + times.nice + times.sys + times.irq + times.idle;
    total += sum;
    busy += sum - times.idle;
  }
  return { busy, total };
}

/** CPU seconds (user + system) a process has used so far, or NaN off Linux / once it exited. */
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export function readCpu(pids: Record<string, number | number[]> = {}): CpuReading {
  // A group is read per process (`postgres:1234`) and summed in describeCpu over the processes
  // alive at both readings: a pool may close an idle connection during the window.
  const processes = new Map(
    Object.entries(pids).flatMap(([name, pid]) =>
      Array.isArray(pid)
        ? pid.map((one): [string, number] => [`${name}:${one}`, processCpuSeconds(one)])
        : [[name, processCpuSeconds(pid)] as [string, number]],
    ),
  );
  processes.set('bench', process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6);
  return { ...machineTimes(), processes, at: performance.now() };
}

/** CPU seconds each named process (group) used between two readings; NaN where unknown. */
export function cpuUsed(start: CpuReading, end: CpuReading): Map<string, number> {
  const used = new Map<string, number>();
  for (const [key, seconds] of end.processes) {
    const delta = seconds - (start.processes.get(key) ?? Number.NaN);
    const name = key.split(':')[0];
    if (Number.isFinite(delta)) used.set(name, (used.get(name) ?? 0) + delta);
    else if (!key.includes(':')) used.set(name, Number.NaN);
  }
  return used;
}

/** Percentage of the whole machine (all cores) busy between two readings. */
export const machineBusy = (start: CpuReading, end: CpuReading) =>
  (100 * (end.busy - start.busy)) / (end.total - start.total);

/**
 * "machine 97% busy (2 cores), 9% by the rest; CPU per op: gateway 6.1 ms, worker 3.0 ms, …". The
 * rest is what the named processes did not use: on a shared machine, mostly other people's work
 * (also Redis and PostgreSQL's own background processes). Shown when the named processes include
 * more than the bench itself.
 */
export function describeCpu(start: CpuReading, end: CpuReading, ops: number): string {
  const total = end.total - start.total;
  const busy = machineBusy(start, end);
  const used = cpuUsed(start, end);
  const perOp = [...used]
    .map(([name, seconds]) => [name, (seconds * 1000) / ops] as const)
    .filter(([, ms]) => Number.isFinite(ms))
    .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`)
    .join(', ');
  const named = [...used.values()].reduce((sum, seconds) => sum + seconds, 0);
  // os.cpus() counts milliseconds, summed over the cores.
  const rest = busy - (100 * named * 1000) / total;
  const restNote =
    used.size > 1 && Number.isFinite(rest) ? `, ${rest.toFixed(0)}% by the rest` : '';
  return `machine ${busy.toFixed(0)}% busy (${cpus().length} cores)${restNote}${perOp ? `; CPU per op: ${perOp}` : ''}`;
}
