/**
 * queries: autocannon against one instance, as one user with 200 rooms
 * (`--direct` of them direct rooms with as many other people, the rest groups
 * of 10; `--messages` messages each): the room list as the web client asks
 * for it (its own RoomList document, imported from client/src/gql: title,
 * avatar, unread count, last message with sender and attachments, the direct
 * peer's presence), a history page of 50 messages as the client asks for it
 * (its ConversationHistory document: receipts, reactions, replies,
 * attachments), and `sendMessage` (a fresh clientId per request, rooms
 * round-robin). `rooms-lite` and `history-lite` are the smaller selections
 * sessions 3-11 measured as "rooms" and "history", kept to compare with their
 * figures. `rooms-raw` and `history-raw` are the ceiling: the raw baseline
 * (bench/baselines/raw-ws.ts, plain node:http) verifying the same token,
 * parsing the same request and answering the bytes Parley answered, held in
 * memory and serialised again per request; the ratios table sets each read
 * against its ceiling. A response with GraphQL `errors` counts as an
 * error even though it is HTTP 200. Each benchmark runs `--warmup` seconds of
 * the same load first, not counted: the figures are the steady state.
 */
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { ConversationHistoryDocument, RoomListDocument } from '../../client/src/gql/graphql.ts';
import type { FlagSpec, Flags } from '../lib/args.ts';
import { asClientSends, sendMessageDocument } from '../lib/documents.ts';
import { postgresCpu, postgresCpuSecondsSince } from '../lib/proc.ts';
import { printTable, type Row, ratio, round, writeResult } from '../lib/report.ts';
import {
  newJwtSecret,
  prepareDatabase,
  seedDirectRooms,
  seedMessages,
  seedRooms,
  seedUsers,
} from '../lib/seed.ts';
import { type ServerProcess, startTarget } from '../lib/servers.ts';
import { commonFlags, log, newRunId, serverOptions } from './common.ts';

export const queriesFlags = {
  ...commonFlags,
  rooms: { default: 200, help: 'rooms of the benchmark user' },
  direct: { default: 50, help: 'of those, direct rooms (one per other person); the rest are groups' },
  roomSize: { default: 10, help: 'members per group room' },
  messages: { default: 50, help: 'seeded messages per room' },
  connections: { default: 100, help: 'concurrent requests (autocannon connections)' },
  duration: { default: 20, help: 'seconds per benchmark' },
  pipelining: { default: 1, help: 'requests pipelined per connection' },
  warmup: {
    default: 3,
    help: 'seconds of the same load before each benchmark, not counted (JIT, caches, pool); 0 = none',
  },
  against: {
    default: '',
    help: 'another checkout of Parley (a directory with its own node_modules): alternate --rounds blocks of --block seconds between it and this one, and report the medians of the per-round ratios (the `-raw` benchmarks are left out)',
  },
  againstNodeArgs: {
    default: '',
    help: 'with --against: Node flags for that build only, comma-separated, after --node-args (`--against . --against-node-args=--max-semi-space-size=32` compares a flag)',
  },
  rounds: { default: 10, help: 'with --against: rounds (each one block per build, order alternating)' },
  block: { default: 3, help: 'with --against: seconds per block' },
  only: {
    default: 'rooms,rooms-raw,history,history-raw,send',
    help: 'which of rooms, rooms-lite, history, history-lite, send, send-lite to run; `<read>-raw` is the raw baseline answering the bytes Parley answered to <read>, from memory',
  },
} satisfies FlagSpec;

/** The web client's room list, exactly as it sends it (with the `__typename` fields Apollo adds). */
const ROOM_LIST = asClientSends(RoomListDocument);
/** The selection sessions 3-11 measured as "rooms": no avatars, presence or attachments. */
const ROOM_LIST_LITE = `query BenchRoomList {
  me { id timeZone }
  rooms(first: 100) {
    edges { node {
      id kind title unreadCount lastActivityAt
      lastMessage { id kind body deletedAt sender { id displayName isMe } }
    } }
  }
}`;
/** The web client's history page, exactly as it sends it (with the `__typename` fields Apollo adds). */
const HISTORY = asClientSends(ConversationHistoryDocument);
/** The selection sessions 3-11 measured as "history". */
const HISTORY_LITE = `query BenchHistory($roomId: ID!) {
  messages(roomId: $roomId, last: 50) {
    edges { node { id seq clientId kind body createdAt editedAt deletedAt sender { id displayName } } }
    pageInfo { hasPreviousPage startCursor }
  }
}`;
/** The web client's SendMessage as it sends it, answered with the whole message. */
const SEND = sendMessageDocument('client');
/** The selection measured as "send" before session 21. */
const SEND_LITE = sendMessageDocument('lite');

