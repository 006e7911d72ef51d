import { benchPages, formatPageWeights, weighPage } from '../lib/bench/page-weight';
import { startServer } from '../lib/bench/server';
import { parseArgs, single, UsageError } from '../lib/cli/args';
import { resolveIndexPath } from '../lib/db/open';

// Weighs the search, compare and document pages of a production build: HTML markup vs RSC payload, and time to first byte.
const USAGE = 'usage: npx tsx scripts/page-weight.ts [--db PATH] [--url http://127.0.0.1:PORT (a running server) | --port N (start next start)]';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { values: ['db', 'url', 'port'], flags: ['help'] });
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const dbPath = resolveIndexPath(single(args, 'db'));
  const pages = benchPages(dbPath);
  const url = single(args, 'url');
  const port = single(args, 'port');
  if (port !== undefined && !/^\d+$/.test(port)) throw new UsageError('--port must be a number');
  const server = url ? null : await startServer(process.cwd(), dbPath, 300_000, port === undefined ? undefined : Number(port));
  try {
    const weights = [];
    for (const p of pages) weights.push(await weighPage(url ?? server!.url, p));
    console.log(formatPageWeights(weights));
  } finally {
    await server?.stop();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = e as Error;
    console.error(`page-weight failed: ${err instanceof UsageError ? err.message : (err.stack ?? String(err))}`);
    if (err instanceof UsageError) console.error(USAGE);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
