/**
 * Summarises a V8 `.cpuprofile` (from `--cpu-prof`): self time by function and
 * by file/package, as percentages of all samples, heaviest first.
 *
 *   node bench/profile-summary.ts bench/results/profiles/<file>.cpuprofile [--top 40] [--from S] [--to S]
 *
 * Also prints total (inclusive) time by function: a function's own samples plus
 * those of everything it called, counted once per sample even when recursive.
 * That is where native time (socket writes, GC during allocation) is charged
 * back to the code that caused it.
 *
 * `--from` / `--to` keep only samples taken S seconds after the profile started
 * (e.g. skip connection set-up and keep the sending phase).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.ts <file.cpuprofile> [--top N]');
  process.exit(2);
}
const topIdx = rest.indexOf('--top');
const top = topIdx >= 0 ? Number(rest[topIdx + 1]) : 40;
const flag = (name: string, dflt: number) => {
  const i = rest.indexOf(name);
  return i >= 0 ? Number(rest[i + 1]) : dflt;
};
const fromUs = flag('--from', 0) * 1e6;
const toUs = flag('--to', Number.POSITIVE_INFINITY) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

// Self time per node = sum of the time deltas of the samples that landed on it.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
const perSecond: number[] = [];
let elapsed = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i] as number;
  const dt = profile.timeDeltas[i] ?? 0;
  elapsed += dt;
  if (elapsed < fromUs || elapsed > toUs) continue;
  const sec = Math.floor(elapsed / 1e6);
  const name = byId.get(id)?.callFrame.functionName;
  // Busy time per second (idle samples excluded), to find the phases of a run.
  if (name !== '(idle)') perSecond[sec] = (perSecond[sec] ?? 0) + dt;
  selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
}
let total = 0;
for (const v of selfUs.values()) total += v;

/** node_modules/<pkg> (or @scope/pkg), server/src/..., node:internal, or (native). */
function where(url: string): string {
  if (!url) return '(native/vm)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 13).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  const src = url.indexOf('/server/src/');
  if (src >= 0) return url.slice(src + 1);
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return url;
}

const fnTotals = new Map<string, number>();
const fileTotals = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id);
  if (!n) continue;
  const { functionName, url, lineNumber } = n.callFrame;
  const w = where(url);
  const fn = `${functionName || '(anonymous)'}  ${w}${url ? `:${lineNumber + 1}` : ''}`;
  fnTotals.set(fn, (fnTotals.get(fn) ?? 0) + us);
  fileTotals.set(w, (fileTotals.get(w) ?? 0) + us);
}

const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  const rows = [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, v] of rows) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
console.log(
  `busy ms per second since start: ${perSecond.map((v, i) => `${i}:${Math.round((v ?? 0) / 1e3)}`).join(' ')}`,
);
print('self time by function', fnTotals);

// Inclusive time: walk each sampled node up to the root via a parent map.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: ProfileNode) => {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || '(anonymous)'}  ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
};
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur);
    if (!n) break;
    const k = label(n);
    if (k.startsWith('(root)') || seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
}
print('total (inclusive) time by function', inclusive);
print('self time by file / package', fileTotals);
