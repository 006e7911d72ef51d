import type { IndexReader, StoredChunk } from '../db/index-reader';
import type { Embedder } from '../embed/embedder';
import type { SearchResult, SpeakerInfo, SpeakerRef } from '../types';
import { assertSameEmbedder, MAX_QUERY_LENGTH, toSearchResult } from './search';
import { RELEVANCE_FLOOR, scoreThemeForSpeakers, themeVectors } from './theme-relevance';

export const MIN_COMPARE_SPEAKERS = 2;
export const MAX_COMPARE_SPEAKERS = 7;
export const MAX_MATRIX_THEMES = 16;
export const DEFAULT_QUOTES_PER_SPEAKER = 5;

/** A request the caller should have refused: unknown speakers, too many, an empty theme. */
export class CompareInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompareInputError';
  }
}

export interface CompareOptions {
  /** Quotes shown per speaker (default 5). */
  perSpeaker?: number;
  /** Relevance a quote needs to count as "on the theme" (default RELEVANCE_FLOOR). */
  floor?: number;
}

export interface CompareColumn {
  speaker: SpeakerInfo;
  /** Best quotes on the theme, above the floor, strongest first; score is the 0..1 theme relevance. */
  quotes: SearchResult[];
  /** How many of the speaker's quotes are above the floor (may exceed quotes.length). */
  onTheme: number;
  /** The speaker's strongest relevance on the theme, 0 when the speaker has no quotes. */
  strongest: number;
}

export interface CompareResult {
  query: string;
  floor: number;
  columns: CompareColumn[];
  tookMs: number;
}

export interface MatrixCell {
  speakerId: string;
  /**
   * How strongly the speaker addresses the theme, 0..1: 1 − ∏(1 − relevance) over the quotes above the floor,
   * so several quotes on the theme weigh more than one; with none above the floor, the best relevance (below it).
   */
  strength: number;
  /** The speaker's strongest single quote relevance, 0..1. */
  best: number;
  /** Quotes above the floor. */
  count: number;
  topQuoteId: string | null;
}

export interface ThemeMatrix {
  floor: number;
  speakers: SpeakerRef[];
  rows: { theme: string; cells: MatrixCell[] }[];
  tookMs: number;
}

function checkSpeakers(reader: IndexReader, speakerIds: string[], min: number, max: number): SpeakerInfo[] {
  const unique = [...new Set(speakerIds)];
  if (unique.length < min) throw new CompareInputError(`choose at least ${min} speaker${min === 1 ? '' : 's'}`);
  if (unique.length > max) throw new CompareInputError(`choose at most ${max} speakers`);
  return unique.map((id) => {
    const s = reader.speaker(id);
    if (!s) throw new CompareInputError(`unknown speaker id "${id}"`);
    return s;
  });
}

function checkTheme(theme: string): string {
  const t = theme.replace(/\s+/g, ' ').trim();
  if (!t) throw new CompareInputError('the theme is empty');
  if (t.length > MAX_QUERY_LENGTH) throw new CompareInputError(`a theme is longer than ${MAX_QUERY_LENGTH} characters`);
  return t;
}

/** A stored quote as a search result for a theme; score = theme relevance. */
export function toThemeResult(reader: IndexReader, chunk: StoredChunk, theme: string, relevance: number): SearchResult {
  return toSearchResult(reader, chunk, theme, relevance);
}

/**
 * Side by side: for each speaker (in the order given), their best quotes on the theme above a relevance floor.
 * A speaker with nothing above the floor gets an empty column; that is the answer "nothing on this theme".
 */
export async function compareSpeakers(
  reader: IndexReader,
  embedder: Embedder,
  q: string,
  speakerIds: string[],
  opts: CompareOptions = {},
): Promise<CompareResult> {
  const started = performance.now();
  assertSameEmbedder(reader, embedder);
  const theme = checkTheme(q);
  const speakers = checkSpeakers(reader, speakerIds, MIN_COMPARE_SPEAKERS, MAX_COMPARE_SPEAKERS);
  const floor = opts.floor ?? RELEVANCE_FLOOR;
  const perSpeaker = Math.max(1, Math.min(opts.perSpeaker ?? DEFAULT_QUOTES_PER_SPEAKER, 50));
  const scores = await scoreThemeForSpeakers(
    reader,
    embedder,
    theme,
    speakers.map((s) => s.id),
  );
  const columns = speakers.map((speaker) => {
    const scored = scores.get(speaker.id) ?? [];
    const above = scored.filter((s) => s.relevance >= floor);
    return {
      speaker,
      quotes: above.slice(0, perSpeaker).map((s) => toThemeResult(reader, s.chunk, theme, s.relevance)),
      onTheme: above.length,
      strongest: Math.round((scored[0]?.relevance ?? 0) * 1000) / 1000,
    };
  });
  return { query: theme, floor, columns, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

/** Theme × speaker: how strongly each speaker addresses each theme (strongest relevance and quotes above the floor). */
export async function themeMatrix(
  reader: IndexReader,
  embedder: Embedder,
  themes: string[],
  speakerIds: string[],
  opts: { floor?: number } = {},
): Promise<ThemeMatrix> {
  const started = performance.now();
  assertSameEmbedder(reader, embedder);
  const cleaned = [...new Set(themes.map(checkTheme))];
  if (!cleaned.length) throw new CompareInputError('give at least one theme');
  if (cleaned.length > MAX_MATRIX_THEMES) throw new CompareInputError(`give at most ${MAX_MATRIX_THEMES} themes`);
  const speakers = checkSpeakers(reader, speakerIds, 1, MAX_COMPARE_SPEAKERS);
  const floor = opts.floor ?? RELEVANCE_FLOOR;
  const rows: ThemeMatrix['rows'] = [];
  const vectors = await themeVectors(embedder, cleaned);
  for (const [i, theme] of cleaned.entries()) {
    const scores = await scoreThemeForSpeakers(
      reader,
      embedder,
      theme,
      speakers.map((s) => s.id),
      vectors[i],
    );
    rows.push({
      theme,
      cells: speakers.map((s) => {
        const list = scores.get(s.id) ?? [];
        const above = list.filter((x) => x.relevance >= floor);
        const best = list[0]?.relevance ?? 0;
        const strength = above.length ? 1 - above.reduce((p, x) => p * (1 - x.relevance), 1) : best;
        return {
          speakerId: s.id,
          strength: Math.round(strength * 1000) / 1000,
          best: Math.round(best * 1000) / 1000,
          count: above.length,
          topQuoteId: list[0] && list[0].relevance >= floor ? list[0].chunk.id : null,
        };
      }),
    });
  }
  return {
    floor,
    speakers: speakers.map((s) => ({ id: s.id, name: s.name, affiliation: s.affiliation })),
    rows,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
