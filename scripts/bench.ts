import path from 'node:path';
import { parseArgs, single, UsageError } from '../lib/cli/args';
import { DEFAULT_BENCH, runBench } from '../lib/bench/run-bench';

const USAGE =
  'usage: npm run bench [-- --corpus DIR] [--rounds N] [--connections N] [--duration SECONDS] [--requests N] [--vectors N] [--million] [--archive DOCUMENTS] [--port N] [--no-http] [--no-build] [--check]';

function positiveInt(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
  return n;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    values: ['corpus', 'rounds', 'connections', 'duration', 'requests', 'vectors', 'archive', 'port'],
    flags: ['no-http', 'no-build', 'check', 'help', 'million'],
  });
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const started = performance.now();
  const { table, rows } = await runBench({
    root: process.cwd(),
    corpusDir: path.resolve(single(args, 'corpus') ?? 'corpus'),
    rounds: positiveInt(single(args, 'rounds'), 'rounds', DEFAULT_BENCH.rounds, 20),
    connections: positiveInt(single(args, 'connections'), 'connections', DEFAULT_BENCH.connections, 200),
    durationSeconds: positiveInt(single(args, 'duration'), 'duration', DEFAULT_BENCH.durationSeconds, 120),
    maxRequests: positiveInt(single(args, 'requests'), 'requests', DEFAULT_BENCH.maxRequests, 100_000),
    scaleVectors: positiveInt(single(args, 'vectors'), 'vectors', DEFAULT_BENCH.scaleVectors, 1_000_000),
    scaleQueries: DEFAULT_BENCH.scaleQueries,
    million: args.flags.has('million'),
    archiveDocuments: single(args, 'archive') === undefined ? undefined : positiveInt(single(args, 'archive'), 'archive', 0, 100_000),
    port: single(args, 'port') === undefined ? undefined : positiveInt(single(args, 'port'), 'port', 0, 65_535),
    skipHttp: args.flags.has('no-http'),
    useExistingBuild: args.flags.has('no-build'),
    log: (line) => console.log(line),
  });
  console.log(`\n${table}\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // a report by default; --check turns a missed budget into a failing exit code
  return args.flags.has('check') && rows.some((r) => r.pass === false) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = e as Error;
    console.error(`bench failed: ${err instanceof UsageError ? err.message : (err.stack ?? String(err))}`);
    if (err instanceof UsageError) console.error(USAGE);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
