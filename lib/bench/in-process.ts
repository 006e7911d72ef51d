import { IndexReader } from '../db/index-reader';
import type { EmbedMode, Embedder } from '../embed/embedder';
import { clearSearchCaches, searchQuotesCached } from '../search/search-cache';
import { clearParseCache } from '../search/parsed-query';
import { searchQuotes } from '../search/search';
import { summarise, timed, type LatencySummary } from './stats';

export interface InProcessBench {
  rounds: number;
  firstQueryMs: number;
  search: LatencySummary;
  embed: LatencySummary;
  withoutEmbedding: LatencySummary;
  /** A repeated search answered by the response cache. */
  cached: LatencySummary;
  /** process CPU time per end-to-end search: unlike wall time, barely inflated by other processes on the cores */
  cpuMsPerSearch: number;
}

/** An embedder that answers from precomputed vectors, to time search with the model taken out. */
function precomputed(inner: Embedder, vectors: Map<string, Float32Array>): Embedder {
  return {
    id: inner.id,
    dimension: inner.dimension,
    embed: async (texts: string[], mode: EmbedMode) =>
      mode === 'query' && texts.every((t) => vectors.has(t)) ? texts.map((t) => vectors.get(t)!) : inner.embed(texts, mode),
  };
}

/**
 * searchQuotes end to end (query embedding, BM25, KNN, fusion, citations) over every judged query, `rounds` times,
 * after one warm-up query; then the same split into the embedding alone and everything but the embedding.
 */
export async function benchInProcess(dbPath: string, embedder: Embedder, queries: string[], rounds: number): Promise<InProcessBench> {
  const reader = IndexReader.open(dbPath);
  try {
    const first = await timed(() => searchQuotes(reader, embedder, { q: 'warm-up: sanctions against China' }));
    const search: number[] = [];
    const embed: number[] = [];
    const rest: number[] = [];
    const vectors = new Map<string, Float32Array>();
    let cpuMicros = 0;
    for (let r = 0; r < rounds; r++)
      for (const q of queries) {
        const cpu = process.cpuUsage();
        search.push((await timed(() => searchQuotes(reader, embedder, { q }))).ms);
        const used = process.cpuUsage(cpu);
        cpuMicros += used.user + used.system;
        const e = await timed(() => embedder.embed([q], 'query'));
        embed.push(e.ms);
        vectors.set(q, e.value[0]);
      }
    const cached = precomputed(embedder, vectors);
    // every query analysed anew, as a query never seen before is (chunk texts stay analysed: they recur across queries)
    for (let r = 0; r < rounds; r++)
      for (const q of queries) {
        clearParseCache();
        rest.push((await timed(() => searchQuotes(reader, cached, { q }))).ms);
      }
    clearSearchCaches();
    for (const q of queries) await searchQuotesCached(reader, cached, { q });
    const hits: number[] = [];
    for (let r = 0; r < rounds; r++) for (const q of queries) hits.push((await timed(() => searchQuotesCached(reader, cached, { q }))).ms);
    clearSearchCaches();
    return {
      rounds,
      firstQueryMs: first.ms,
      search: summarise(search),
      embed: summarise(embed),
      withoutEmbedding: summarise(rest),
      cached: summarise(hits),
      cpuMsPerSearch: cpuMicros / 1000 / search.length,
    };
  } finally {
    reader.close();
  }
}
