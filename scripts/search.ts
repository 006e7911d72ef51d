import { parseArgs, single, UsageError } from '../lib/cli/args';
import { warmUpCitations } from '../lib/cite';
import { IndexReader } from '../lib/db/index-reader';
import { resolveIndexPath } from '../lib/db/open';
import { loadEmbedder } from '../lib/embed';
import { parseSearchParams } from '../lib/search/params';
import { NOTICE_TEXT } from '../lib/search/relevance-floor';
import { searchQuotes } from '../lib/search/search';
import { attributionPhrase } from '../lib/ui/attribution';

const USAGE =
  'usage: npm run search -- "<query>" [--speaker <id>]… [--document <id>]… [--kind interview|quote|analysis|quotes|all] [--limit N] [--json] [--db PATH] [--model SPEC]';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { values: ['speaker', 'document', 'kind', 'limit', 'db', 'model'], flags: ['json', 'help'] });
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('give exactly one query (quote it if it has spaces)');
  const params = parseSearchParams({
    q: args.positionals[0],
    speaker: args.values.get('speaker') ?? [],
    document: args.values.get('document') ?? [],
    kind: single(args, 'kind'),
    limit: single(args, 'limit'),
  });
  if (!params.ok) throw new UsageError(params.error);
  const reader = IndexReader.open(resolveIndexPath(single(args, 'db')));
  const embedder = await loadEmbedder(single(args, 'model') ?? reader.summary().embedder, { allowRemote: false });
  // load the model, the citation engines and WordNet first, so tookMs measures the search itself
  await embedder.embed(['warm up'], 'query');
  warmUpCitations();
  await searchQuotes(reader, embedder, { q: 'warm up the search', limit: 1 });
  const response = await searchQuotes(reader, embedder, params.value);
  if (args.flags.has('json')) {
    console.log(JSON.stringify(response, null, 2));
    return 0;
  }
  if (response.notice) console.log(`No results for "${response.query}": ${NOTICE_TEXT[response.notice]}`);
  if (response.suggestion) console.log(`Did you mean: ${response.suggestion}`);
  if (response.namedSpeakers.length)
    console.log(`Quotes by ${response.namedSpeakers.map((s) => s.name).join(', ')} first: the query names them (--speaker to see only theirs).`);
  response.results.forEach((r, i) => {
    const who = r.speaker
      ? `${r.speaker.name}${r.speaker.affiliation ? ` (${r.speaker.affiliation})` : ''}`
      : r.kind === 'analysis'
        ? 'analysis'
        : 'unattributed';
    // a date only with what the quote's note says it is
    const when = r.interviewDate && r.dateLabel ? `, ${r.dateLabel} ${r.interviewDate}` : '';
    console.log(`${i + 1}. [${r.kind}] ${who}${when}  score ${r.score.toFixed(3)}`);
    console.log(`   “${r.text.length > 400 ? `${r.text.slice(0, 400)}…` : r.text}”`);
    console.log(
      `   ${r.document.title}${r.section ? ` — ${r.section}` : ''}${r.page !== null ? `, p. ${r.page}` : ''}${r.footnote ? `, n. ${r.footnote.number}` : ''}`,
    );
    if (r.kind !== 'analysis') console.log(`   ${attributionPhrase(r.attribution, r.footnote?.number ?? null)}`);
    if (r.alsoIn.length) console.log(`   also in: ${r.alsoIn.map((a) => a.title).join('; ')}`);
  });
  console.log(`${response.results.length} of ${response.total} results above the relevance floor in ${response.tookMs} ms (${response.embedder})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = e as Error;
    console.error(`search failed: ${err.message}`);
    if (err instanceof UsageError) console.error(USAGE);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
