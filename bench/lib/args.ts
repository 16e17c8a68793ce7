/**
 * Tiny flag parser: every scenario declares its flags with defaults, and
 * `--name value` / `--name=value` / `--flag` / `--no-flag` override them.
 * Unknown flags are an error, so a typo never silently runs the default.
 */
export type FlagValue = number | string | boolean;
export type FlagSpec = Record<string, { default: FlagValue; help: string }>;
export type Flags<S extends FlagSpec> = {
  [K in keyof S]: S[K]['default'] extends number
    ? number
    : S[K]['default'] extends boolean
      ? boolean
      : string;
};

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function parseFlags<S extends FlagSpec>(spec: S, argv: readonly string[]): Flags<S> {
  const out: Record<string, FlagValue> = {};
  for (const [k, v] of Object.entries(spec)) out[k] = v.default;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    let [name, value] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    let negated = false;
    if (!(camel(name) in spec) && name.startsWith('no-') && camel(name.slice(3)) in spec) {
      name = name.slice(3);
      negated = true;
    }
    const key = camel(name);
    const def = spec[key];
    if (!def) throw new Error(`Unknown flag --${name} (try --help)`);
    if (typeof def.default === 'boolean') {
      out[key] = negated ? false : value === undefined ? true : !['0', 'false', 'no', 'off'].includes(value);
      continue;
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
    }
    if (typeof def.default === 'number') {
      const n = Number(value.replace(/_/g, ''));
      if (!Number.isFinite(n)) throw new Error(`--${name} must be a number (got "${value}")`);
      out[key] = n;
    } else out[key] = value;
  }
  return out as Flags<S>;
}

export function flagHelp(spec: FlagSpec): string {
  return Object.entries(spec)
    .map(([k, v]) => `  --${kebab(k).padEnd(22)} ${v.help} (default: ${JSON.stringify(v.default)})`)
    .join('\n');
}
