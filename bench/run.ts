/**
 * `npm run bench -- <scenario> [--flags]`: fanout, baseline, idle, queries,
 * scale-out, jobs. Each prints one table and writes JSON to bench/results/.
 * `npm run bench -- <scenario> --help` lists the scenario's flags and defaults.
 */
import { type FlagSpec, flagHelp, parseFlags } from './lib/args.ts';
import { fanout, fanoutFlags, scaleOut } from './scenarios/fanout.ts';
import { idle, idleFlags } from './scenarios/idle.ts';
import { jobs, jobsFlags } from './scenarios/jobs.ts';
import { queries, queriesFlags } from './scenarios/queries.ts';

interface Scenario {
  about: string;
  flags: FlagSpec;
  // biome-ignore lint/suspicious/noExplicitAny: each scenario takes its own parsed flags
  run(flags: any): Promise<void>;
}

const scenarios: Record<string, Scenario> = {
  fanout: {
    about:
      'S subscribers in rooms of 10, R msg/s via sendMessage; Parley and the raw-ws baseline, with ratios',
    flags: fanoutFlags,
    run: fanout,
  },
  baseline: {
    about: 'the fanout load against the raw-ws baseline only (same as fanout --target baseline)',
    flags: fanoutFlags,
    run: (f) => fanout({ ...f, target: 'baseline' }),
  },
  idle: {
    about: 'N authenticated connections with one subscription each; RSS and heap per connection',
    flags: idleFlags,
    run: idle,
  },
  queries: {
    about: 'autocannon: room list (200 rooms), a history page, sendMessage/s',
    flags: queriesFlags,
    run: queries,
  },
  'scale-out': {
    about: 'fanout on 2 instances + Redis vs 1 instance',
    flags: fanoutFlags,
    run: scaleOut,
  },
  jobs: { about: 'lateness of N reminders due at the same instant (pg-boss)', flags: jobsFlags, run: jobs },
};

function usage(): string {
  return [
    'usage: npm run bench -- <scenario> [--flags]   (--help after a scenario lists its flags)',
    '',
    ...Object.entries(scenarios).map(([name, s]) => `  ${name.padEnd(10)} ${s.about}`),
  ].join('\n');
}

const [name, ...rest] = process.argv.slice(2);
const scenario = name ? scenarios[name] : undefined;
if (!scenario) {
  process.stderr.write(`${usage()}\n`);
  process.exit(name ? 2 : 0);
}
if (rest.includes('--help') || rest.includes('-h')) {
  process.stdout.write(`${name}: ${scenario.about}\n\n${flagHelp(scenario.flags)}\n`);
  process.exit(0);
}
let flags: unknown;
try {
  flags = parseFlags(scenario.flags, rest);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
try {
  await scenario.run(flags);
  process.exit(0);
} catch (err) {
  process.stderr.write(
    `bench ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
}
