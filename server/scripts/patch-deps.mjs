/**
 * Patches installed dependencies where their published code costs us and no
 * release fixes it yet (run by `postinstall`; idempotent; fails loudly when a
 * dependency changed so that a patch no longer applies, rather than silently
 * shipping without it). Plain JavaScript, so it runs under any Node version
 * npm happens to use.
 *
 * graphql-jit 0.8.9, mutations: the compiled operation returns
 * `new Promise(resolve => __context.finalResolve = resolve)`, created inside
 * the generated function. Every request that ran a mutation through it then
 * outlived V8's young-generation collections (reproduced with graphql-jit
 * alone: an async mutation at 500/s promoted ~6 MB per scavenge against ~10 KB
 * for the same resolver as a query; BENCHMARKS.md, entry 62), so each
 * `sendMessage` went to the old generation whole and major GCs came every few
 * seconds. The same promise made by a runtime helper (as graphql-jit already
 * does for queries, `finalizeResult`) does not: the generated code calls
 * `__context.rt.serialPromise(__context)` instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const patches = [
  {
    pkg: 'graphql-jit',
    version: '0.8.9',
    files: ['dist/execution.js', 'dist/execution.mjs'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: graphql-jit's code generator template, as written
    from: 'return new Promise(resolve => ${GLOBAL_EXECUTION_CONTEXT}.finalResolve = resolve);',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: graphql-jit's code generator template, as written
    to: 'return ${GLOBAL_RUNTIME_NAME}.serialPromise(${GLOBAL_EXECUTION_CONTEXT});',
  },
  {
    pkg: 'graphql-jit',
    version: '0.8.9',
    files: ['dist/runtime.js', 'dist/runtime.mjs'],
    from: '  finalizeResult(ctx) {',
    to: [
      '  // Patched by parley (server/scripts/patch-deps.mjs): the promise of a mutation.',
      '  serialPromise(ctx) {',
      '    return new Promise((resolve) => {',
      '      ctx.finalResolve = resolve;',
      '    });',
      '  },',
      '  finalizeResult(ctx) {',
    ].join('\n'),
  },
];

let failed = false;
for (const patch of patches) {
  const root = path.dirname(require.resolve(`${patch.pkg}/package.json`));
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (version !== patch.version) {
    console.error(
      `patch-deps: ${patch.pkg} is ${version}, the patch is for ${patch.version}: check whether it is still needed`,
    );
    failed = true;
    continue;
  }
  for (const file of patch.files) {
    const target = path.join(root, file);
    const text = readFileSync(target, 'utf8');
    if (text.includes(patch.to)) continue; // already applied
    if (!text.includes(patch.from)) {
      console.error(`patch-deps: ${patch.pkg}/${file} does not contain the text to patch`);
      failed = true;
      continue;
    }
    writeFileSync(target, text.replace(patch.from, patch.to));
  }
}
if (failed) process.exit(1);
