import { z } from 'zod';
import type { IndexReader } from '../db/index-reader';
import type { Embedder } from '../embed/embedder';
import { DEFAULT_BASE_URL, quotesExport, quotesToCsv, quotesToMarkdown, type CitationStyle } from '../export/formats';
import { toQuoteRecord } from '../records';
import { checkIdsExist, parseSearchQuery, type ParseResult } from '../search/params';
import { searchQuotes, type SearchParams } from '../search/search';
import type { QuoteRecord } from '../types';
import { QUOTE_ID, readSaved, resolveSaved, collectionsFile } from './store';

export const EXPORT_FORMATS = ['md', 'csv', 'bibtex', 'ris', 'json'] as const;
export type DownloadFormat = (typeof EXPORT_FORMATS)[number];
export const CITATION_STYLES = ['chicago', 'apa', 'mla'] as const;
export const MAX_EXPORT_IDS = 500;

export type ExportSource =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'saved'; order: 'saved' | 'document' }
  | { kind: 'speaker'; speakerId: string }
  | { kind: 'search'; params: SearchParams };

export interface ExportRequest {
  format: DownloadFormat;
  style: CitationStyle;
  source: ExportSource;
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
  count: number;
}

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  bibtex: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
const EXTENSIONS: Record<DownloadFormat, string> = { md: 'md', csv: 'csv', bibtex: 'bib', ris: 'ris', json: 'json' };

const single = (name: string) =>
  z
    .array(z.string())
    .max(1, `${name} given more than once`)
    .transform((v): string | undefined => v[0]);

