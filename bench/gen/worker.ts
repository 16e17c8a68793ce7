/**
 * One load-generator process (forked by the coordinator). It holds whole rooms:
 * every member of a room is a real subscriber here (a graphql-ws client with
 * one `roomEvents` subscription, or a raw WebSocket for the baseline), and
 * messages to those rooms are sent from here over HTTP by one of the room's
 * members. Sender and receivers share this process's monotonic clock, so
 * latency = receive time − send time carried in the body, with no clock skew.
 *
 * Sending is open-loop: sends are due at a fixed rate whatever the server's
 * speed; a slow server shows as latency, `sendSkipped` (in-flight cap hit) or
 * errors, never as a silently lower rate.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type Client, createClient } from 'graphql-ws';
import * as hdr from 'hdr-histogram-js';
import WebSocket from 'ws';
import type { Command, GenRoom, InitMessage, Reply, WorkerReport } from './protocol.ts';

const newHistogram = () =>
  hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
  });

interface Sub {
  room: number;
  warm: boolean;
  lastSeq: number;
  dispose(): void;
}

let init: InitMessage;
const subs: Sub[] = [];
const roomSubs = new Map<number, Sub[]>();
const latency = newHistogram();
const sendLatency = newHistogram();
/** `traceSends`: [clientId, absolute send time] per measured send since the last reset. */
let sendTimes: Array<[string, number]> = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
const counters = {
  connectFailed: 0,
  dropped: 0,
  sent: 0,
  sendOk: 0,
  sendErrors: 0,
  sendSkipped: 0,
  expected: 0,
  received: 0,
  outOfOrder: 0,
  subscriptionErrors: 0,
};
let firstError: string | undefined;
let connected = 0;
let inflight = 0;
let prefix = '';
let generation = 0;
/** When the current sending began (performance.now()), and deliveries by the second their message was sent in. */
let sendStart = 0;
let timeline = { count: [] as number[], sumUs: [] as number[], maxUs: [] as number[] };

const reply = (m: Reply) => process.send?.(m);
const noteError = (e: unknown) => {
  if (firstError !== undefined) return;
  if (e instanceof Error) {
    // fetch wraps the network error ("fetch failed"): keep its cause, e.g. ECONNRESET.
    const cause = e.cause as { code?: string; message?: string } | undefined;
    firstError = cause ? `${e.message}: ${cause.code ?? cause.message}` : e.message;
  } else firstError = typeof e === 'string' ? e : JSON.stringify(e);
};

/** A delivered message body: `<runId>:<n>:<sendTimeMs>` (measured) or `warm:<runId>` (warm-up). */
function onDelivery(sub: Sub, seq: number, body: string) {
  const now = performance.now();
  if (seq <= sub.lastSeq) counters.outOfOrder++;
  sub.lastSeq = seq;
  if (body.startsWith(prefix)) {
    const sentAt = Number(body.slice(body.lastIndexOf(':') + 1));
    counters.received++;
    const us = Math.max(1, Math.round((now - sentAt) * 1000));
    latency.recordValue(us);
    const s = Math.max(0, Math.floor((sentAt - sendStart) / 1000));
    while (timeline.count.length <= s) {
      timeline.count.push(0);
      timeline.sumUs.push(0);
      timeline.maxUs.push(0);
    }
    timeline.count[s] = (timeline.count[s] ?? 0) + 1;
    timeline.sumUs[s] = (timeline.sumUs[s] ?? 0) + us;
    if (us > (timeline.maxUs[s] ?? 0)) timeline.maxUs[s] = us;
  } else if (body.startsWith('warm:')) sub.warm = true;
}

/** What graphql-ws reports for a socket that never opened: a CloseEvent (code, reason) or an ErrorEvent. */
function connectFailure(e: unknown): string {
  const ev = e as { code?: number; reason?: string; message?: string; error?: { code?: string } } | undefined;
  if (ev?.code !== undefined) return `close ${ev.code}${ev.reason ? ` ${ev.reason}` : ''}`;
  return ev?.error?.code ?? ev?.message ?? '?';
}

