import type { IndexReader, StoredChunk } from '../db/index-reader';
import type { Embedder } from '../embed/embedder';
import { lightStem } from './highlight';
import { parseQuery } from './parsed-query';

/**
 * How strongly one attributed quote addresses a theme, on an absolute 0..1 scale, so that "this speaker says
 * nothing on the theme" can be decided. Search ranks with reciprocal rank fusion, whose scores are relative to
 * the other candidates; a filtered list always has a "best" quote, however unrelated. Two absolute signals instead:
 *
 * - lexical: the theme's content words (lightly stemmed) found in the quote, weighted by inverse document
 *   frequency over all quotes, as the mean of the share of the theme's weight covered and the weight of the
 *   rarest word matched (so "Taiwan" in "Taiwan contingency" counts even where "contingency" is absent);
 * - semantic: how far the quote's embedding similarity to the theme stands above the corpus average for that
 *   theme, in standard deviations (raw cosines of small models drift per query; their z-scores do not).
 *
 * relevance = 0.65 · lexical + 0.35 · clamp((z − 1) / 3). The semantic part alone cannot pass the floor unless
 * the quote is an outlier (z ≳ 3.6), because with small embedding models a lone semantic match is often noise.
 */
export const RELEVANCE_FLOOR = 0.3;
const LEXICAL_WEIGHT = 0.65;
const SEMANTIC_WEIGHT = 0.35;
const Z_FROM = 1;
const Z_SPAN = 3;
const MAX_KNN = 4096;
/** Theme words only the author's lead-in to a quote has count at this share (search's FUSION.contextCredit). */
export const LEAD_IN_CREDIT = 0.8;

export interface ThemeScore {
  chunk: StoredChunk;
  relevance: number; // 0..1
  lexical: number; // 0..1
  semantic: number; // 0..1
}

interface QuoteLexicon {
  quoteCount: number;
  df: Map<string, number>;
  stemsById: Map<string, Set<string>>;
}

const lexicons = new WeakMap<IndexReader, QuoteLexicon>();

/** The stems of the words of a text, as the highlighter matches them. */
export function wordStems(text: string): Set<string> {
  return new Set((text.match(/[\p{L}\p{N}]+/gu) ?? []).map(lightStem));
}

