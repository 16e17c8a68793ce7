/**
 * Summarises a V8 sampling heap profile (`.heapprofile`, e.g. from
 * `--server-env BENCH_PROMOTED_SAMPLE=…`, bench/README.md): bytes by
 * allocating function, then by allocation stack (innermost first).
 *
 *   node bench/heap-profile-summary.ts <file> [--top N] [--stacks N]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, stacks: { type: 'string', default: '15' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: node bench/heap-profile-summary.ts <file.heapprofile> [--top N] [--stacks N]');
  process.exit(2);
}
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: Node };

const label = ({ callFrame: f }: Node) =>
  `${f.functionName || '(anonymous)'}  ${f.url.replace(/.*node_modules\//, '').replace(`file://${process.cwd()}/`, '')}:${f.lineNumber + 1}`;
const bySelf = new Map<string, number>();
const byStack = new Map<string, number>();
let total = 0;
const walk = (node: Node, stack: string[]) => {
  const here = [...stack, label(node)];
  if (node.selfSize > 0) {
    total += node.selfSize;
    bySelf.set(here.at(-1) as string, (bySelf.get(here.at(-1) as string) ?? 0) + node.selfSize);
    const key = here.slice(-6).reverse().join('\n      <- ');
    byStack.set(key, (byStack.get(key) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, here);
};
walk(head, []);

const mb = (n: number) => (n / 1e6).toFixed(2).padStart(8);
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`${file}: ${mb(total)} MB sampled\n\nby allocating function (MB)`);
for (const [k, v] of top(bySelf, Number(values.top))) console.log(`${mb(v)}  ${k}`);
console.log('\nby stack (MB)');
for (const [k, v] of top(byStack, Number(values.stacks))) console.log(`${mb(v)}  ${k}`);