export async function queries(flags: Flags<typeof queriesFlags>): Promise<void> {
  const startedAt = new Date();
  const jwtSecret = newJwtSecret();
  log(
    `scratch database + 1 user in ${flags.rooms} rooms (${flags.direct} direct, groups of ${flags.roomSize}), ${flags.messages} messages each`,
  );
  const db = await prepareDatabase(flags.adminUrl);
  const rows: Row[] = [];
  const pairRows: Row[] = [];
  try {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const direct = Math.min(flags.direct, flags.rooms);
    const users = await seedUsers(client, Math.max(flags.roomSize, direct + 1), { jwtSecret });
    const hero = users[0];
    if (!hero) throw new Error('no user');
    const memberIds = users.slice(0, flags.roomSize).map((u) => u.id);
    const directRooms = await seedDirectRooms(
      client,
      hero.id,
      users.slice(1, direct + 1).map((u) => u.id),
    );
    // History and sends use the group rooms, as before direct rooms were seeded.
    const rooms = await seedRooms(
      client,
      Array.from({ length: flags.rooms - direct }, () => memberIds),
    );
    await seedMessages(client, [...directRooms, ...rooms], flags.messages);
    // Most recent first, one direct room in every four (while they last): a first page of 100
    // holds both kinds, as a real list would, not whichever kind was seeded last.
    const byActivity: string[] = [];
    for (let d = 0, g = 0; d < directRooms.length || g < rooms.length; ) {
      const pickDirect = d < directRooms.length && (byActivity.length % 4 === 0 || g >= rooms.length);
      const room = pickDirect ? directRooms[d++] : rooms[g++];
      if (room) byActivity.push(room.id);
    }
    await client.query(
      `UPDATE rooms SET last_activity_at = date_trunc('milliseconds', now()) - t.ord * interval '1 second'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord) WHERE rooms.id = t.id`,
      [byActivity],
    );
    await client.query('ANALYZE');
    await client.end();

    const target = await startTarget({
      ...serverOptions(flags, 'parley', db.url, jwtSecret),
      instances: 1,
      label: 'parley',
    });
    let against: Awaited<ReturnType<typeof startTarget>> | null = null;
    /** A later server failed to start: stop those already running, then fail. */
    const stopStartedAndThrow = async (err: unknown): Promise<never> => {
      await Promise.all([target.stop(), against?.stop()]);
      throw err;
    };
    against = flags.against
      ? await startTarget({
          ...serverOptions(
            {
              ...flags,
              port: flags.port + 2,
              nodeArgs: [flags.nodeArgs, flags.againstNodeArgs].filter(Boolean).join(','),
            },
            'parley',
            db.url,
            jwtSecret,
          ),
          root: path.resolve(flags.against),
          instances: 1,
          label: 'against',
        }).catch(stopStartedAndThrow)
      : null;
    const names = flags.only.split(',').filter((n) => n && !(against && n.endsWith('-raw')));
    // The raw baseline only when a `*-raw` benchmark is asked for, on the next port.
    const raw = names.some((n) => n.endsWith('-raw'))
      ? await startTarget({
          ...serverOptions({ ...flags, port: flags.port + 1 }, 'raw', db.url, jwtSecret),
          instances: 1,
          label: 'raw',
        }).catch(stopStartedAndThrow)
      : null;
    const parley = target.instances[0];
    try {
      if (!parley) throw new Error('no server');
      const url = `${parley.httpUrl}/graphql`;
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${hero.token}` };
      const runId = newRunId();
      let sendSerial = 0;
      const sendBody = (query: string) => {
        const n = sendSerial++;
        const roomId = rooms[n % rooms.length]?.id;
        return JSON.stringify({
          query,
          variables: { input: { roomId, clientId: `${runId}-${n}`, body: `Benchmark message ${n}` } },
        });
      };
      const benches: Record<string, { body: () => string; dynamic: boolean }> = {
        rooms: { body: () => JSON.stringify({ query: ROOM_LIST }), dynamic: false },
        'rooms-lite': { body: () => JSON.stringify({ query: ROOM_LIST_LITE }), dynamic: false },
        history: {
          body: () => JSON.stringify({ query: HISTORY, variables: { roomId: rooms[0]?.id, last: 50 } }),
          dynamic: false,
        },
        'history-lite': {
          body: () => JSON.stringify({ query: HISTORY_LITE, variables: { roomId: rooms[0]?.id } }),
          dynamic: false,
        },
        send: { body: () => sendBody(SEND), dynamic: true },
        'send-lite': { body: () => sendBody(SEND_LITE), dynamic: true },
      };
      /** Parley's answer to a benchmark's request, checked: a benchmark of error responses measures nothing. */
      const probe = async (name: string, body: string): Promise<string> => {
        const res = await fetch(url, { method: 'POST', headers, body });
        const text = await res.text();
        const json = JSON.parse(text) as { errors?: Array<{ message: string }> };
        if (!res.ok || json.errors?.length)
          throw new Error(`${name}: ${json.errors?.[0]?.message ?? `HTTP ${res.status}`}`);
        return text;
      };
      if (against) {
        const other = against.instances[0];
        if (!other) throw new Error('no server to compare with');
        for (const name of names) {
          const bench = benches[name];
          if (!bench) throw new Error(`--only: unknown benchmark ${name}`);
          pairRows.push(
            ...(await alternate(flags, name, headers, bench, [
              { label: 'this', server: parley, url },
              { label: 'against', server: other, url: `${other.httpUrl}/graphql` },
            ])),
          );
        }
      }
      for (const name of against ? [] : names) {
        // `<read>-raw`: the raw baseline answering Parley's own answer to <read>, from memory.
        const source = name.endsWith('-raw') ? name.slice(0, -'-raw'.length) : null;
        const bench = benches[source ?? name];
        if (!bench || (source && bench.dynamic)) throw new Error(`--only: unknown benchmark ${name}`);
        const server = source ? raw?.instances[0] : parley;
        if (!server) throw new Error('no server');
        const probeText = await probe(source ?? name, bench.body());
        let benchUrl = url;
        if (source) {
          benchUrl = `${server.httpUrl}/pages/${source}`;
          const stored = await fetch(benchUrl, { method: 'PUT', body: probeText });
          if (!stored.ok)
            throw new Error(`${name}: the baseline did not store the page (HTTP ${stored.status})`);
        }
        // The same load for the warm-up and the measured run; only the latter counts GraphQL errors.
        const load = (duration: number, onResponse?: (status: number, body: string) => void) =>
          autocannonLoad(flags, benchUrl, headers, bench, duration, onResponse);
        if (flags.warmup > 0) {
          log(`${name}: warming up for ${flags.warmup} s (not counted)`);
          await load(flags.warmup);
        }
        let gqlErrors = 0;
        const cpu0 = server.cpuSeconds();
        const pg0 = postgresCpu();
        const gen0 = process.cpuUsage();
        log(`${name}: ${flags.connections} connections for ${flags.duration} s`);
        const result = await load(flags.duration, (status, body) => {
          if (status === 200 && body.includes('"errors"')) gqlErrors++;
        });
        const cpu = server.cpuSeconds() - cpu0;
        const pgCpu = postgresCpuSecondsSince(pg0);
        const gen = process.cpuUsage(gen0);
        const genCpu = (gen.user + gen.system) / 1e6;
        const total = result.requests.total;
        rows.push({
          benchmark: name,
          connections: flags.connections,
          'req/s': Math.round(result.requests.average),
          requests: total,
          p50ms: result.latency.p50,
          p90ms: result.latency.p90,
          p99ms: result.latency.p99,
          maxMs: result.latency.max,
          non2xx: result.non2xx,
          gqlErrors,
          errors: result.errors + result.timeouts,
          responseKB: round(Buffer.byteLength(probeText) / 1024, 1),
          'cpuµs/req': total ? Math.round((cpu * 1e6) / total) : null,
          serverCores: round(cpu / result.duration, 2),
          'pgCpuµs/req': total ? Math.round((pgCpu * 1e6) / total) : null,
          pgCores: round(pgCpu / result.duration, 2),
          genCores: round(genCpu / result.duration, 2),
          rssMB: round(server.rssBytes() / 2 ** 20),
        });
      }
    } finally {
      await Promise.all([target.stop(), raw?.stop(), against?.stop()]);
    }
  } finally {
    if (!flags.keepDb) await db.drop();
  }
  // Each read next to the raw baseline answering the same bytes from memory.
  const ratios: Row[] = rows.flatMap((ours) => {
    const base = rows.find((r) => r.benchmark === `${ours.benchmark}-raw`);
    return base
      ? [
          {
            benchmark: String(ours.benchmark),
            'req/s ours/raw': ratio(ours['req/s'], base['req/s']),
            'p50 ours/raw': ratio(ours.p50ms, base.p50ms),
            'p99 ours/raw': ratio(ours.p99ms, base.p99ms),
            'cpu per request ours/raw': ratio(ours['cpuµs/req'], base['cpuµs/req']),
          },
        ]
      : [];
  });
  if (flags.against) {
    printTable(
      `queries: this checkout against ${flags.against}, ${flags.rounds} rounds of ${flags.block} s each, medians`,
      pairRows,
    );
    writeResult(flags.out, 'queries-pairs', {
      startedAt,
      parameters: flags,
      results: { rows: pairRows },
      notes: [
        "Both builds run at once against one database; the load goes to one at a time, in blocks whose order alternates every round (ABBA), so the machine's drift falls on both alike.",
        'The ratio row is the median of the per-round ratios this/against; the rows of each build are medians of its blocks.',
      ],
    });
    return;
  }
  printTable(
    `queries: 1 user, ${flags.rooms} rooms (${flags.direct} direct, groups of ${flags.roomSize}), ${flags.connections} connections`,
    rows,
  );
  if (ratios.length) printTable('queries: ratios to the raw baseline', ratios);
  writeResult(flags.out, 'queries', {
    startedAt,
    parameters: flags,
    results: { rows, ratios },
    notes: [
      'autocannon runs in the harness process on the same machine; cpuµs/req is the server process only (not PostgreSQL).',
      'pgCpuµs/req and pgCores: CPU of every postgres process (/proc) over the run, per request; genCores: the harness process (autocannon) over the run.',
      `each benchmark ran ${flags.warmup} s of the same load first (warm-up, not counted).`,
    ],
  });
}

/** `flags.connections` autocannon connections POSTing the benchmark's body to `url` for `duration` seconds. */
function autocannonLoad(
  flags: Flags<typeof queriesFlags>,
  url: string,
  headers: Record<string, string>,
  bench: { body: () => string; dynamic: boolean },
  duration: number,
  onResponse?: (status: number, body: string) => void,
) {
  return autocannon({
    url,
    connections: flags.connections,
    duration,
    pipelining: flags.pipelining,
    method: 'POST',
    headers,
    body: bench.body(),
    requests: [
      {
        method: 'POST',
        ...(bench.dynamic ? { setupRequest: (req) => ({ ...req, body: bench.body() }) } : {}),
        ...(onResponse ? { onResponse } : {}),
      },
    ],
  });
}

interface Contender {
  label: string;
  server: ServerProcess;
  url: string;
}

/**
 * One read against two builds, alternately: a warm-up on each, then
 * `flags.rounds` rounds of one `flags.block`-second block per build, in
 * alternating order. Rows: each build's medians, then the medians of the
 * per-round ratios (first / second).
 */
async function alternate(
  flags: Flags<typeof queriesFlags>,
  name: string,
  headers: Record<string, string>,
  bench: { body: () => string; dynamic: boolean },
  contenders: [Contender, Contender],
): Promise<Row[]> {
  const block = async (c: Contender, duration: number) => {
    let gqlErrors = 0;
    const cpu0 = c.server.cpuSeconds();
    const result = await autocannonLoad(flags, c.url, headers, bench, duration, (status, body) => {
      if (status !== 200 || body.includes('"errors"')) gqlErrors++;
    });
    const cpu = c.server.cpuSeconds() - cpu0;
    const total = result.requests.total;
    if (gqlErrors > 0 || result.errors + result.timeouts > 0)
      throw new Error(`${name} on ${c.label}: ${gqlErrors} error answers, ${result.errors} errors`);
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      cpu: (cpu * 1e6) / total,
    };
  };
  if (flags.warmup > 0) {
    log(`${name}: warming up both for ${flags.warmup} s each (not counted)`);
    for (const c of contenders) await block(c, flags.warmup);
  }
  const samples = contenders.map(() => [] as Awaited<ReturnType<typeof block>>[]);
  for (let r = 0; r < flags.rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) samples[i]?.push(await block(contenders[i] as Contender, flags.block));
    log(`${name}: round ${r + 1} of ${flags.rounds}`);
  }
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  };
  const [a = [], b = []] = samples;
  const rows: Row[] = contenders.map((c, i) => {
    const s = samples[i] ?? [];
    return {
      benchmark: name,
      build: c.label,
      'req/s': Math.round(median(s.map((x) => x.rps))),
      p50ms: median(s.map((x) => x.p50)),
      p99ms: median(s.map((x) => x.p99)),
      'cpuµs/req': Math.round(median(s.map((x) => x.cpu))),
    };
  });
  const perRound = (f: (x: Awaited<ReturnType<typeof block>>) => number) =>
    round(median(a.map((x, i) => f(x) / f(b[i] as typeof x))), 3);
  rows.push({
    benchmark: name,
    build: `${contenders[0].label}/${contenders[1].label}`,
    'req/s': perRound((x) => x.rps),
    p50ms: perRound((x) => x.p50),
    p99ms: perRound((x) => x.p99),
    'cpuµs/req': perRound((x) => x.cpu),
  });
  return rows;
}
