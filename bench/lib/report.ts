/** One table per scenario on stdout, and the same data as JSON under bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Histogram } from 'hdr-histogram-js';
import { ROOT } from './servers.ts';

/** Load average when the harness started (the machine may be shared). */
const loadAtStart = os.loadavg();

export type Row = Record<string, string | number | boolean | null>;

export function machineFacts() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: os.loadavg(),
    hostname: os.hostname(),
  };
}

/** Percentiles of a µs histogram, in ms. */
export function percentilesMs(h: Histogram) {
  const ms = (v: number) => Math.round(v / 10) / 100;
  if (h.totalCount === 0) return { p50: null, p90: null, p99: null, max: null, count: 0 };
  return {
    p50: ms(h.getValueAtPercentile(50)),
    p90: ms(h.getValueAtPercentile(90)),
    p99: ms(h.getValueAtPercentile(99)),
    max: ms(h.maxValue),
    count: h.totalCount,
  };
}

export const round = (v: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** a / b to two decimals; null unless both are numbers and b is positive. */
export const ratio = (a: unknown, b: unknown): number | null =>
  typeof a === 'number' && typeof b === 'number' && b > 0 ? round(a / b, 2) : null;

export function printTable(title: string, rows: readonly Row[]): void {
  if (rows.length === 0) {
    process.stdout.write(`\n${title}\n(no rows)\n`);
    return;
  }
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === null || v === undefined ? '–' : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const out = [
    '',
    title,
    line(cols),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map((r) => line(cols.map((c) => cell(r[c])))),
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Writes `<dir>/<scenario>-<timestamp>.json`; returns its path. */
export function writeResult(
  dir: string,
  scenario: string,
  data: { parameters: unknown; results: unknown; notes?: string[]; startedAt: Date },
): string {
  const outDir = path.resolve(ROOT, dir);
  mkdirSync(outDir, { recursive: true });
  const stamp = data.startedAt.toISOString().replace(/[:.]/g, '-');
  const file = path.join(outDir, `${scenario}-${stamp}.json`);
  const doc = {
    scenario,
    startedAt: data.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machineFacts(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
    parameters: data.parameters,
    results: data.results,
    notes: data.notes ?? [],
  };
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  process.stdout.write(`results: ${path.relative(process.cwd(), file)}\n`);
  return file;
}