const exportQuerySchema = z
  .object({
    format: single('format').pipe(z.enum(EXPORT_FORMATS, { error: 'format must be md, csv, bibtex, ris or json' }).optional()),
    style: single('style').pipe(z.enum(CITATION_STYLES, { error: 'style must be chicago, apa or mla' }).optional()),
    ids: z
      .array(z.string())
      .transform((v) => [
        ...new Set(
          v
            .flatMap((s) => s.split(','))
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(z.string().regex(QUOTE_ID, 'ids are quote ids such as q-0123456789abcdef')).max(MAX_EXPORT_IDS, `at most ${MAX_EXPORT_IDS} ids`)),
    saved: single('saved').pipe(z.enum(['1', 'true'], { error: 'saved must be 1' }).optional()),
    order: single('order').pipe(z.enum(['saved', 'document'], { error: 'order must be saved (newest first) or document' }).optional()),
    hasQuery: z.boolean(),
    speaker: z.array(z.string()),
  })
  .refine((v) => [v.ids.length > 0, !!v.saved, v.hasQuery, v.speaker.length > 0 && !v.hasQuery].filter(Boolean).length === 1, {
    message:
      'say what to export: ids=<quote ids>, saved=1 (the saved quotes), speaker=<id> (all their quotes) or q=<query> (a result list), exactly one of them',
  });

/** Reads an export request from a URL query: format, style, and one of ids, saved, speaker (alone) or a search (q, speaker, document, kind, limit). */
export function parseExportQuery(search: URLSearchParams): ParseResult<ExportRequest> {
  const parsed = exportQuerySchema.safeParse({
    format: search.getAll('format'),
    style: search.getAll('style'),
    ids: search.getAll('ids'),
    saved: search.getAll('saved'),
    order: search.getAll('order'),
    hasQuery: search.has('q'),
    speaker: search.getAll('speaker'),
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  const { format = 'md', style = 'chicago', ids, saved } = parsed.data;
  if (ids.length) return { ok: true, value: { format, style, source: { kind: 'ids', ids } } };
  // saved quotes export in the order the page shows them (newest first or document order); document order by default
  if (saved) return { ok: true, value: { format, style, source: { kind: 'saved', order: parsed.data.order ?? 'document' } } };
  if (!search.has('q')) {
    const speakerIds = parsed.data.speaker
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    if (speakerIds.length !== 1 || !/^[a-z0-9][a-z0-9-]{0,119}$/.test(speakerIds[0]))
      return { ok: false, error: 'speaker must be one speaker id (lower-case letters, digits and hyphens)' };
    return { ok: true, value: { format, style, source: { kind: 'speaker', speakerId: speakerIds[0] } } };
  }
  const params = parseSearchQuery(search);
  if (!params.ok) return params;
  return { ok: true, value: { format, style, source: { kind: 'search', params: params.value } } };
}

export class ExportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportInputError';
  }
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'quotes'
  );
}

async function quotesFor(
  reader: IndexReader,
  embedder: Embedder,
  source: ExportSource,
  savedFile: string,
): Promise<{ quotes: QuoteRecord[]; title: string; name: string }> {
  if (source.kind === 'ids') {
    const docOrder = new Map(reader.documents().map((d, i) => [d.id, i]));
    const chunks = source.ids.map((id) => {
      const chunk = reader.chunkById(id);
      if (!chunk) throw new ExportInputError(`unknown quote id "${id}"`);
      return chunk;
    });
    // exports come in document order, as the quotes are read
    chunks.sort((a, b) => (docOrder.get(a.documentId) ?? 0) - (docOrder.get(b.documentId) ?? 0) || a.ordinal - b.ordinal);
    return {
      quotes: chunks.map((c) => toQuoteRecord(reader, c)),
      title: `${chunks.length} selected quote${chunks.length === 1 ? '' : 's'}`,
      name: 'selection',
    };
  }
  if (source.kind === 'speaker') {
    const speaker = reader.speaker(source.speakerId);
    if (!speaker) throw new ExportInputError(`unknown speaker id "${source.speakerId}"`);
    return { quotes: reader.quotes({ speakerIds: [speaker.id] }).map((c) => toQuoteRecord(reader, c)), title: `Quotes of ${speaker.name}`, name: speaker.id };
  }
  if (source.kind === 'saved') {
    const { quotes } = resolveSaved(reader, readSaved(savedFile), source.order);
    return { quotes: quotes.map(({ savedAt: _savedAt, ...q }) => q), title: 'Saved quotes', name: 'saved' };
  }
  const unknown = checkIdsExist(reader, source.params);
  if (unknown) throw new ExportInputError(unknown);
  const response = await searchQuotes(reader, embedder, source.params);
  // score, highlights and "also in" belong to the result list, not to the exported quote
  const quotes = response.results.map(
    ({ score: _s, matchedTerms: _m, bestSentence: _b, contextTerms: _c, relatedTerms: _r, alsoIn: _a, match: _mk, ...q }) => q,
  );
  return { quotes, title: `Results for “${source.params.q}”`, name: slug(source.params.q) };
}

/**
 * Builds a download: quotes as Markdown (with citations), CSV or JSON, or as BibTeX or RIS records
 * (one per quote: its document, the quote and its speaker in the note). Links in Markdown and CSV
 * are absolute, from `baseUrl` (the request's origin for the API).
 */
export async function buildExport(
  reader: IndexReader,
  embedder: Embedder,
  request: ExportRequest,
  options: { baseUrl?: string; savedFile?: string; now?: Date } = {},
): Promise<ExportFile> {
  const { quotes, title, name } = await quotesFor(reader, embedder, request.source, options.savedFile ?? collectionsFile());
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  let body: string;
  switch (request.format) {
    case 'md': {
      const head = `# ${title}\n\nExported from Expert Quotes on ${date}; citations in ${({ chicago: 'Chicago (notes)', apa: 'APA 7', mla: 'MLA 9' } as const)[request.style]} style.\n\n`;
      body = head + (quotes.length ? quotesToMarkdown(quotes, request.style, baseUrl) : '_No quotes._\n');
      break;
    }
    case 'csv':
      // the byte-order mark lets spreadsheet programs read the file as UTF-8 (curly quotes, accents)
      body = `\ufeff${quotesToCsv(quotes, baseUrl)}`;
      break;
    case 'json':
      body = `${JSON.stringify(quotes, null, 2)}\n`;
      break;
    default:
      body = quotesExport(quotes, (id) => reader.document(id)!, request.format);
  }
  return {
    filename: `expert-quotes-${name}-${date}.${EXTENSIONS[request.format]}`,
    contentType: CONTENT_TYPES[request.format],
    body,
    count: quotes.length,
  };
}
