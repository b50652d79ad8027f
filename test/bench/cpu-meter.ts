import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * CPU accounting for the report: how busy the whole machine was during a window (os.cpus, every
 * platform), and how much CPU given processes used (/proc/<pid>/stat, Linux only; else NaN).
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

export function readCpu(pids: Record<string, number> = {}): CpuReading {
  const processes = new Map(
    Object.entries(pids).map(([name, pid]) => [name, processCpuSeconds(pid)]),
  );
  processes.set('bench', process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6);
  return { ...machineTimes(), processes, at: performance.now() };
}

/** "machine 97% busy; gateway 6.1 ms, worker 3.0 ms, bench 1.2 ms CPU per op" */
export function describeCpu(start: CpuReading, end: CpuReading, ops: number): string {
  const busy = (100 * (end.busy - start.busy)) / (end.total - start.total);
  const perOp = [...end.processes]
    .map(([name, seconds]) => {
      const ms = ((seconds - (start.processes.get(name) ?? Number.NaN)) * 1000) / ops;
      return Number.isFinite(ms) ? `${name} ${ms.toFixed(1)} ms` : undefined;
    })
    .filter(Boolean)
    .join(', ');
  return `machine ${busy.toFixed(0)}% busy (${cpus().length} cores)${perOp ? `; CPU per op: ${perOp}` : ''}`;
}
