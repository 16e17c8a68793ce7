/** Flags and plumbing every scenario shares. */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { RATE_LIMIT_DEFAULTS, type RateLimitBucket, rateLimitEnvName } from '../../server/src/config.ts';
import type { FlagSpec } from '../lib/args.ts';
import type { StartOptions } from '../lib/servers.ts';

export const commonFlags = {
  adminUrl: {
    default: 'postgres://postgres@127.0.0.1:5432/postgres',
    help: 'PostgreSQL server where a scratch database is created (and dropped afterwards)',
  },
  redisUrl: { default: 'redis://127.0.0.1:6379', help: 'Redis for multi-instance runs' },
  port: { default: 4600, help: 'first port for servers under test (instances use consecutive ports)' },
  poolSize: { default: 10, help: 'DATABASE_POOL_SIZE of each server (Parley and the baseline)' },
  out: { default: 'bench/results', help: 'where the JSON result is written' },
  keepDb: { default: false, help: 'keep the scratch database for inspection' },
  cpuProf: { default: false, help: 'run Parley with --cpu-prof (profiles in <out>/profiles)' },
  perfMap: {
    default: false,
    help: 'run Parley with --perf-prof (V8 writes jit-<pid>.dump into the checkout): `perf record -k 1 -g -p <pid>`, then `perf inject --jit`, names JavaScript functions in an on-CPU profile (bench/README.md)',
  },
  serverEnv: { default: '', help: 'extra server environment, KEY=VALUE,KEY=VALUE' },
  nodeArgs: {
    default: '',
    help: 'extra Node flags for Parley, comma-separated (e.g. --trace-gc,--max-semi-space-size=32; with --no-quiet to see what they print)',
  },
  heapLimit: {
    default: 640,
    help: "Parley's V8 old-space limit in MB (--max-old-space-size), as the Docker image sets it; 0 = V8's default",
  },
  quiet: { default: true, help: "hide the servers' stdout (stderr is always shown)" },
} satisfies FlagSpec;

/**
 * Environment for Parley under load: every rate-limit bucket (read from
 * config.ts, so new buckets are covered) set so high it never triggers, since
 * the harness sends thousands of messages per second from a few users on one
 * IP. Limits stay enabled, so their cost is part of what is measured.
 */
export function parleyEnv(serverEnv: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const bucket of Object.keys(RATE_LIMIT_DEFAULTS) as RateLimitBucket[])
    env[rateLimitEnvName(bucket)] = '1000000000/1';
  for (const pair of serverEnv.split(',').filter(Boolean)) {
    const i = pair.indexOf('=');
    if (i > 0) env[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return env;
}

export function serverOptions(
  flags: {
    poolSize: number;
    serverEnv: string;
    nodeArgs: string;
    heapLimit: number;
    cpuProf: boolean;
    perfMap: boolean;
    out: string;
    quiet: boolean;
    port: number;
  },
  kind: 'parley' | 'raw',
  databaseUrl: string,
  jwtSecret: string,
  redisUrl?: string,
): StartOptions {
  return {
    kind,
    port: flags.port,
    databaseUrl,
    jwtSecret,
    redisUrl,
    quiet: flags.quiet,
    env: {
      DATABASE_POOL_SIZE: String(flags.poolSize),
      ...(kind === 'parley' ? parleyEnv(flags.serverEnv) : {}),
    },
    nodeArgs: [
      ...(kind === 'parley' && flags.heapLimit > 0 ? [`--max-old-space-size=${flags.heapLimit}`] : []),
      ...(flags.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${flags.out}/profiles`] : []),
      ...(flags.perfMap ? ['--perf-prof', '--interpreted-frames-native-stack'] : []),
      ...(kind === 'parley' ? flags.nodeArgs.split(',').filter(Boolean) : []),
    ],
  };
}

export const newRunId = () => randomBytes(4).toString('hex');

/** Default generator processes: one per 2,500 sockets, at least 2. */
export const autoWorkers = (sockets: number, flag: number) =>
  flag > 0 ? flag : Math.max(2, Math.ceil(sockets / 2500));

export const log = (msg: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

export const cores = () => os.cpus().length;
