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
 *
 * graphql-jit 0.8.9, leaf fields: every String, ID, Boolean, Int and Float
 * value went through `rt.checkNonNullLeaf` / `checkNullableLeaf` and the
 * scalar's `leafSerializer`, with arguments built for the error path on every
 * call (an array of locations with an object in it, the response path as an
 * array, rest-parameter arrays): thousands of calls and allocations per room
 * list page, for values that are already what `serialize` returns. The
 * generated code now first tests the value (`typeof v === "string"` and the
 * like, exactly the cases in which graphql-js' serializer returns its input)
 * and only calls the checks otherwise; likewise an enum value that is one of
 * the enum's names (for enums whose values are their names), and null for a
 * nullable leaf. Custom scalars (their null aside) and scalars with a custom
 * serializer are untouched (BENCHMARKS.md, entry 68).
 *
 * graphql-jit 0.8.9, resolve info: every resolver call built a
 * `GraphQLResolveInfo` (ten fields) and its response path (one object per
 * level, six for a room's last message's sender) whether the resolver read
 * it or not. A resolver declared with one to three parameters cannot read
 * its fourth, so the generated code now passes `undefined` there; one that
 * declares `info` (four parameters) gets it as before. A room list page made
 * ~400 of them, 11 % of the page's allocations (BENCHMARKS.md, entry 71).
 * `jit-resolve-info.test.ts` keeps our resolvers' parameter lists plain (no rest or
 * default parameters, which `Function.length` does not count).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The leaf fast path inserted into graphql-jit's code generator;
 * `isSpecified` is how that build names graphql's `isSpecifiedScalarType`.
 */
function fastLeafCode(isSpecified) {
  return [
    '// Patched by parley (server/scripts/patch-deps.mjs): a leaf value already in output form is used as it',
    "// is, and a nullable leaf's null is null; the checks and the serializer (and the arguments of their error",
    '// path) run only for other values.',
    'const PARLEY_FAST_LEAF = {',
    "  String: (v) => 'typeof ' + v + ' === \"string\"',",
    "  ID: (v) => 'typeof ' + v + ' === \"string\"',",
    "  Boolean: (v) => 'typeof ' + v + ' === \"boolean\"',",
    "  Int: (v) => 'typeof ' + v + ' === \"number\" && (' + v + ' | 0) === ' + v,",
    "  Float: (v) => 'typeof ' + v + ' === \"number\" && isFinite(' + v + ')',",
    '};',
    '/** For an enum whose values are their own names (up to 16): the value is one of them. */',
    'function parleyEnumTest(type) {',
    "  if (typeof type.getValues !== 'function') return undefined;",
    '  const values = type.getValues();',
    '  if (values.length === 0 || values.length > 16 || values.some((e) => e.value !== e.name)) return undefined;',
    "  return (v) => '(' + values.map((e) => v + ' === ' + JSON.stringify(e.name)).join(' || ') + ')';",
    '}',
    'function parleyFastLeaf(context, type, sourcePath, nullable, call) {',
    '  if (context.options.customSerializers[type.name]) return call;',
    `  const test = ${isSpecified}(type) ? PARLEY_FAST_LEAF[type.name] : parleyEnumTest(type);`,
    "  const known = test ? test(sourcePath) + ' ? ' + sourcePath + ' : ' + call : call;",
    "  return nullable ? '(' + sourcePath + ' == null ? null : ' + known + ')' : test ? '(' + known + ')' : call;",
    '}',
    'function getSerializer(scalar, customSerializer) {',
  ].join('\n');
}

const JIT = { pkg: 'graphql-jit', version: '0.8.9' };

/**
 * The generator's `return` of one leaf check (`checkNonNullLeaf` takes the
 * null message as an extra argument), wrapped in `parleyFastLeaf`.
 */
function leafCheckPatch(check, nullMsgArg, nullable) {
  const call =
    // biome-ignore lint/suspicious/noTemplateCurlyInString: graphql-jit's code generator template, as written
    '`${GLOBAL_RUNTIME_NAME}.' +
    check +
    // biome-ignore lint/suspicious/noTemplateCurlyInString: graphql-jit's code generator template, as written
    '(${GLOBAL_EXECUTION_CONTEXT}, ${sourcePath}, ${dest}, ' +
    nullMsgArg +
    // biome-ignore lint/suspicious/noTemplateCurlyInString: graphql-jit's code generator template, as written
    '${locs}, ${path}, ${capStack}, ${serializerRef}, ${errHandler}${extraIndexes})`';
  return {
    ...JIT,
    files: ['dist/execution.js', 'dist/execution.mjs'],
    from: `return ${call};`,
    to: `return parleyFastLeaf(context, innerType, sourcePath, ${nullable}, ${call});`,
  };
}

const patches = [
  {
    ...JIT,
    files: ['dist/execution.js', 'dist/execution.mjs'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: graphql-jit's code generator template, as written
    from: 'return new Promise(resolve => ${GLOBAL_EXECUTION_CONTEXT}.finalResolve = resolve);',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: graphql-jit's code generator template, as written
    to: 'return ${GLOBAL_RUNTIME_NAME}.serialPromise(${GLOBAL_EXECUTION_CONTEXT});',
  },
  {
    ...JIT,
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
  {
    ...JIT,
    files: ['dist/execution.js', 'dist/execution.mjs'],
    from: '  const executionInfo = getExecutionInfo(\n    subContext,',
    to: [
      '  // Patched by parley (server/scripts/patch-deps.mjs): a resolver that declares fewer than four',
      '  // parameters never reads its resolve info, so none is built for it.',
      '  const parleyResolve = parentType.getFields()[fieldName]?.resolve;',
      "  const parleyNoInfo = typeof parleyResolve === 'function' && parleyResolve.length > 0 && parleyResolve.length < 4;",
      '  const executionInfo = parleyNoInfo ? "undefined" : getExecutionInfo(',
      '    subContext,',
    ].join('\n'),
  },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: graphql-jit's code generator template, as written
  leafCheckPatch('checkNonNullLeaf', '${nullMsg}, ', false),
  leafCheckPatch('checkNullableLeaf', '', true),
  // The fast path's code itself, where each build names `isSpecifiedScalarType` its own way.
  ...[
    ['dist/execution.js', '(0, import_graphql.isSpecifiedScalarType)'],
    ['dist/execution.mjs', 'isSpecifiedScalarType'],
  ].map(([file, isSpecified]) => ({
    ...JIT,
    files: [file],
    from: 'function getSerializer(scalar, customSerializer) {',
    to: fastLeafCode(isSpecified),
  })),
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
