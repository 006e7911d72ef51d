import type { ChunkFilter, IndexReader, RankedRow, StoredChunk } from '../db/index-reader';
import type { Embedder } from '../embed/embedder';
import { toQuoteRecord } from '../records';
import type { AlsoIn, ChunkKind, SearchResponse, SearchResult } from '../types';
import { buildFtsQuery, contentTerms } from './fts-query';
import { bestSentence, lightStem, matchedTerms } from './highlight';

export type KindFilter = 'interview' | 'quote' | 'analysis' | 'all' | 'quotes';
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 10;
export const MAX_QUERY_LENGTH = 500;

export interface SearchParams {
  q: string;
  speakers?: string[];
  documents?: string[];
  kind?: KindFilter;
  limit?: number;
  offset?: number;
}

export type RetrievalMethod = 'hybrid' | 'vector' | 'keyword';

/**
 * Fusion: weighted reciprocal rank fusion in which a keyword hit counts in proportion to how much of the query it contains.
 * Plain RRF gives a chunk that matches one common query word ("Tokyo") the same credit as a chunk that matches them all,
 * because the keyword list is an OR query; on paraphrases (which share no word with what they should find) that noise
 * pulled the hybrid below vectors alone. So the keyword term of a chunk is keywordWeight × coverage^coveragePower / (k + rank),
 * coverage = share of the query's content words found in the chunk's text, speaker or section (1 for a full match, 0.2 for one
 * word of five). k = 60 is the usual RRF constant; vectors get half the weight of a full keyword match because, with the
 * bundled model, a full lexical match is the stronger evidence (judged set, kind quotes: hybrid R@5 0.620 / MRR 0.761 /
 * nDCG@10 0.708 vs BM25 0.481 / 0.622 / 0.576 and vectors 0.466 / 0.566 / 0.510; results flat for k 30–60, vector weight
 * 0.3–0.7, power 2–3). Candidates: 60 per list, which covers every quote of the bundled corpus.
 */
export const FUSION = { k: 60, vectorWeight: 0.5, keywordWeight: 1.0, coveragePower: 2, candidates: 60 };

export class EmbedderMismatchError extends Error {
  constructor(indexEmbedder: string, loaded: string) {
    super(`The index was built with the embedding model "${indexEmbedder}" but search loaded "${loaded}". Search with --model ${indexEmbedder}, or rebuild the index with npm run ingest -- --model ${loaded}.`);
    this.name = 'EmbedderMismatchError';
  }
}

export function kindsFor(kind: KindFilter | undefined): ChunkKind[] | undefined {
  if (!kind || kind === 'all') return undefined;
  if (kind === 'quotes') return ['interview', 'quote'];
  return [kind];
}

export function assertSameEmbedder(reader: IndexReader, embedder: Embedder): void {
  const built = reader.summary().embedder;
  if (built !== embedder.id) throw new EmbedderMismatchError(built, embedder.id);
}

const WORD_CACHE_LIMIT = 20_000;
const wordCache = new Map<string, Set<string>>();

/** The distinct lower-case words of a text; cached by key because candidate chunks recur from query to query. */
function wordsOf(key: string, text: string): Set<string> {
  let words = wordCache.get(key);
  if (!words) {
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    words = new Set(text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []);
    wordCache.set(key, words);
  }
  return words;
}

/** Share of the query's distinct content words (light-stemmed, as the highlighter matches them) that occur in a text. */
export function queryCoverage(query: string, text: string, cacheKey: string = text): number {
  const stems = [...new Set(contentTerms(query).map(lightStem))].filter(Boolean);
  if (!stems.length) return 0;
  // a word can only stem to s if it starts with s (less a final y: "policies" → "policy"), so most words are never stemmed
  const heads = stems.map((s) => (s.endsWith('y') && s.length > 3 ? s.slice(0, -1) : s));
  const found = new Set<string>();
  for (const word of wordsOf(cacheKey, text)) {
    if (!heads.some((h) => word.startsWith(h))) continue;
    const stem = lightStem(word);
    if (stems.includes(stem)) found.add(stem);
  }
  return found.size / stems.length;
}

/**
 * Ranks rowids from one or two lists; returns fused scores in 0..1 (1 = first in every list used, with full coverage).
 * `keywordCoverage` (rowid → 0..1) scales each keyword hit in the hybrid; a hit without an entry counts in full.
 */
