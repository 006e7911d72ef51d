import path from 'node:path';
import { parseArgs, single, UsageError } from '../lib/cli/args';
import { CorpusError } from '../lib/corpus/read-source';
import {
  AnnotationError,
  EVAL_DIR,
  type EvalSet,
  evaluateDocument,
  formatFailures,
  formatTable,
  loadEvalSet,
  rate,
  SET_DIRS,
  totalScore,
} from '../lib/corpus/eval/attribution-eval';

const USAGE = 'usage: npm run eval:attribution [-- --set dev|held-out|all] [--verbose] [--json]';

function main(): number {
  const args = parseArgs(process.argv.slice(2), { values: ['set'], flags: ['verbose', 'json', 'help'] });
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const setArg = single(args, 'set') ?? 'dev';
  if (setArg !== 'dev' && setArg !== 'held-out' && setArg !== 'all') throw new UsageError('--set must be dev, held-out or all');
  const sets: EvalSet[] = setArg === 'all' ? ['dev', 'held-out'] : [setArg];
  const docs = sets.flatMap((s) => loadEvalSet(path.join(EVAL_DIR, SET_DIRS[s])));
  const scores = docs.map(evaluateDocument);
  if (args.flags.has('json')) {
    const total = totalScore(scores);
    console.log(
      JSON.stringify(
        { set: setArg, documents: scores.map((s) => ({ ...s, rate: rate(s) })), total: { ...total, documents: scores.length, rate: rate(total) } },
        null,
        2,
      ),
    );
    return 0;
  }
  console.log(`Attribution on the ${setArg === 'all' ? 'dev and held-out sets' : `${setArg} set`} (${scores.length} documents)\n`);
  console.log(formatTable(scores));
  console.log('\nrate = whole quotes with the right speaker / annotated quotes (a quote the text leaves anonymous is right when left unattributed)');
  if (args.flags.has('verbose')) console.log(formatFailures(scores));
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`${e.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (e instanceof AnnotationError || e instanceof CorpusError) {
    console.error(`error: ${e.message}`);
    process.exitCode = 2;
  } else throw e;
}
