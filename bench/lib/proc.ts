/**
 * Server-side cost from /proc, so nothing is added to the server under test:
 * CPU time (utime + stime of every thread of the process) and resident memory.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** Seconds of CPU the process has used so far (user + system, all threads). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 2 (comm) may contain spaces: fields after the last ')' start at field 3.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return (utime + stime) / ticksPerSecond();
}

/** Resident set size in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

/** CPU ticks used so far by each PostgreSQL process on this machine, by pid. */
export type PostgresCpu = Map<string, number>;

/**
 * Every PostgreSQL process's CPU so far (backends, WAL writer, checkpointer,
 * autovacuum), read from /proc; pass it to `postgresCpuSecondsSince`.
 */
export function postgresCpu(): PostgresCpu {
  const ticks: PostgresCpu = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (stat.slice(open + 1, close) !== 'postgres') continue;
    const rest = stat.slice(close + 2).split(' ');
    ticks.set(entry, Number(rest[11]) + Number(rest[12]));
  }
  return ticks;
}

/**
 * Seconds of CPU PostgreSQL used since `start`, process by process: a process
 * started meanwhile counts whole, one that exited meanwhile takes its time
 * with it (so compare over a window in which the servers' pools stay
 * connected). Summing all processes at both ends instead went negative when
 * the previous target's backends exited inside the window.
 */
export function postgresCpuSecondsSince(start: PostgresCpu): number {
  let ticks = 0;
  for (const [pid, now] of postgresCpu()) ticks += Math.max(0, now - (start.get(pid) ?? 0));
  return ticks / ticksPerSecond();
}
