import { z } from 'zod';
import type { IndexReader } from '../db/index-reader';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_LENGTH, type SearchParams } from './search';

const ID = /^[a-z0-9][a-z0-9-]{0,119}$/;
// control characters other than tab and newlines (C0, DEL and C1) are dropped: they carry no meaning in a query
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// bidirectional embeddings, overrides and isolates would reorder how the echoed query displays
// (results page, JSON); they add nothing to a search, so they are removed (RLM/LRM marks stay)
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

const idList = (what: string) =>
  z
    .array(z.string())
    .transform((values) =>
      values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(ID, `${what} ids are lower-case letters, digits and hyphens`)).max(20, `at most 20 ${what}s`));

const single = (name: string) =>
  z
    .array(z.string())
    .max(1, `${name} given more than once`)
    .transform((v): string | undefined => v[0]);
const KINDS = ['interview', 'quote', 'analysis', 'quotes', 'all'] as const;

export const searchParamsSchema = z.object({
  q: z
    .array(z.string())
    .max(1, 'q given more than once')
    .transform((v) => v[0] ?? '')
    .pipe(
      z
        .string()
        .transform((s) => s.replace(CONTROL, ' ').replace(BIDI_CONTROL, '').trim())
        .pipe(
          z
            .string()
            .min(1, 'q (the query) is empty')
            .max(MAX_QUERY_LENGTH, {
              error: (iss) => `the query is ${[...String(iss.input)].length} characters long; the limit is ${MAX_QUERY_LENGTH} characters, so shorten it`,
            }),
        ),
    ),
  speaker: idList('speaker'),
  document: idList('document'),
  kind: single('kind')
    .refine((v) => v === undefined || (KINDS as readonly string[]).includes(v), 'kind must be interview, quote, analysis, quotes or all')
    .transform((v) => v as (typeof KINDS)[number] | undefined),
  limit: single('limit').pipe(
    z
      .string()
      .regex(/^\d{1,30}$/, `limit must be a whole number (at least 1; more than ${MAX_LIMIT} gives ${MAX_LIMIT})`)
      .transform(Number)
      .pipe(z.number().min(1, 'limit must be at least 1'))
      // one rule for every size: larger limits are capped at MAX_LIMIT, never refused; the response's "limit" says so
      .transform((n) => Math.min(n, MAX_LIMIT))
      .optional(),
  ),
  offset: single('offset').pipe(
    z
      .string()
      .regex(/^\d{1,4}$/, 'offset must be a whole number from 0 to 9999')
      .transform(Number)
      .optional(),
  ),
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

type RawValue = string | string[] | undefined | null;

/** Validates raw search parameters (from a URL or the command line) into SearchParams, or says what is wrong. */
export function parseSearchParams(raw: Record<string, RawValue>): ParseResult<SearchParams> {
  const asList = (v: RawValue) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
  const input = {
    q: asList(raw.q),
    speaker: asList(raw.speaker),
    document: asList(raw.document),
    kind: asList(raw.kind),
    limit: asList(raw.limit),
    offset: asList(raw.offset),
  };
  if (!input.q.length) return { ok: false, error: 'q (the query) is required' };
  const parsed = searchParamsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: issue.message };
  }
  const v = parsed.data;
  return {
    ok: true,
    value: {
      q: v.q,
      speakers: v.speaker.length ? v.speaker : undefined,
      documents: v.document.length ? v.document : undefined,
      kind: v.kind,
      limit: v.limit ?? DEFAULT_LIMIT,
      offset: v.offset,
    },
  };
}

/** Reads search parameters from a URL query string, keeping repeated keys. */
export function parseSearchQuery(search: URLSearchParams): ParseResult<SearchParams> {
  const known = ['q', 'speaker', 'document', 'kind', 'limit', 'offset'];
  const raw: Record<string, string[]> = {};
  for (const key of known) raw[key] = search.getAll(key);
  return parseSearchParams(raw);
}

/** Speaker and document ids must exist in the index; an unknown id is the caller's mistake, not an empty result. */
export function checkIdsExist(reader: IndexReader, params: SearchParams): string | null {
  for (const id of params.speakers ?? []) if (!reader.speaker(id)) return `unknown speaker id "${id}"`;
  for (const id of params.documents ?? []) if (!reader.document(id)) return `unknown document id "${id}"`;
  return null;
}
