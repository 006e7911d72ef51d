// Query parameters of the pages, validated with zod; a bad value becomes a message on the page, never a crash.
import { z } from 'zod';
import { parseSearchParams } from '../search/params';
import type { KindFilter, SearchParams } from '../search/search';

export type RawParams = Record<string, string | string[] | undefined>;

export const PAGE_SIZE = 20;
export const MAX_PAGE_LIMIT = 100;
export const MAX_CUSTOM_THEMES = 8;
export const MAX_THEME_LENGTH = 120;
const ID = /^[a-z0-9][a-z0-9-]{0,119}$/;
const QUOTE_ID = /^[a-z][a-z0-9-]{0,119}$/;

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const first = (v: string | string[] | undefined): string | undefined => list(v)[0];
/** Ids from repeated keys and comma-separated values alike ("speakers=a,b" and "speakers=a&speakers=b"). */
const idList = (v: string | string[] | undefined): string[] => [
  ...new Set(
    list(v)
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

export interface SearchPageState {
  q: string;
  speakers: string[];
  document: string | null;
  kind: KindFilter;
  limit: number;
}

export interface SearchPageParse {
  state: SearchPageState;
  /** Null when there is no query (the page shows its introduction) or the parameters are invalid. */
  params: SearchParams | null;
  error: string | null;
}

/** The search page: quotes only unless kind says otherwise, PAGE_SIZE results unless limit says otherwise. */
export function parseSearchPage(raw: RawParams): SearchPageParse {
  const kindRaw = first(raw.kind);
  const limitRaw = first(raw.limit);
  const state: SearchPageState = {
    q: (first(raw.q) ?? '').slice(0, 2000),
    speakers: idList(raw.speaker).slice(0, 50),
    document: first(raw.document) ?? null,
    kind: (['interview', 'quote', 'analysis', 'quotes', 'all'] as const).find((k) => k === kindRaw) ?? 'quotes',
    limit: PAGE_SIZE,
  };
  if (limitRaw && /^\d{1,3}$/.test(limitRaw)) state.limit = Math.min(MAX_PAGE_LIMIT, Math.max(1, Number(limitRaw)));
  if (!state.q.trim()) return { state: { ...state, q: '' }, params: null, error: null };
  const parsed = parseSearchParams({
    q: list(raw.q),
    speaker: list(raw.speaker),
    document: list(raw.document),
    kind: kindRaw === undefined ? ['quotes'] : list(raw.kind),
    limit: limitRaw === undefined ? [String(PAGE_SIZE)] : list(raw.limit),
  });
  if (!parsed.ok) return { state, params: null, error: parsed.error };
  return { state: { ...state, q: parsed.value.q, limit: parsed.value.limit ?? PAGE_SIZE }, params: parsed.value, error: null };
}

/** The search page URL for a state (only what differs from the defaults). */
export function searchHref(state: Partial<SearchPageState> & { q: string }): string {
  const p = new URLSearchParams();
  p.set('q', state.q);
  for (const s of state.speakers ?? []) p.append('speaker', s);
  if (state.document) p.set('document', state.document);
  if (state.kind && state.kind !== 'quotes') p.set('kind', state.kind);
  if (state.limit && state.limit !== PAGE_SIZE) p.set('limit', String(state.limit));
  return `/?${p.toString()}`;
}

const themeSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().max(MAX_THEME_LENGTH, `a theme is longer than ${MAX_THEME_LENGTH} characters`));

export interface ComparePageState {
  q: string;
  speakers: string[];
  view: 'columns' | 'matrix';
  themes: string[];
}

/** The compare page: q (theme), speakers (ids, comma-separated or repeated), view, theme (the user's own matrix themes). */
export function parseComparePage(raw: RawParams): { state: ComparePageState; error: string | null } {
  const speakers = idList(raw.speakers ?? raw.speaker);
  const q = (first(raw.q) ?? '').replace(/\s+/g, ' ').trim();
  const themes = list(raw.theme).map((t) => themeSchema.safeParse(t));
  const state: ComparePageState = {
    q: q.slice(0, 500),
    speakers: speakers.filter((s) => ID.test(s)).slice(0, 20),
    view: first(raw.view) === 'matrix' ? 'matrix' : 'columns',
    themes: [...new Set(themes.flatMap((t) => (t.success && t.data ? [t.data] : [])))].slice(0, MAX_CUSTOM_THEMES),
  };
  let error: string | null = null;
  const badId = speakers.find((s) => !ID.test(s));
  if (badId) error = `“${badId.slice(0, 40)}” is not a speaker id; ids are lower-case letters, digits and hyphens`;
  else if (speakers.length > 20) error = 'too many speakers in the link';
  else if (q.length > 500) error = 'the theme is longer than 500 characters; shorten it';
  else if (themes.some((t) => !t.success)) error = `a theme is longer than ${MAX_THEME_LENGTH} characters; shorten it`;
  else if (list(raw.theme).length > MAX_CUSTOM_THEMES) error = `at most ${MAX_CUSTOM_THEMES} themes of your own; the first ${MAX_CUSTOM_THEMES} are shown`;
  return { state, error };
}

export function compareHref(state: Partial<ComparePageState>): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.speakers?.length) p.set('speakers', state.speakers.join(','));
  if (state.view === 'matrix') p.set('view', 'matrix');
  for (const t of state.themes ?? []) p.append('theme', t);
  const s = p.toString();
  return s ? `/compare?${s}` : '/compare';
}

/** The reader's ?quote=<id>: the quote to highlight; invalid ids are reported, not fatal. */
export function parseReaderQuote(raw: RawParams): { quoteId: string | null; invalid: boolean } {
  const v = first(raw.quote);
  if (v === undefined || v === '') return { quoteId: null, invalid: false };
  return QUOTE_ID.test(v) ? { quoteId: v, invalid: false } : { quoteId: null, invalid: true };
}

// a link to a quote in its document: highlighted by the server (?quote=) and scrolled to by the browser (#id)
export { quoteContextHref } from './hrefs';

export function isValidId(id: string): boolean {
  return ID.test(id);
}

export function parseSavedOrder(raw: RawParams): 'saved' | 'document' {
  return first(raw.order) === 'document' ? 'document' : 'saved';
}
