import type { ChunkFilter, IndexReader, RankedRow, StoredChunk } from '../db/index-reader';
import type { Embedder } from '../embed/embedder';
import { toQuoteRecord } from '../records';
import type { ChunkKind, SearchResponse, SearchResult } from '../types';
import { buildFtsQuery } from './fts-query';
import { bestSentence, matchedTerms } from './highlight';

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
 * Fusion: weighted reciprocal rank fusion. RRF needs no score calibration between BM25 and cosine,
 * which differ in scale per query; on the judged set the vector list deserves a little more weight
 * because most queries are themes in the user's own words, and k = 30 keeps the top of each list decisive.
 */
export const FUSION = { k: 30, vectorWeight: 1.0, keywordWeight: 0.7, candidates: 60 };

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

/** Ranks rowids from one or two lists; returns fused scores in 0..1 (1 = first in every list used). */
export function fuseRankings(vector: RankedRow[], keyword: RankedRow[], method: RetrievalMethod): Map<number, number> {
  const { k, vectorWeight, keywordWeight } = FUSION;
  const wv = method === 'keyword' ? 0 : vectorWeight;
  const wk = method === 'vector' ? 0 : keywordWeight;
  const fused = new Map<number, number>();
  vector.forEach((r, i) => fused.set(r.rowid, (fused.get(r.rowid) ?? 0) + wv / (k + i + 1)));
  keyword.forEach((r, i) => fused.set(r.rowid, (fused.get(r.rowid) ?? 0) + wk / (k + i + 1)));
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
  const fused = fuseRankings(vector, keyword, method);
  const vectorScores = new Map(vector.map((r) => [r.rowid, r.score]));
  const ordered = [...fused.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const chunks = reader.chunksByRowid(ordered.map(([rowid]) => rowid));
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

/** Hybrid search for the API, the CLI and the pages: attributed, cited, highlighted results. */
export async function searchQuotes(reader: IndexReader, embedder: Embedder, params: SearchParams): Promise<SearchResponse> {
  const started = performance.now();
  assertSameEmbedder(reader, embedder);
  const limit = Math.min(Math.max(1, params.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const offset = Math.max(0, params.offset ?? 0);
  const ranked = await rankChunks(reader, embedder, params);
  const results: SearchResult[] = ranked.slice(offset, offset + limit).map(({ chunk, score }) => {
    const record = toQuoteRecord(reader, chunk);
    const canonicalId = chunk.dupOf ?? chunk.id;
    const canonical = chunk.dupOf ? reader.chunkById(canonicalId) : null;
    const group = [...(canonical ? [canonical] : []), ...reader.copiesOf(canonicalId)].filter((c) => c.id !== chunk.id);
    const seenDocs = new Set<string>([chunk.documentId]);
    const alsoIn = group
      .filter((c) => !seenDocs.has(c.documentId) && seenDocs.add(c.documentId))
      .map((c) => ({ documentId: c.documentId, title: reader.document(c.documentId)?.title ?? c.documentId, href: toQuoteRecord(reader, c).href }));
    return {
      ...record,
      score: Math.round(score * 1000) / 1000,
      matchedTerms: matchedTerms(params.q, chunk.text),
      bestSentence: bestSentence(params.q, chunk.text),
      alsoIn,
    };
  });
  return { query: params.q, embedder: embedder.id, tookMs: Math.round((performance.now() - started) * 10) / 10, results };
}
