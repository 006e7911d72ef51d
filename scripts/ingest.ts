import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, single, UsageError } from '../lib/cli/args';
import { CorpusError } from '../lib/corpus/read-source';
import { resolveIndexPath } from '../lib/db/open';
import { DEFAULT_EMBEDDER, loadEmbedder } from '../lib/embed';
import { resolveCorpusDir } from '../lib/ingest/corpus-dir';
import { ingestCorpus, type IngestProgress } from '../lib/ingest/ingest';
import { formatDocumentReport } from '../lib/ingest/report';

const USAGE =
  'usage: npm run ingest [-- --corpus DIR (default $CORPUS_DIR or corpus)] [--db PATH] [--model use-lite|hf:<model-id>] [--report-json FILE] [--quiet]';

function progressBar(e: IngestProgress): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const frac = e.total ? e.done / e.total : 0;
  const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
  const label = e.phase === 'parse' ? `parse ${path.basename(e.file)}` : e.phase;
  process.stderr.write(`\r\x1b[K${label.padEnd(28).slice(0, 28)} ${bar} ${e.done}/${e.total}`);
  if (e.phase === 'check') process.stderr.write('\r\x1b[K');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { values: ['corpus', 'db', 'model', 'report-json'], flags: ['quiet', 'help'] });
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const corpusDir = resolveCorpusDir(single(args, 'corpus'));
  const dbPath = resolveIndexPath(single(args, 'db'));
  const model = single(args, 'model') ?? process.env.EMBED_MODEL ?? DEFAULT_EMBEDDER;
  const embedder = await loadEmbedder(model);
  const summary = await ingestCorpus({ corpusDir, dbPath, embedder, onProgress: args.flags.has('quiet') ? undefined : progressBar });
  const reportJson = single(args, 'report-json');
  if (reportJson) writeFileSync(reportJson, `${JSON.stringify(summary.reports, null, 2)}\n`);
  if (args.flags.has('quiet')) return 0;
  const out: string[] = [];
  out.push(`Indexed ${summary.documents.length} documents from ${path.relative(process.cwd(), corpusDir) || '.'} into ${path.relative(process.cwd(), dbPath)}`);
  for (const d of summary.documents) out.push(`  ${d.id}: ${d.quotes} quotes, ${d.chunks} chunks`);
  out.push(`Quotes per speaker (interview + quoted):`);
  for (const s of summary.quotesPerSpeaker)
    out.push(`  ${s.name.padEnd(24)} ${String(s.interview).padStart(3)} interview  ${String(s.quote).padStart(3)} quoted`);
  out.push(`${summary.quotes} quotes, ${summary.chunks} chunks, model ${summary.embedder}, ${summary.seconds.toFixed(1)} s`);
  const e = summary.embedding;
  if (e) out.push(`  embedded ${e.computed} passages in ${e.seconds.toFixed(1)} s; ${e.reused} chunks reused a vector of the same text`);
  out.push('Report per document (quotes by how they were attributed; unattributed quotes, unused interview notes, corrections, warnings):');
  for (const r of summary.reports) out.push(...formatDocumentReport(r).map((l) => `  ${l}`));
  for (const w of summary.correctionProblems) out.push(`warning: ${w}`);
  if (summary.cleaned.length) out.push(`removed leftovers of an interrupted ingest: ${summary.cleaned.join(', ')}`);
  console.log(out.join('\n'));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    const err = e as Error;
    const known = err instanceof CorpusError || err instanceof UsageError || ['EmbedderError', 'IndexWriteError'].includes(err.name);
    console.error(`ingest failed: ${known ? err.message : (err.stack ?? String(err))}`);
    if (err instanceof UsageError) console.error(USAGE);
    console.error('The previous index, if any, was left as it was.');
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
