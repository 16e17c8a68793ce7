/**
 * fanout (and baseline, scale-out): S subscribers in rooms of N, senders at R
 * msg/s through sendMessage, each message carrying its send time. Every target
 * (Parley, the raw-ws baseline, Parley on k instances) runs against the same
 * seeded users and rooms, one after another, so they never share the machine.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GeneratorPool } from '../gen/pool.ts';
import type { GenRoom } from '../gen/protocol.ts';
import type { FlagSpec, Flags } from '../lib/args.ts';
import { roomEventsDocument, sendMessageDocument } from '../lib/documents.ts';
import { cpuSeconds, postgresCpu, postgresCpuSecondsSince } from '../lib/proc.ts';
import { percentilesMs, printTable, type Row, ratio, round, writeResult } from '../lib/report.ts';
import { newJwtSecret, prepareDatabase, seedFanout } from '../lib/seed.ts';
import { startTarget } from '../lib/servers.ts';
import { readTraces, type SendTimes, stageRow, summariseStages } from '../lib/stages.ts';
import { autoWorkers, commonFlags, log, newRunId, serverOptions } from './common.ts';

export const fanoutFlags = {
  ...commonFlags,
  subscribers: {
    default: 10_000,
    help: 'subscribers (one graphql-ws connection + roomEvents subscription each)',
  },
  roomSize: { default: 10, help: 'members per room (every member subscribes)' },
  subscription: {
    default: 'client',
    help: "the roomEvents document subscribers send: 'client' (the web client's ConversationEvents: receipts, reactions, replies, mentions) or 'lite' (payload fields only, as measured before session 12)",
  },
  send: {
    default: 'client',
    help: "the sendMessage document senders post: 'client' (the web client's SendMessage, answered with the whole message) or 'lite' ({ id seq }, as measured before session 21)",
  },
  rate: { default: '1000', help: 'messages/s in total; a comma list runs a sweep, e.g. 500,1000,2000' },
  duration: { default: 30, help: 'seconds of sending per rate' },
  history: {
    default: 20,
    help: 'messages already in each room, analyzed, as in a deployment in use (0: an empty, never analyzed messages table)',
  },
  target: { default: 'both', help: 'parley, baseline, or both (ratio reported)' },
  instances: { default: 1, help: 'Parley instances (more than 1 uses Redis)' },
  redis: { default: false, help: 'use Redis even with one instance' },
  workers: { default: 0, help: 'generator processes (0 = one per 2,500 sockets, at least 2)' },
  connectConcurrency: { default: 100, help: 'connections opened at once per generator process' },
  maxInflight: {
    default: 5000,
    help: 'pending sends per generator process before sends are skipped (counted)',
  },
  warmupRounds: { default: 5, help: 'warm-up rounds (one message per room) until every subscriber got one' },
  warmup: {
    default: 5,
    help: 'seconds of sending at the first rate before measuring, not counted (JIT, caches, heap size settle; as in queries); 0 = none',
  },
  drainTimeout: { default: 30, help: 'seconds to wait for outstanding deliveries after sending stops' },
  stages: {
    default: false,
    help: "Parley: time each measured send's stages in the server (SEND_TRACE_FILE) and print where a delivery's latency goes: the event loop's wait before reading the request, GraphQL, the statement slot, the statement, publishing",
  },
  repeat: {
    default: 1,
    help: "rounds: each target runs this many times, alternating (A B A B …); ratios per round, and their median (this machine varies by more than the goals' margins from one run to the next)",
  },
} satisfies FlagSpec;
export type FanoutFlags = Flags<typeof fanoutFlags>;

export interface TargetSpec {
  label: string;
  kind: 'parley' | 'raw';
  instances: number;
  redis: boolean;
  /** Which round of `--repeat` (1-based). */
  round?: number;
}

export interface FanoutResult extends Row {
  target: string;
  instances: number;
  subscribers: number;
  rate: number;
}

/** `targets` once per round, alternating: A B A B … (rounds numbered from 1). */
export function inRounds(targets: TargetSpec[], repeat: number): TargetSpec[] {
  const rounds = Math.max(1, Math.floor(repeat));
  return Array.from({ length: rounds }, (_, i) => targets.map((t) => ({ ...t, round: i + 1 }))).flat();
}

