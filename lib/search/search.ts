import type { ChunkFilter, IndexReader, RankedRow, StoredChunk } from '../db/index-reader';
import type { Embedder } from '../embed/embedder';
import { toQuoteRecord } from '../records';
import type { AlsoIn, ChunkKind, RelatedTerm, SearchResponse, SearchResult } from '../types';
import { bestSentence, lightStem, matchedTerms } from './highlight';
import { conceptMatcher, isDictionaryWord, relatedMatches, type QueryConcept } from './expand-query';
import { asParsed, parseQuery, type ParsedQuery } from './parsed-query';
import { analyseJoined, analyseText } from './text-analysis';
import { keywordRows } from './memory-bm25';
import { applyRelevanceFloor } from './relevance-floor';
import { suggestSpelling } from './spelling';
import { speakersNamedIn } from './speaker-mentions';
import { bundledWordnet } from './wordnet';

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
 * Fusion: weighted reciprocal rank fusion of up to four ranked lists, each place worth weight × credit / (k + rank).
 * - Vectors (weight 0.5): the query embedding against every chunk.
 * - BM25 (weight 1), credited by coverage²: the share of the query's content words found in the chunk's text, speaker or
 *   section. Plain RRF gave a chunk matching one common word ("Tokyo") of an OR query the credit of a chunk matching them
 *   all, and on paraphrases that noise pulled the hybrid below vectors alone. Words that only the author's lead-in to a
 *   quote has (its `context`, a weak FTS column) count at 0.8: a quote is found by the topic its lead-in names.
 * - Expanded BM25 (weight 0.5): the query words with their WordNet synonyms, derived forms and, for places, their country
 *   ("Beijing" → China, "munitions" → arms), credited by the coverage² of the query's concepts. Paraphrases share no word
 *   with what they should find; this is the only lexical path to them.
 * - The named speaker (weight 1): when the query names a speaker ("Koga on…"), that speaker's chunks by vector similarity.
 * Judged set, kind quotes (R@5 / MRR / nDCG@10): BM25 + vectors alone 0.620 / 0.761 / 0.708; + speaker 0.636 / 0.764 / 0.716;
 * + expansion 0.661 / 0.826 / 0.751; + the lead-in 0.704 / 0.860 / 0.797. Flat within ±0.015 for vector weight 0.5–0.7,
 * expansion weight 0.3–0.7, speaker weight 0.5–1, lead-in credit 0.7–0.9; coverage power 3 keeps recall and loses MRR
 * (0.704 / 0.811), 1 loses both (0.666 / 0.794). Candidates: 60 per list.
 */
export const FUSION = {
  k: 60,
  vectorWeight: 0.5,
  keywordWeight: 1.0,
  coveragePower: 2,
  expandedWeight: 0.5,
  expansionCredit: 1,
  speakerWeight: 1,
  contextCredit: 0.8,
  candidates: 60,
};