function connectParley(room: GenRoom, roomIdx: number, member: number): Promise<Sub> {
  const m = room.members[member];
  if (!m) throw new Error('no member');
  return new Promise((resolve, reject) => {
    let settled = false;
    let live = false;
    let dispose = () => {};
    const sub: Sub = { room: roomIdx, warm: false, lastSeq: 0, dispose: () => dispose() };
    const client: Client = createClient({
      url: init.wsUrls[m.instance] ?? '',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${m.token}` },
      lazy: false,
      retryAttempts: 0,
      shouldRetry: () => false,
      onNonLazyError: (e) => {
        if (!settled) {
          settled = true;
          reject(e instanceof Error ? e : new Error(`connection failed (${connectFailure(e)})`));
        }
      },
      on: {
        connected: () => {
          if (settled) return;
          settled = true;
          live = true;
          const unsubscribe = client.subscribe<{
            roomEvents: { __typename: string; seq?: number; message?: { body?: string } };
          }>(
            { query: init.subscription, variables: { roomId: room.id } },
            {
              next: (r) => {
                if (r.errors?.length) {
                  counters.subscriptionErrors++;
                  noteError(r.errors[0]?.message);
                  return;
                }
                const ev = r.data?.roomEvents;
                if (ev?.__typename === 'MessageCreated' && typeof ev.seq === 'number')
                  onDelivery(sub, ev.seq, ev.message?.body ?? '');
              },
              error: (e) => {
                counters.subscriptionErrors++;
                noteError(e);
              },
              complete: () => {},
            },
          );
          dispose = () => {
            unsubscribe();
            void client.dispose();
          };
          resolve(sub);
        },
        closed: () => {
          if (live) counters.dropped++;
        },
      },
    });
    dispose = () => void client.dispose();
  });
}

function connectRaw(room: GenRoom, roomIdx: number, member: number): Promise<Sub> {
  const m = room.members[member];
  if (!m) throw new Error('no member');
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(init.wsUrls[m.instance] ?? '');
    let ready = false;
    const sub: Sub = { room: roomIdx, warm: false, lastSeq: 0, dispose: () => ws.close() };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', token: m.token, roomId: room.id })));
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { type: string; seq?: number; body?: string };
      if (msg.type === 'ready') {
        ready = true;
        resolve(sub);
      } else if (msg.type === 'message' && typeof msg.seq === 'number')
        onDelivery(sub, msg.seq, msg.body ?? '');
    });
    ws.on('error', (e) => {
      if (!ready) reject(e);
    });
    ws.on('close', (code) => {
      if (ready) counters.dropped++;
      else reject(new Error(`closed ${code}`));
    });
  });
}

async function connectAll(): Promise<Reply> {
  const started = performance.now();
  const jobs: Array<[number, number]> = [];
  init.rooms.forEach((room, r) => {
    for (let i = 0; i < room.members.length; i++) jobs.push([r, i]);
  });
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const [r, i] = jobs[next++] as [number, number];
      const room = init.rooms[r] as GenRoom;
      try {
        const sub = await (init.target === 'parley' ? connectParley(room, r, i) : connectRaw(room, r, i));
        subs.push(sub);
        const list = roomSubs.get(r) ?? [];
        list.push(sub);
        roomSubs.set(r, list);
        connected++;
      } catch (e) {
        counters.connectFailed++;
        noteError(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, init.connectConcurrency) }, lane));
  return {
    type: 'connected',
    ok: connected,
    failed: counters.connectFailed,
    ms: performance.now() - started,
    firstError,
  };
}

/**
 * Sends go over a bounded pool of keep-alive connections per generator
 * process, as behind a real load balancer. (Global fetch opens a new
 * connection whenever all are busy, without limit: once a server fell behind,
 * thousands of connections piled up and the raw-ws baseline hit EMFILE.)
 * Requests beyond the pool wait here, and that wait counts in their latency.
 */
const sendAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function postJson(url: string, token: string, payload: unknown): Promise<{ status: number; json: unknown }> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent: sendAgent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) });
          } catch (err) {
            reject(err);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const memberCursor = new Map<number, number>();
let httpCursor = 0;
/** Never reset: clientIds stay unique across sweeps (a reused one would return the original message). */
let sendSerial = 0;

async function sendOne(roomIdx: number, body: string, measured: boolean): Promise<boolean> {
  const room = init.rooms[roomIdx] as GenRoom;
  const turn = memberCursor.get(roomIdx) ?? 0;
  memberCursor.set(roomIdx, turn + 1);
  const sender = room.members[turn % room.members.length];
  if (!sender) return false;
  const base = init.httpUrls[httpCursor++ % init.httpUrls.length];
  const clientId = `${init.runId}-${init.workerId}-${sendSerial++}`;
  const started = performance.now();
  if (measured && init.traceSends) sendTimes.push([clientId, performance.timeOrigin + started]);
  inflight++;
  try {
    const res =
      init.target === 'parley'
        ? await postJson(`${base}/graphql`, sender.token, {
            query: init.sendMutation,
            variables: { input: { roomId: room.id, clientId, body } },
          })
        : await postJson(`${base}/send`, sender.token, { roomId: room.id, clientId, body });
    const json = res.json as { errors?: Array<{ message: string }> };
    if (res.status < 200 || res.status >= 300 || json.errors?.length) {
      noteError(json.errors?.[0]?.message ?? `HTTP ${res.status}`);
      return false;
    }
    if (measured) sendLatency.recordValue(Math.max(1, Math.round((performance.now() - started) * 1000)));
    return true;
  } catch (e) {
    noteError(e);
    return false;
  } finally {
    inflight--;
  }
}

async function warmup(rounds: number, roundTimeoutMs: number): Promise<Reply> {
  let round = 0;
  for (; round < rounds; round++) {
    const cold = [...roomSubs.entries()].filter(([, list]) => list.some((s) => !s.warm)).map(([r]) => r);
    if (cold.length === 0) break;
    // A modest pace, so warm-up itself does not overload a small machine.
    for (let i = 0; i < cold.length; i += 50) {
      await Promise.all(cold.slice(i, i + 50).map((r) => sendOne(r, `warm:${init.runId}:${round}`, false)));
    }
    const deadline = performance.now() + roundTimeoutMs;
    while (performance.now() < deadline && subs.some((s) => !s.warm))
      await new Promise((r) => setTimeout(r, 100));
  }
  return { type: 'warm', warm: subs.filter((s) => s.warm).length, total: subs.length, rounds: round };
}

async function sendAtRate(rate: number, durationS: number): Promise<void> {
  const roomIdxs = [...roomSubs.keys()];
  if (roomIdxs.length === 0 || rate <= 0) return;
  loopDelay.reset();
  const start = performance.now();
  sendStart = start;
  const end = start + durationS * 1000;
  let due = 0;
  let cursor = 0;
  const pending = new Set<Promise<void>>();
  while (performance.now() < end) {
    const target = Math.floor(((performance.now() - start) / 1000) * rate);
    while (due < target) {
      due++;
      if (inflight >= init.maxInflight) {
        counters.sendSkipped++;
        continue;
      }
      const r = roomIdxs[cursor++ % roomIdxs.length] as number;
      const n = counters.sent++;
      const p = sendOne(r, `${prefix}${n}:${performance.now()}`, true).then((ok) => {
        if (ok) {
          counters.sendOk++;
          counters.expected += roomSubs.get(r)?.length ?? 0;
        } else counters.sendErrors++;
      });
      pending.add(p);
      void p.finally(() => pending.delete(p));
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(pending);
}

function report(): WorkerReport {
  return {
    workerId: init.workerId,
    connections: connected,
    ...counters,
    latency: hdr.encodeIntoCompressedBase64(latency),
    sendLatency: hdr.encodeIntoCompressedBase64(sendLatency),
    timeline,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    loopDelayMaxMs: loopDelay.max / 1e6,
    firstError,
    ...(init.traceSends ? { sendTimes } : {}),
  };
}

process.on('message', (cmd: Command) => {
  const run = async (): Promise<Reply | undefined> => {
    switch (cmd.type) {
      case 'init':
        init = cmd;
        prefix = `${cmd.runId}:${cmd.workerId}:`;
        loopDelay.enable();
        return undefined;
      case 'connect':
        return connectAll();
      case 'warmup':
        return warmup(cmd.rounds, cmd.roundTimeoutMs);
      case 'send':
        await sendAtRate(cmd.rate, cmd.durationS);
        return { type: 'sent' };
      case 'reset':
        latency.reset();
        sendLatency.reset();
        sendTimes = [];
        loopDelay.reset();
        timeline = { count: [], sumUs: [], maxUs: [] };
        for (const k of Object.keys(counters) as Array<keyof typeof counters>)
          if (k !== 'connectFailed' && k !== 'dropped') counters[k] = 0;
        firstError = undefined;
        prefix = `${init.runId}:${init.workerId}:${++generation}:`;
        return { type: 'reset' };
      case 'status':
        return { type: 'status', received: counters.received, expected: counters.expected };
      case 'report':
        return { type: 'report', report: report() };
      case 'close':
        for (const s of subs) s.dispose();
        setTimeout(() => process.exit(0), 500).unref();
        return undefined;
    }
  };
  run().then(
    (r) => r && reply(r),
    (e) => reply({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
