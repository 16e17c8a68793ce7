/**
 * idle: hold N authenticated graphql-ws connections with one `roomEvents`
 * subscription each, spread over the instances (client i → instance i mod k),
 * and report what they cost each instance: RSS (from the probe after a full
 * GC, cross-checked with /proc VmRSS) and V8 heap, before and after, per
 * connection. One warm-up message per room proves every subscription is live
 * (on k > 1 instances through Redis) before anything is measured.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { GeneratorPool } from '../gen/pool.ts';
import type { GenRoom } from '../gen/protocol.ts';
import type { FlagSpec, Flags } from '../lib/args.ts';
import { roomEventsDocument, sendMessageDocument } from '../lib/documents.ts';
import { printTable, type Row, round, writeResult } from '../lib/report.ts';
import { newJwtSecret, prepareDatabase, seedFanout } from '../lib/seed.ts';
import { ROOT, startTarget } from '../lib/servers.ts';
import { autoWorkers, commonFlags, log, newRunId, serverOptions } from './common.ts';

export const idleFlags = {
  ...commonFlags,
  subscription: {
    default: 'client',
    help: "the roomEvents document each connection subscribes with: 'client' (the web client's) or 'lite' (as measured before session 12)",
  },
  connections: {
    default: 19_000,
    help: 'connections in total (about 19,000 per instance fit under the 20,000 open-files cap)',
  },
  instances: {
    default: 1,
    help: 'Parley instances; more than 1 uses Redis (e.g. --instances 3 --connections 57000)',
  },
  redis: { default: false, help: 'use Redis even with one instance (to compare)' },
  roomSize: { default: 10, help: 'members per room' },
  workers: { default: 0, help: 'generator processes (0 = one per 2,500 sockets, at least 2)' },
  connectConcurrency: { default: 100, help: 'connections opened at once per generator process' },
  settle: { default: 5, help: 'seconds to wait after connecting before measuring' },
  prime: {
    default: 0.1,
    help: 'fraction of rooms connected (and warmed up) before the "before" sample, so one-time costs (JIT, caches, pools) are not charged to connections',
  },
  heapSnapshot: {
    default: false,
    help: 'write a V8 heap snapshot of each instance after measuring (<out>/profiles/)',
  },
  warmupRounds: { default: 5, help: 'warm-up rounds (one message per room) until every subscriber got one' },
} satisfies FlagSpec;

const KB = 1024;
const MB = 2 ** 20;

export async function idle(flags: Flags<typeof idleFlags>): Promise<void> {
  const startedAt = new Date();
  const jwtSecret = newJwtSecret();
  log(`scratch database + ${flags.connections} users`);
  const db = await prepareDatabase(flags.adminUrl);
  const rows: Row[] = [];
  let connectInfo: unknown;
  try {
    const seeded = await seedFanout(db.url, flags.connections, flags.roomSize, jwtSecret);
    const target = await startTarget({
      ...serverOptions(
        flags,
        'parley',
        db.url,
        jwtSecret,
        flags.instances > 1 || flags.redis ? flags.redisUrl : undefined,
      ),
      instances: flags.instances,
      label: 'parley',
    });
    const gens: GeneratorPool[] = [];
    try {
      const rooms: GenRoom[] = seeded.rooms.map((r, ri) => ({
        id: r.id,
        members: r.memberIds.map((_, mi) => ({
          token: seeded.users[ri * flags.roomSize + mi]?.token ?? '',
          instance: (ri * flags.roomSize + mi) % flags.instances,
        })),
      }));
      const primeRooms = Math.min(rooms.length - 1, Math.max(1, Math.round(rooms.length * flags.prime)));
      const stage = async (part: GenRoom[]) => {
        const sockets = part.reduce((a, r) => a + r.members.length, 0);
        const gen = await GeneratorPool.start({
          target: 'parley',
          wsUrls: target.instances.map((s) => s.wsUrl),
          httpUrls: target.instances.map((s) => s.httpUrl),
          rooms: part,
          workers: autoWorkers(sockets, flags.workers),
          runId: newRunId(),
          connectConcurrency: flags.connectConcurrency,
          maxInflight: 1000,
          subscription: roomEventsDocument(flags.subscription),
          sendMutation: sendMessageDocument('client'),
        });
        gens.push(gen);
        const conn = await gen.connect();
        log(
          `${conn.ok} connected, ${conn.failed} failed in ${round(conn.ms / 1000)} s${conn.firstError ? ` (${conn.firstError})` : ''}`,
        );
        const warm = await gen.warmup(flags.warmupRounds);
        log(`${warm.warm}/${warm.total} subscriptions confirmed live; settling ${flags.settle} s`);
        await new Promise((r) => setTimeout(r, flags.settle * 1000));
        const perInstance = target.instances.map(() => 0);
        for (const r of part)
          for (const m of r.members) perInstance[m.instance] = (perInstance[m.instance] ?? 0) + 1;
        return { conn, warm, perInstance };
      };
      const primed = await stage(rooms.slice(0, primeRooms));
      const before = await Promise.all(target.instances.map((s) => s.memory()));
      const measured = await stage(rooms.slice(primeRooms));
      const after = await Promise.all(target.instances.map((s) => s.memory()));
      const procRss = target.instances.map((s) => s.rssBytes());
      if (flags.heapSnapshot) {
        for (const [i, s] of target.instances.entries()) {
          const file = path.resolve(
            ROOT,
            flags.out,
            'profiles',
            `idle-${startedAt.getTime()}-${i + 1}.heapsnapshot`,
          );
          mkdirSync(path.dirname(file), { recursive: true });
          log(`heap snapshot: ${await s.heapSnapshot(file)}`);
        }
      }
      const reports = await Promise.all(gens.map((g) => g.report()));
      const dropped = reports.reduce((a, r) => a + r.dropped, 0);
      const conn = {
        ok: primed.conn.ok + measured.conn.ok,
        failed: primed.conn.failed + measured.conn.failed,
      };
      const warm = {
        warm: primed.warm.warm + measured.warm.warm,
        total: primed.warm.total + measured.warm.total,
      };
      connectInfo = {
        primed,
        measured,
        droppedAfterConnect: dropped,
        firstError: reports.find((r) => r.firstError)?.firstError ?? null,
      };
      target.instances.forEach((_, i) => {
        const b = before[i];
        const a = after[i];
        if (!a || !b) return;
        // Per-connection figures: growth from the primed sample over the connections added after it.
        const held = measured.perInstance[i] ?? 0;
        rows.push({
          instance: i + 1,
          connections: (primed.perInstance[i] ?? 0) + held,
          measuredOver: held,
          rssBeforeMB: round(b.rss / MB),
          rssAfterMB: round(a.rss / MB),
          procRssMB: round((procRss[i] ?? 0) / MB),
          'rssKB/conn': held ? round((a.rss - b.rss) / held / KB, 1) : null,
          heapBeforeMB: round(b.heapUsed / MB),
          heapAfterMB: round(a.heapUsed / MB),
          heapTotalMB: round(a.heapTotal / MB),
          'heapKB/conn': held ? round((a.heapUsed - b.heapUsed) / held / KB, 1) : null,
          'externalKB/conn': held
            ? round((a.external + a.arrayBuffers - b.external - b.arrayBuffers) / held / KB, 1)
            : null,
        });
      });
      rows.push({
        instance: 'all',
        connections: conn.ok,
        rssAfterMB: round(after.reduce((x, m) => x + m.rss, 0) / MB),
        heapAfterMB: round(after.reduce((x, m) => x + m.heapUsed, 0) / MB),
        live: `${warm.warm}/${warm.total}`,
        failed: conn.failed,
        dropped,
      });
    } finally {
      for (const g of gens) await g.close();
      await target.stop();
    }
  } finally {
    if (!flags.keepDb) await db.drop();
  }
  printTable(`idle: ${flags.connections} connections on ${flags.instances} instance(s)`, rows);
  writeResult(flags.out, 'idle', {
    startedAt,
    parameters: flags,
    results: { rows, connect: connectInfo },
    notes: [
      'Per-connection figures are (after − before) / connections added to that instance after the primed sample (measuredOver); memory is read by a preloaded probe after two full GCs (--expose-gc).',
      'live = subscriptions that received a warm-up message (proves each is registered, across Redis on k > 1).',
    ],
  });
}