/** Document frequencies of stems over the attributed quotes of an index, built once per index handle. */
function quoteLexicon(reader: IndexReader): QuoteLexicon {
  let lexicon = lexicons.get(reader);
  if (!lexicon) {
    const quotes = reader.quotes();
    const df = new Map<string, number>();
    const stemsById = new Map<string, Set<string>>();
    for (const q of quotes) {
      const stems = wordStems(q.text);
      stemsById.set(q.id, stems);
      for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
    }
    lexicon = { quoteCount: quotes.length, df, stemsById };
    lexicons.set(reader, lexicon);
  }
  return lexicon;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** The theme's content stems with their weights; words absent from every quote weigh the most. */
export function themeTerms(reader: IndexReader, theme: string): { stem: string; weight: number }[] {
  const { quoteCount, df } = quoteLexicon(reader);
  const stems = parseQuery(theme).stems;
  return stems.map((stem) => ({ stem, weight: Math.log(1 + quoteCount / ((df.get(stem) ?? 0) + 0.5)) }));
}

/** Lexical evidence of a theme in a set of stems: mean of weighted coverage and the rarest matched word's weight. */
export function lexicalScore(terms: { stem: string; weight: number }[], stems: Set<string>): number {
  if (!terms.length) return 0;
  const total = terms.reduce((a, t) => a + t.weight, 0);
  const heaviest = Math.max(...terms.map((t) => t.weight));
  const matched = terms.filter((t) => stems.has(t.stem));
  if (!matched.length || total <= 0) return 0;
  const coverage = matched.reduce((a, t) => a + t.weight, 0) / total;
  const rarest = Math.max(...matched.map((t) => t.weight)) / heaviest;
  return clamp01(0.5 * coverage + 0.5 * rarest);
}

export function combineRelevance(lexical: number, z: number): { relevance: number; semantic: number } {
  const semantic = Number.isFinite(z) ? clamp01((z - Z_FROM) / Z_SPAN) : 0;
  return { relevance: clamp01(LEXICAL_WEIGHT * lexical + SEMANTIC_WEIGHT * semantic), semantic };
}

// Theme embeddings by model and text; default themes are scored on many pages, the model is the slow part.
const MAX_CACHED_VECTORS = 512;
const vectorCache = new Map<string, Float32Array>();

/** Embeds themes as queries, all misses in one batch, remembering recent ones. */
export async function themeVectors(embedder: Embedder, themes: string[]): Promise<Float32Array[]> {
  const key = (t: string) => `${embedder.id}\u0000${t}`;
  const missing = [...new Set(themes.filter((t) => !vectorCache.has(key(t))))];
  if (missing.length) {
    const vectors = await embedder.embed(missing, 'query');
    missing.forEach((t, i) => {
      if (vectorCache.size >= MAX_CACHED_VECTORS) vectorCache.delete(vectorCache.keys().next().value!);
      vectorCache.set(key(t), vectors[i]);
    });
  }
  return themes.map((t) => {
    const v = vectorCache.get(key(t))!;
    vectorCache.delete(key(t)); // re-insert: most recently used last
    vectorCache.set(key(t), v);
    return v;
  });
}

interface ThemeProfile {
  mean: number;
  sd: number;
  cosineByRowid: Map<number, number>;
  complete: boolean; // every chunk of the index was in the pass
}

const MAX_CACHED_PROFILES = 64;
const profiles = new WeakMap<IndexReader, Map<string, ThemeProfile>>();

/** Similarity of a theme to every chunk (up to MAX_KNN of them) and its mean and spread, once per index and theme. */
function themeProfile(reader: IndexReader, theme: string, vector: Float32Array): ThemeProfile {
  let perReader = profiles.get(reader);
  if (!perReader) {
    perReader = new Map();
    profiles.set(reader, perReader);
  }
  const hit = perReader.get(theme);
  if (hit) return hit;
  const total = reader.summary().chunks;
  const baseline = reader.vectorSearch(vector, Math.min(total, MAX_KNN));
  const cosines = baseline.map((r) => r.score);
  const n = Math.max(1, cosines.length);
  const mean = cosines.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(cosines.reduce((a, b) => a + (b - mean) ** 2, 0) / n) || 1e-6;
  const profile = { mean, sd, cosineByRowid: new Map(baseline.map((r) => [r.rowid, r.score])), complete: total <= MAX_KNN };
  if (perReader.size >= MAX_CACHED_PROFILES) perReader.delete(perReader.keys().next().value!);
  perReader.set(theme, profile);
  return profile;
}

/**
 * Scores every attributed quote of the given speakers against a theme: one embedding of the theme (cached), one
 * nearest-neighbour pass over the whole index for the baseline (cached per index) and, when the index is larger
 * than one pass can cover, one more restricted to the speakers. Near-duplicate copies are dropped.
 */
export async function scoreThemeForSpeakers(
  reader: IndexReader,
  embedder: Embedder,
  theme: string,
  speakerIds: string[],
  vector?: Float32Array,
): Promise<Map<string, ThemeScore[]>> {
  const bySpeaker = new Map<string, ThemeScore[]>(speakerIds.map((id) => [id, []]));
  const quotes = reader.quotes({ speakerIds });
  if (!quotes.length) return bySpeaker;
  const { stemsById } = quoteLexicon(reader);
  const terms = themeTerms(reader, theme);
  const v = vector ?? (await themeVectors(embedder, [theme]))[0];
  const profile = themeProfile(reader, theme, v);
  let cosineByRowid = profile.cosineByRowid;
  if (!profile.complete) {
    cosineByRowid = new Map(cosineByRowid);
    for (const r of reader.vectorSearch(v, Math.min(quotes.length, MAX_KNN), { kinds: ['interview', 'quote'], speakerIds }))
      cosineByRowid.set(r.rowid, r.score);
  }

  const seenGroups = new Set<string>();
  for (const chunk of quotes) {
    const group = chunk.dupOf ?? chunk.id;
    if (seenGroups.has(group) || !chunk.speakerId) continue;
    seenGroups.add(group);
    const own = stemsById.get(chunk.id) ?? wordStems(chunk.text);
    // a quote whose lead-in names the theme ("Ishii, a former ambassador to NATO, said:") is on it, at a discount, as in search
    const framed = chunk.context ? LEAD_IN_CREDIT * lexicalScore(terms, new Set([...own, ...wordStems(chunk.context)])) : 0;
    const lexical = Math.max(lexicalScore(terms, own), framed);
    const cosine = cosineByRowid.get(chunk.rowid);
    const { relevance, semantic } = combineRelevance(lexical, cosine === undefined ? Number.NaN : (cosine - profile.mean) / profile.sd);
    bySpeaker.get(chunk.speakerId)?.push({ chunk, relevance, lexical, semantic });
  }
  for (const list of bySpeaker.values()) list.sort((a, b) => b.relevance - a.relevance || a.chunk.rowid - b.chunk.rowid);
  return bySpeaker;
}
