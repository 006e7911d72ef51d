import { parseArgs, single, UsageError } from '../lib/cli/args';
import { IndexReader } from '../lib/db/index-reader';
import { resolveIndexPath } from '../lib/db/open';
import { DEFAULT_BASE_URL, quotesExport, quotesToCsv, quotesToMarkdown } from '../lib/export/formats';
import { toQuoteRecord } from '../lib/records';

const USAGE =
  'usage: npm run export -- --format json|csv|md|bibtex|ris [--speaker <id>]… [--document <id>] [--style chicago|apa|mla] [--base-url URL] [--db PATH]';

function main(): number {
  const args = parseArgs(process.argv.slice(2), { values: ['format', 'speaker', 'document', 'style', 'db', 'base-url'], flags: ['help'] });
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const format = single(args, 'format') ?? 'json';
  if (!['json', 'csv', 'md', 'bibtex', 'ris'].includes(format)) throw new UsageError(`--format must be json, csv, md, bibtex or ris, not "${format}"`);
  const style = single(args, 'style') ?? 'chicago';
  if (!['chicago', 'apa', 'mla'].includes(style)) throw new UsageError(`--style must be chicago, apa or mla, not "${style}"`);
  // links in CSV and Markdown are absolute: --base-url, else $PUBLIC_URL, else the default server address
  const baseUrl = single(args, 'base-url') ?? (process.env.PUBLIC_URL?.trim() || DEFAULT_BASE_URL);
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol))
    throw new UsageError(`--base-url must be an http(s) URL such as ${DEFAULT_BASE_URL}, not "${baseUrl}"`);
  const reader = IndexReader.open(resolveIndexPath(single(args, 'db')));
  const speakerIds = args.values.get('speaker') ?? [];
  for (const id of speakerIds)
    if (!reader.speaker(id)) throw new UsageError(`unknown speaker id "${id}" (see the speakers in npm run export -- --format json)`);
  const documentId = single(args, 'document');
  if (documentId && !reader.document(documentId)) throw new UsageError(`unknown document id "${documentId}"`);
  const quotes = reader.quotes({ speakerIds: speakerIds.length ? speakerIds : undefined, documentId }).map((c) => toQuoteRecord(reader, c));
  let out: string;
  if (format === 'json') out = `${JSON.stringify(quotes, null, 2)}\n`;
  else if (format === 'csv') out = quotesToCsv(quotes, baseUrl);
  else if (format === 'md') out = quotesToMarkdown(quotes, style as 'chicago' | 'apa' | 'mla', baseUrl);
  else out = quotesExport(quotes, (id) => reader.document(id)!, format as 'bibtex' | 'ris');
  process.stdout.write(out);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  const err = e as Error;
  console.error(`export failed: ${err.message}`);
  if (err instanceof UsageError) console.error(USAGE);
  process.exitCode = err instanceof UsageError ? 2 : 1;
}
