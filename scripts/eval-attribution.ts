import path from 'node:path';
import { parseArgs, single, UsageError } from '../lib/cli/args';
import { CorpusError } from '../lib/corpus/read-source';
import {
  AnnotationError,
  EVAL_DIR,
  type DocumentScore,
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
  const bySet = sets.map((set) => ({ set, scores: loadEvalSet(path.join(EVAL_DIR, SET_DIRS[set])).map(evaluateDocument) }));
  const all = bySet.flatMap((b) => b.scores);
  if (args.flags.has('json')) {
    const withRate = (s: DocumentScore) => ({ ...s, rate: rate(s) });
    const total = totalScore(all);
    console.log(
      JSON.stringify(
        {
          set: setArg,
          sets: bySet.map((b) => ({ set: b.set, documents: b.scores.map(withRate), total: { ...withRate(totalScore(b.scores)), documents: b.scores.length } })),
          total: { ...withRate(total), documents: all.length },
        },
        null,
        2,
      ),
    );
    return 0;
  }
  for (const b of bySet) {
    console.log(`## Attribution on the ${b.set} set (${b.scores.length} documents)\n`);
    console.log(formatTable(b.scores));
    console.log('');
  }
  if (bySet.length > 1) {
    const t = totalScore(all);
    console.log(
      `All ${all.length} documents: ${t.right} of ${t.annotated} quotes with the right speaker (rate ${rate(t).toFixed(2)}), ${t.wrong} wrong, ${t.unattributed} unattributed, ${t.missed} missed, ${t.attributedNonQuotes} attributed non-quotes\n`,
    );
  }
  console.log('rate = quotes with the right speaker / annotated quotes (a quotation the text leaves without a speaker is right when left unattributed)');
  if (args.flags.has('verbose')) console.log(formatFailures(all));
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
