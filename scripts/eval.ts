import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, single, UsageError } from '../lib/cli/args';
import { IndexReader } from '../lib/db/index-reader';
import { resolveIndexPath } from '../lib/db/open';
import { loadEmbedder } from '../lib/embed';
import { parseCorpus } from '../lib/ingest/ingest';
import {
  checkVariant,
  formatFailures,
  formatVariant,
  loadJudgedSet,
  MIN_RECALL,
  paraphraseBoundRecall,
  runEval,
  type EvalKind,
} from '../lib/search/eval/run-eval';
import { calibrateFloor, formatCalibration } from '../lib/search/eval/floor-calibration';
import { buildTempIndex, type TempIndex } from '../lib/search/eval/temp-index';

const USAGE = 'usage: npm run eval [-- --db PATH] [--corpus DIR] [--kind quotes|all] [--check]';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { values: ['db', 'corpus', 'kind'], flags: ['check', 'help'] });
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const kindArg = single(args, 'kind');
  if (kindArg !== undefined && kindArg !== 'quotes' && kindArg !== 'all') throw new UsageError('--kind must be quotes or all');
  const corpusDir = path.resolve(single(args, 'corpus') ?? 'corpus');
  let dbPath = resolveIndexPath(single(args, 'db'));
  let temp: TempIndex | null = null;
  if (!existsSync(dbPath)) {
    console.log(
      `No index at ${path.relative(process.cwd(), dbPath)}: building a temporary one from ${path.relative(process.cwd(), corpusDir)} with the bundled model…`,
    );
    temp = await buildTempIndex(corpusDir, await loadEmbedder('use-lite'));
    dbPath = temp.dbPath;
  }
  try {
    const reader = IndexReader.open(dbPath);
    const summary = reader.summary();
    if (existsSync(corpusDir) && (await parseCorpus(corpusDir)).hash !== summary.corpusHash)
      console.log(
        `warning: ${path.relative(process.cwd(), dbPath)} was built from a different corpus than ${path.relative(process.cwd(), corpusDir)}; run npm run ingest for current figures`,
      );
    const embedder = await loadEmbedder(summary.embedder, { allowRemote: false });
    const judged = loadJudgedSet();
    const kinds: EvalKind[] = kindArg === 'quotes' || kindArg === 'all' ? [kindArg] : ['quotes', 'all'];
    const reports = await runEval(reader, embedder, judged, { kinds });
    console.log(
      `Judged queries: ${judged.queries.length}; index ${path.relative(process.cwd(), dbPath) || dbPath} (${summary.chunks} chunks, ${summary.quotes} quotes, model ${summary.embedder})\n`,
    );
    for (const r of reports) console.log(`${formatVariant(r)}\n`);
    console.log(formatFailures(reports[0]));
    console.log(
      `\nCeiling with this embedding: every keyword and name query perfect and each paraphrase at the best recall any method reaches on it would give recall@5 ${paraphraseBoundRecall(reports[0]).toFixed(3)} (kind ${reports[0].kind}).`,
    );
    console.log(`\n${formatCalibration(await calibrateFloor(reader, embedder, judged), judged.queries.length)}`);
    // the contract is the quotes filter (interview + quote); the 'all' table is for information
    const problems = checkVariant(reports[0]);
    const target = `hybrid ahead of every single method on recall@5, MRR and nDCG@10, with recall@5 ≥ ${MIN_RECALL} (kind ${reports[0].kind})`;
    console.log(problems.length ? `\nTarget NOT met (${target}):\n  ${problems.join('\n  ')}` : `\nTarget met: ${target}.`);
    reader.close();
    return args.flags.has('check') && problems.length ? 1 : 0;
  } finally {
    temp?.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = e as Error;
    console.error(`eval failed: ${err instanceof UsageError ? err.message : (err.stack ?? String(err))}`);
    if (err instanceof UsageError) console.error(USAGE);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
