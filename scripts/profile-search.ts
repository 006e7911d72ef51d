import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs, single, UsageError } from '../lib/cli/args';
import { dumpSearches, EXTRA_QUERIES, formatProfile, profileSearches, StoredQueryVectors } from '../lib/bench/search-profile';
import { IndexReader } from '../lib/db/index-reader';
import { resolveIndexPath } from '../lib/db/open';
import { loadEmbedder } from '../lib/embed';
import { loadJudgedSet } from '../lib/search/eval/run-eval';

const USAGE = 'usage: npx tsx scripts/profile-search.ts [--db PATH] [--rounds N] [--dump FILE] [--vectors FILE]';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { values: ['db', 'rounds', 'dump', 'vectors'], flags: ['help'] });
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const rounds = Number(single(args, 'rounds') ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError('--rounds must be a positive whole number');
  const reader = IndexReader.open(resolveIndexPath(single(args, 'db')));
  const { embedder: id, dimension } = reader.summary();
  const vectors = new StoredQueryVectors(id, dimension, path.resolve(single(args, 'vectors') ?? '.cache/profile-query-vectors.json'), () =>
    loadEmbedder(id, { allowRemote: false }),
  );
  try {
    const judged = loadJudgedSet().queries.map((q) => q.query);
    const dump = single(args, 'dump');
    if (dump) {
      writeFileSync(dump, `${JSON.stringify(await dumpSearches(reader, vectors, [...judged, ...EXTRA_QUERIES]), null, 1)}\n`);
      console.log(`wrote every field of every search to ${dump}`);
    }
    // vectors for every judged query first, so the timed loop never waits for the model
    await vectors.embed(judged, 'query');
    vectors.save();
    const load = loadavg().map((l) => l.toFixed(2));
    console.log(`load average before: ${load.join(' ')}`);
    console.log(formatProfile(await profileSearches(reader, vectors, judged, rounds)));
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    vectors.save();
    return 0;
  } finally {
    reader.close();
    await vectors.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof UsageError ? `${e.message}\n${USAGE}` : e);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
