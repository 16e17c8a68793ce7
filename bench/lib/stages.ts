/**
 * `fanout --stages`: where a delivery's latency goes. The server marks each
 * sent message's stages (server/src/modules/messages/messages.send-trace.ts,
 * `SEND_TRACE_FILE`); the generator keeps each measured send's clientId and
 * send time. Joined by clientId, consecutive stages give the time spent
 * between them: waiting to be read by the server's event loop (sent →
 * arrived), GraphQL and authentication (→ resolving), waiting for a statement
 * slot (queued → writing), the statement (→ written), and publishing in the
 * room's order (committed → published). All times are absolute milliseconds
 * (`performance.timeOrigin + performance.now()`) on one machine.
 */
import { readFileSync } from 'node:fs';
import { SEND_STAGES, type SendTraceRecord } from '../../server/src/modules/messages/messages.send-trace.ts';
import { type Row, round } from './report.ts';

/** The generator's side: [clientId, absolute send time in ms] per measured send. */
export type SendTimes = Array<[string, number]>;

const STAGES = ['sent', ...SEND_STAGES] as const;

export interface StageSummary {
  /** Measured sends found in the server's trace with every stage. */
  traced: number;
  sends: number;
  /** Per interval `a→b`: milliseconds, p50 / p90 / p99 / mean. */
  intervals: Record<string, { p50: number; p90: number; p99: number; mean: number }>;
  /** Messages in the statement that wrote each send. */
  batch: { p50: number; p90: number; max: number; mean: number };
}

/** The records of one or more trace files, by clientId. */
export function readTraces(files: readonly string[]): Map<string, SendTraceRecord> {
  const byId = new Map<string, SendTraceRecord>();
  for (const file of files)
    for (const r of JSON.parse(readFileSync(file, 'utf8')) as SendTraceRecord[]) byId.set(r.clientId, r);
  return byId;
}

const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export function summariseStages(
  sends: SendTimes,
  traces: ReadonlyMap<string, SendTraceRecord>,
): StageSummary {
  const rows: Array<Record<string, number>> = [];
  for (const [clientId, sent] of sends) {
    const r = traces.get(clientId);
    if (!r || SEND_STAGES.some((s) => r[s] === undefined)) continue;
    rows.push({ ...(r as unknown as Record<string, number>), sent });
  }
  const intervals: StageSummary['intervals'] = {};
  const spans: Array<[string, string]> = STAGES.slice(1).map((b, i) => [STAGES[i] as string, b]);
  spans.push(['sent', 'published']);
  for (const [a, b] of spans) {
    const d = rows.map((r) => (r[b] as number) - (r[a] as number)).sort((x, y) => x - y);
    intervals[`${a}→${b}`] = {
      p50: round(pct(d, 0.5), 2),
      p90: round(pct(d, 0.9), 2),
      p99: round(pct(d, 0.99), 2),
      mean: round(d.reduce((s, x) => s + x, 0) / (d.length || 1), 2),
    };
  }
  const batch = rows.map((r) => r.batch ?? 1).sort((x, y) => x - y);
  return {
    traced: rows.length,
    sends: sends.length,
    intervals,
    batch: {
      p50: pct(batch, 0.5),
      p90: pct(batch, 0.9),
      max: batch[batch.length - 1] ?? 0,
      mean: round(batch.reduce((s, x) => s + x, 0) / (batch.length || 1), 1),
    },
  };
}

/** One table row per summary: each interval as `p50 / p99` ms. */
export function stageRow(label: Row, s: StageSummary): Row {
  const row: Row = { ...label, traced: `${s.traced}/${s.sends}` };
  for (const [k, v] of Object.entries(s.intervals)) row[k] = `${v.p50} / ${v.p99}`;
  row['batch p50/p90/max'] = `${s.batch.p50} / ${s.batch.p90} / ${s.batch.max}`;
  return row;
}