/** The median of the numbers among `values` (null when there are none). */
export function median(values: unknown[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? (xs[mid] as number) : round(((xs[mid - 1] as number) + (xs[mid] as number)) / 2, 2);
}

/**
 * `compare(ours, theirs)` for each round and rate where both ran, plus (with
 * more than one round) a median row per rate over the rounds.
 */
function pairedRatios(
  rows: FanoutResult[],
  isOurs: (r: FanoutResult) => boolean,
  isTheirs: (r: FanoutResult) => boolean,
  compare: (ours: FanoutResult, theirs: FanoutResult) => Row,
): Row[] {
  const out: Row[] = [];
  for (const ours of rows.filter(isOurs)) {
    const theirs = rows.find((r) => isTheirs(r) && r.rate === ours.rate && r.round === ours.round);
    if (!theirs) continue;
    out.push({ ...(ours.round !== undefined ? { round: ours.round } : {}), ...compare(ours, theirs) });
  }
  const rounds = new Set(out.map((r) => r.round));
  if (rounds.size < 2) return out;
  for (const rate of [...new Set(out.map((r) => r.rate))]) {
    const same = out.filter((r) => r.rate === rate);
    const first = same[0];
    if (!first) continue;
    const med: Row = { round: 'median', rate: rate ?? null };
    for (const key of Object.keys(first))
      if (key !== 'round' && key !== 'rate') med[key] = median(same.map((r) => r[key]));
    out.push(med);
  }
  return out;
}

export async function runTargets(
  scenario: string,
  flags: FanoutFlags,
  targets: TargetSpec[],
  ratio?: (rows: FanoutResult[]) => Row[],
): Promise<void> {
  const startedAt = new Date();
  const rates = flags.rate
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const jwtSecret = newJwtSecret();
  log(`scratch database + ${flags.subscribers} users in rooms of ${flags.roomSize}`);
  const db = await prepareDatabase(flags.adminUrl);
  const rows: FanoutResult[] = [];
  const details: Array<Record<string, unknown>> = [];
  const stageRows: Row[] = [];
  try {
    const seeded = await seedFanout(db.url, flags.subscribers, flags.roomSize, jwtSecret, flags.history);
    for (const spec of targets) {
      log(`${spec.label}: starting ${spec.instances} server(s)`);
      const traceDir =
        flags.stages && spec.kind === 'parley'
          ? mkdtempSync(path.join(os.tmpdir(), 'parley-send-trace-'))
          : undefined;
      const target = await startTarget({
        ...serverOptions(flags, spec.kind, db.url, jwtSecret, spec.redis ? flags.redisUrl : undefined),
        instances: spec.instances,
        label: spec.label,
        sendTraceDir: traceDir,
      });
      /** Measured sends of each rate, joined with the servers' traces once they stopped. */
      const traced: Array<{ detail: Record<string, unknown>; label: Row; sends: SendTimes }> = [];
      let gen: GeneratorPool | undefined;
      try {
        // Members of a room are spread over the instances (member i → instance i mod k),
        // so with k > 1 most deliveries cross Redis.
        const rooms: GenRoom[] = seeded.rooms.map((r, ri) => ({
          id: r.id,
          members: r.memberIds.map((_, mi) => ({
            token: seeded.users[ri * flags.roomSize + mi]?.token ?? '',
            instance: (ri * flags.roomSize + mi) % spec.instances,
          })),
        }));
        gen = await GeneratorPool.start({
          target: spec.kind,
          wsUrls: target.instances.map((s) => s.wsUrl),
          httpUrls: target.instances.map((s) => s.httpUrl),
          rooms,
          workers: autoWorkers(flags.subscribers, flags.workers),
          runId: newRunId(),
          connectConcurrency: flags.connectConcurrency,
          maxInflight: flags.maxInflight,
          subscription: roomEventsDocument(flags.subscription),
          sendMutation: sendMessageDocument(flags.send),
          traceSends: traceDir !== undefined,
        });
        const conn = await gen.connect();
        log(
          `${spec.label}: ${conn.ok} connected, ${conn.failed} failed in ${round(conn.ms / 1000)} s${conn.firstError ? ` (${conn.firstError})` : ''}`,
        );
        const warm = await gen.warmup(flags.warmupRounds);
        log(`${spec.label}: ${warm.warm}/${warm.total} subscribers confirmed live`);
        if (flags.warmup > 0 && rates[0] !== undefined) {
          log(`${spec.label}: warming up at ${rates[0]} msg/s for ${flags.warmup} s (not counted)`);
          await gen.send(rates[0], flags.warmup);
          await gen.drain(flags.drainTimeout * 1000);
        }
        for (const rate of rates) {
          await gen.reset();
          const cpu0 = target.instances.map((s) => s.cpuSeconds());
          const pg0 = postgresCpu();
          const genCpu = () => gen?.children.reduce((a, c) => a + (c.pid ? cpuSeconds(c.pid) : 0), 0) ?? 0;
          const gen0 = genCpu();
          await Promise.all(target.instances.map((s) => s.loop()));
          const t0 = performance.now();
          log(`${spec.label}: sending ${rate} msg/s for ${flags.duration} s`);
          await gen.send(rate, flags.duration);
          const drainMs = await gen.drain(flags.drainTimeout * 1000);
          const wall = (performance.now() - t0) / 1000;
          const cpu = target.instances.reduce((a, s, i) => a + s.cpuSeconds() - (cpu0[i] ?? 0), 0);
          const pgCpu = postgresCpuSecondsSince(pg0);
          const generatorCpu = genCpu() - gen0;
          const loops = await Promise.all(target.instances.map((s) => s.loop()));
          const mem = await Promise.all(target.instances.map((s) => s.memory()));
          const r = await gen.report();
          const lat = percentilesMs(r.latency);
          const send = percentilesMs(r.sendLatency);
          const row: FanoutResult = {
            ...(flags.repeat > 1 ? { round: spec.round ?? 1 } : {}),
            target: spec.label,
            instances: spec.instances,
            subscribers: conn.ok,
            rate,
            sentOk: r.sendOk,
            sendErrors: r.sendErrors,
            skipped: r.sendSkipped,
            deliveries: r.received,
            'deliveries/s': Math.round(r.received / wall),
            p50ms: lat.p50,
            p90ms: lat.p90,
            p99ms: lat.p99,
            maxMs: lat.max,
            lost: r.expected - r.received,
            outOfOrder: r.outOfOrder,
            'cpuµs/delivery': r.received ? Math.round((cpu * 1e6) / r.received) : null,
            serverCores: round(cpu / wall, 2),
            pgCores: round(pgCpu / wall, 2),
            'pgCpuµs/msg': r.sendOk ? Math.round((pgCpu * 1e6) / r.sendOk) : null,
            genCores: round(generatorCpu / wall, 2),
            rssMB: round(mem.reduce((a, m) => a + m.rss, 0) / 2 ** 20),
            heapMB: round(mem.reduce((a, m) => a + m.heapUsed, 0) / 2 ** 20),
            sendP99ms: send.p99,
            genLoopP99ms: round(r.loopDelayP99Ms, 1),
            srvLoopP99ms: round(Math.max(...loops.map((l) => l.delayP99Ms)), 1),
            'gcPause%': round((100 * Math.max(...loops.map((l) => l.gcMs))) / 1000 / wall, 1),
            gcMaxMs: round(Math.max(...loops.map((l) => l.gcMaxMs)), 1),
          };
          rows.push(row);
          const detail: Record<string, unknown> = {
            ...row,
            connectFailed: conn.failed,
            connectSeconds: round(conn.ms / 1000, 2),
            warm,
            drainMs,
            wallSeconds: round(wall, 2),
            serverCpuSeconds: round(cpu, 3),
            droppedConnections: r.dropped,
            subscriptionErrors: r.subscriptionErrors,
            sendLatencyMs: send,
            latencyMs: lat,
            timeline: r.timeline,
            genLoopMaxMs: round(r.loopDelayMaxMs, 1),
            firstError: r.firstError ?? null,
            memory: mem,
          };
          details.push(detail);
          if (traceDir)
            traced.push({
              detail,
              label: { ...(row.round !== undefined ? { round: row.round } : {}), target: row.target, rate },
              sends: r.sendTimes,
            });
          log(
            `${spec.label} ${rate} msg/s, mean delivery ms by second sent: ${r.timeline.map((t) => t.meanMs ?? '-').join(' ')}`,
          );
          if (r.firstError) log(`${spec.label}: first error: ${r.firstError}`);
        }
      } finally {
        await gen?.close();
        await target.stop();
        if (traceDir) {
          try {
            const traces = readTraces(target.instances.flatMap((s) => s.sendTraceFile ?? []));
            for (const t of traced) {
              const summary = summariseStages(t.sends, traces);
              t.detail.stages = summary;
              stageRows.push(stageRow(t.label, summary));
            }
          } finally {
            rmSync(traceDir, { recursive: true, force: true });
          }
        }
      }
    }
  } finally {
    if (!flags.keepDb) await db.drop();
    else log(`kept database ${db.name}`);
  }
  printTable(
    `${scenario}: ${flags.subscribers} subscribers, rooms of ${flags.roomSize}, ${flags.duration} s per rate`,
    rows,
  );
  if (stageRows.length)
    printTable(
      `${scenario}: where a send's time goes (ms, p50 / p99; measured sends joined with the server's trace)`,
      stageRows,
    );
  const ratios = ratio?.(rows) ?? [];
  if (ratios.length) printTable(`${scenario}: ratios`, ratios);
  writeResult(flags.out, scenario, {
    startedAt,
    parameters: flags,
    results: { rows: details, ratios },
    notes: [
      'Latency = receive time − send time carried in the body, same process clock (sender and receivers of a room share a generator process).',
      'cpuµs/delivery = server process CPU (utime+stime from /proc, all threads) over the send+drain window / deliveries; PostgreSQL and Redis CPU are not included; pgCores and pgCpuµs/msg are the CPU of every postgres process (/proc) over the same window, per successful send; genCores is the CPU of the load generator processes over the same window (they share the machine).',
      'The generator runs on the same machine and competes for its cores (genLoopP99ms shows how busy it was).',
      "srvLoopP99ms is the server's event-loop delay p99 (perf_hooks, 5 ms resolution; the worst instance), gcPause% the share of wall time its main thread spent in GC pauses and gcMaxMs the longest pause, over the same window.",
    ],
  });
}

/** ours ÷ baseline, per rate (and round). */
export function baselineRatios(rows: FanoutResult[]): Row[] {
  return pairedRatios(
    rows,
    (r) => r.target === 'parley',
    (r) => r.target === 'baseline',
    (ours, base) => ({
      rate: ours.rate,
      'throughput (deliveries/s) ours/raw': ratio(ours['deliveries/s'], base['deliveries/s']),
      'p50 ours/raw': ratio(ours.p50ms, base.p50ms),
      'p99 ours/raw': ratio(ours.p99ms, base.p99ms),
      'cpu per delivery ours/raw': ratio(ours['cpuµs/delivery'], base['cpuµs/delivery']),
    }),
  );
}

export async function fanout(flags: FanoutFlags): Promise<void> {
  const parley: TargetSpec = {
    label: 'parley',
    kind: 'parley',
    instances: flags.instances,
    redis: flags.redis || flags.instances > 1,
  };
  const baseline: TargetSpec = { label: 'baseline', kind: 'raw', instances: 1, redis: false };
  const targets =
    flags.target === 'parley' ? [parley] : flags.target === 'baseline' ? [baseline] : [parley, baseline];
  if (!['parley', 'baseline', 'both'].includes(flags.target))
    throw new Error('--target must be parley, baseline or both');
  await runTargets(
    flags.target === 'baseline' ? 'baseline' : 'fanout',
    flags,
    inRounds(targets, flags.repeat),
    baselineRatios,
  );
}

export async function scaleOut(flags: FanoutFlags): Promise<void> {
  const k = Math.max(2, flags.instances === 1 ? 2 : flags.instances);
  const targets: TargetSpec[] = [
    { label: 'parley x1', kind: 'parley', instances: 1, redis: flags.redis },
    { label: `parley x${k} + redis`, kind: 'parley', instances: k, redis: true },
  ];
  await runTargets('scale-out', flags, inRounds(targets, flags.repeat), (rows) =>
    pairedRatios(
      rows,
      (r) => r.instances === k,
      (r) => r.instances === 1,
      (multi, single) => ({
        rate: multi.rate,
        [`deliveries/s x${k} ÷ x1`]: ratio(multi['deliveries/s'], single['deliveries/s']),
        [`p99 x${k} ÷ x1`]: ratio(multi.p99ms, single.p99ms),
        [`cpu per delivery x${k} ÷ x1`]: ratio(multi['cpuµs/delivery'], single['cpuµs/delivery']),
      }),
    ),
  );
}