export function fuseRankings(vector: RankedRow[], keyword: RankedRow[], method: RetrievalMethod, keywordCoverage?: Map<number, number>): Map<number, number> {
  const { k, vectorWeight, keywordWeight, coveragePower } = FUSION;
  const wv = method === 'keyword' ? 0 : vectorWeight;
  const wk = method === 'vector' ? 0 : keywordWeight;
  const coverage = (rowid: number) => (method === 'hybrid' && keywordCoverage?.has(rowid) ? keywordCoverage.get(rowid)! ** coveragePower : 1);
  const fused = new Map<number, number>();
  vector.forEach((r, i) => fused.set(r.rowid, (fused.get(r.rowid) ?? 0) + wv / (k + i + 1)));
  keyword.forEach((r, i) => fused.set(r.rowid, (fused.get(r.rowid) ?? 0) + (wk * coverage(r.rowid)) / (k + i + 1)));
  const max = (wv + wk) / (k + 1);
  for (const [id, s] of fused) fused.set(id, s / max);
  return fused;
}

export interface RankedChunk {
  chunk: StoredChunk;
  score: number;
  vectorScore: number | null;
}

/** Retrieval without presentation: candidates from BM25 and KNN, fused, near-duplicates collapsed. */
export async function rankChunks(reader: IndexReader, embedder: Embedder, params: SearchParams, method: RetrievalMethod = 'hybrid'): Promise<RankedChunk[]> {
  const filter: ChunkFilter = { kinds: kindsFor(params.kind), speakerIds: params.speakers, documentIds: params.documents };
  const n = FUSION.candidates;
  const match = method === 'vector' ? null : buildFtsQuery(params.q);
  const keyword = match ? reader.keywordSearch(match, n, filter) : [];
  let vector: RankedRow[] = [];
  if (method !== 'keyword' && params.q.trim()) {
    const [qv] = await embedder.embed([params.q], 'query');
    vector = reader.vectorSearch(qv, n, filter);
  }
  const candidates = new Map(reader.chunksByRowid([...new Set([...keyword, ...vector].map((r) => r.rowid))]).map((c) => [c.rowid, c]));
  const coverage = new Map<number, number>();
  if (method === 'hybrid')
    for (const r of keyword) {
      const c = candidates.get(r.rowid);
      if (!c) continue;
      const speaker = reader.speakerRef(c.speakerId)?.name ?? '';
      coverage.set(r.rowid, queryCoverage(params.q, `${c.text} ${speaker} ${c.sectionHeading ?? ''}`, `${c.id}\0${speaker}\0${c.sectionHeading ?? ''}`));
    }
  const fused = fuseRankings(vector, keyword, method, coverage);
  const vectorScores = new Map(vector.map((r) => [r.rowid, r.score]));
  const ordered = [...fused.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const chunks = ordered.map(([rowid]) => candidates.get(rowid)).filter((c): c is StoredChunk => !!c);
  const seenGroups = new Set<string>();
  const out: RankedChunk[] = [];
  for (const chunk of chunks) {
    const group = chunk.dupOf ?? chunk.id;
    if (seenGroups.has(group)) continue;
    seenGroups.add(group);
    out.push({ chunk, score: fused.get(chunk.rowid)!, vectorScore: vectorScores.get(chunk.rowid) ?? null });
  }
  return out;
}

/** Other documents that carry the same passage ("also in"), each once. */
function alsoInFor(reader: IndexReader, chunk: StoredChunk): AlsoIn[] {
  const canonicalId = chunk.dupOf ?? chunk.id;
  const canonical = chunk.dupOf ? reader.chunkById(canonicalId) : null;
  const group = [...(canonical ? [canonical] : []), ...reader.copiesOf(canonicalId)].filter((c) => c.id !== chunk.id);
  const seen = new Set<string>([chunk.documentId]);
  return group
    .filter((c) => !seen.has(c.documentId) && seen.add(c.documentId))
    .map((c) => ({ documentId: c.documentId, title: reader.document(c.documentId)?.title ?? c.documentId, href: toQuoteRecord(reader, c).href }));
}

/** A stored chunk as a result for a query: attributed, cited, highlighted, with its score and "also in". */
export function toSearchResult(reader: IndexReader, chunk: StoredChunk, query: string, score: number): SearchResult {
  return {
    ...toQuoteRecord(reader, chunk),
    score: Math.round(score * 1000) / 1000,
    matchedTerms: matchedTerms(query, chunk.text),
    bestSentence: bestSentence(query, chunk.text),
    alsoIn: alsoInFor(reader, chunk),
  };
}

/** Hybrid search for the API, the CLI and the pages: attributed, cited, highlighted results. */
export async function searchQuotes(reader: IndexReader, embedder: Embedder, params: SearchParams): Promise<SearchResponse> {
  const started = performance.now();
  assertSameEmbedder(reader, embedder);
  const limit = Math.min(Math.max(1, params.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const offset = Math.max(0, params.offset ?? 0);
  const ranked = await rankChunks(reader, embedder, params);
  const results = ranked.slice(offset, offset + limit).map(({ chunk, score }) => toSearchResult(reader, chunk, params.q, score));
  return { query: params.q, embedder: embedder.id, tookMs: Math.round((performance.now() - started) * 10) / 10, results };
}