export class EmbedderMismatchError extends Error {
  constructor(indexEmbedder: string, loaded: string) {
    super(
      `The index was built with the embedding model "${indexEmbedder}" but search loaded "${loaded}". Search with --model ${indexEmbedder}, or rebuild the index with npm run ingest -- --model ${loaded}.`,
    );
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

/** Share of the query's distinct content words (light-stemmed, as the highlighter matches them) that occur in a text. */
export function queryCoverage(query: string | ParsedQuery, text: string, cacheKey: string = text): number {
  const { stems } = asParsed(query);
  if (!stems.length) return 0;
  const words = analyseText(text, cacheKey).coverageStems;
  let found = 0;
  for (const stem of stems) if (words.has(stem)) found++;
  return found / stems.length;
}

/** queryCoverage of up to four texts joined by spaces, from each text's own analysis (a word never spans the space between two). */
function pooledCoverage(pq: ParsedQuery, a: string, b: string, c: string, d: string): number {
  const { stems } = pq;
  if (!stems.length) return 0;
  const sa = analyseText(a).coverageStems;
  const sb = b ? analyseText(b).coverageStems : null;
  const sc = c ? analyseText(c).coverageStems : null;
  const sd = d ? analyseText(d).coverageStems : null;
  let found = 0;
  for (const stem of stems) if (sa.has(stem) || sb?.has(stem) || sc?.has(stem) || sd?.has(stem)) found++;
  return found / stems.length;
}

/** One ranked list of candidates and how much a place in it is worth; `credit` (0..1) scales a row's share, e.g. by query coverage. */
export interface WeightedList {
  rows: RankedRow[];
  weight: number;
  credit?: (rowid: number) => number;
}

/** Weighted reciprocal rank fusion; scores in 0..1 (1 = first, with full credit, in every list that was searched). */
export function fuseRankings(lists: WeightedList[]): Map<number, number> {
  const { k } = FUSION;
  const fused = new Map<number, number>();
  let max = 0;
  for (const { rows, weight, credit } of lists) {
    if (weight <= 0) continue;
    max += weight / (k + 1);
    rows.forEach((r, i) => fused.set(r.rowid, (fused.get(r.rowid) ?? 0) + (weight * (credit ? credit(r.rowid) : 1)) / (k + i + 1)));
  }
  if (max > 0) for (const [id, s] of fused) fused.set(id, s / max);
  return fused;
}

export interface RankedChunk {
  chunk: StoredChunk;
  score: number;
  vectorScore: number | null;
}

export interface Ranking {
  ranked: RankedChunk[];
  /** Ids of the speakers the query names, whose quotes were ranked as a list of their own (hybrid only). */
  namedSpeakers: string[];
  /** The query's words with their WordNet relatives, as the expanded BM25 list searched them (hybrid only). */
  concepts: QueryConcept[];
  /** The query as analysed once for ranking; pass it on to result building. */
  parsed: ParsedQuery;
}

/** Retrieval without presentation: candidates from BM25, expanded BM25 and KNN, fused, near-duplicates collapsed. */
export async function rankChunks(reader: IndexReader, embedder: Embedder, params: SearchParams, method: RetrievalMethod = 'hybrid'): Promise<Ranking> {
  const filter: ChunkFilter = { kinds: kindsFor(params.kind), speakerIds: params.speakers, documentIds: params.documents };
  const n = FUSION.candidates;
  const hybrid = method === 'hybrid';
  const pq = parseQuery(params.q);
  const match = method === 'vector' ? null : pq.ftsMatch;
  const keyword = match ? keywordRows(reader, match, n, filter) : [];
  let vector: RankedRow[] = [];
  let queryVector: Float32Array | null = null;
  if (method !== 'keyword' && params.q.trim()) {
    [queryVector] = await embedder.embed([params.q], 'query');
    vector = reader.vectorSearch(queryVector, n, filter);
  }
  const concepts = hybrid ? pq.concepts : [];
  const expandedMatch = hybrid ? pq.expandedMatch : null;
  const expanded = expandedMatch ? keywordRows(reader, expandedMatch, n, filter) : [];
  // a search already filtered to some speakers has no one to put first
  const named = hybrid && queryVector && !params.speakers?.length ? speakersNamedIn(params.q, reader.speakers()) : [];
  const bySpeaker = named.length ? reader.vectorSearch(queryVector!, n, { ...filter, speakerIds: named }) : [];

  const candidates = new Map(
    reader.chunksByRowid([...new Set([...keyword, ...vector, ...expanded, ...bySpeaker].map((r) => r.rowid))]).map((c) => [c.rowid, c]),
  );
  // a candidate's searchable text is its quote, speaker and section; each part is analysed once and the parts pooled
  const speakerNames = new Map<number, string>();
  const speakerOf = (c: StoredChunk) => {
    let name = speakerNames.get(c.rowid);
    if (name === undefined) speakerNames.set(c.rowid, (name = c.speakerId ? (reader.speaker(c.speakerId)?.name ?? '') : ''));
    return name;
  };
  const keywordCredit = (id: number) => {
    const c = candidates.get(id)!;
    const speaker = speakerOf(c);
    const heading = c.sectionHeading ?? '';
    const own = pooledCoverage(pq, c.text, speaker, heading, '');
    // words only the framing paragraph has count at a discount: it is the author's text, not the speaker's
    const framed = c.context && own < 1 ? FUSION.contextCredit * pooledCoverage(pq, c.text, speaker, heading, c.context) : 0;
    return Math.max(own, framed) ** FUSION.coveragePower;
  };
  const conceptCoverage = conceptMatcher(concepts, FUSION.expansionCredit);
  const expandedCredit = (id: number) => {
    const c = candidates.get(id)!;
    const speaker = speakerOf(c);
    const heading = c.sectionHeading ?? '';
    return conceptCoverage(analyseJoined([c.text, speaker, heading], `${c.id}\0${speaker}\0${heading}`).matchable) ** FUSION.coveragePower;
  };
  const lists: WeightedList[] = [];
  if (method !== 'keyword') lists.push({ rows: vector, weight: hybrid ? FUSION.vectorWeight : 1 });
  if (method !== 'vector') lists.push({ rows: keyword, weight: hybrid ? FUSION.keywordWeight : 1, credit: hybrid ? keywordCredit : undefined });
  if (expanded.length) lists.push({ rows: expanded, weight: FUSION.expandedWeight, credit: expandedCredit });
  if (bySpeaker.length) lists.push({ rows: bySpeaker, weight: FUSION.speakerWeight });
  const fused = fuseRankings(lists);
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
  return { ranked: out, namedSpeakers: named, concepts, parsed: pq };
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

/** A query word as the user typed it ("Pyongyang"), for a concept WordNet saw in lower case. */
function asTyped(query: string, term: string): string {
  const at = query.toLowerCase().indexOf(term);
  return at >= 0 ? query.slice(at, at + term.length) : term;
}

/** A stored chunk as a result for a query: attributed, cited, highlighted, with its score and "also in". */
export function toSearchResult(reader: IndexReader, chunk: StoredChunk, q: string | ParsedQuery, score: number, concepts: QueryConcept[] = []): SearchResult {
  const query = asParsed(q);
  const matched = matchedTerms(query, chunk.text);
  const ownStems = new Set(matched.map(lightStem));
  return {
    ...toQuoteRecord(reader, chunk),
    score: Math.round(score * 1000) / 1000,
    matchedTerms: matched,
    bestSentence: bestSentence(query, chunk.text),
    contextTerms: chunk.context ? matchedTerms(query, chunk.context).filter((t) => !ownStems.has(lightStem(t))) : [],
    relatedTerms: relatedMatches(concepts, chunk.text).map((r): RelatedTerm => ({ word: r.word, queryTerm: asTyped(query.text, r.queryTerm) })),
    alsoIn: alsoInFor(reader, chunk),
  };
}

/** Hybrid search for the API, the CLI and the pages: attributed, cited, highlighted results. */
export async function searchQuotes(reader: IndexReader, embedder: Embedder, params: SearchParams): Promise<SearchResponse> {
  const started = performance.now();
  assertSameEmbedder(reader, embedder);
  const limit = Math.min(Math.max(1, params.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const offset = Math.max(0, params.offset ?? 0);
  const ranking = await rankChunks(reader, embedder, params);
  const { namedSpeakers: named, concepts, parsed } = ranking;
  // only what clears the relevance floor is a result (lib/search/relevance-floor.ts)
  const { kept, notice } = applyRelevanceFloor(reader, parsed, ranking);
  const results = kept
    .slice(offset, offset + limit)
    .map(({ candidate: { chunk, score }, match }) => ({ ...toSearchResult(reader, chunk, parsed, score, concepts), match }));
  const namedSpeakers = named.map((id) => reader.speakerRef(id)).filter((s): s is NonNullable<typeof s> => !!s);
  const wn = bundledWordnet();
  const suggestion = suggestSpelling(params.q, { corpusWords: reader.corpusWordCounts(), isKnownWord: (w) => isDictionaryWord(wn, w) });
  const tookMs = Math.round((performance.now() - started) * 10) / 10;
  return { query: params.q, embedder: embedder.id, tookMs, results, namedSpeakers, suggestion, total: kept.length, limit, notice };
}
