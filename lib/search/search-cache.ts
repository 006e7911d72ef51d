import type { IndexReader } from '../db/index-reader';
import type { EmbedMode, Embedder } from '../embed/embedder';
import type { SearchResponse } from '../types';
import { searchQuotes, type SearchParams } from './search';

/** A map that keeps the `limit` most recently used entries. */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  hits = 0;
  misses = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`an LRU cache needs a positive size, got ${limit}`);
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, value);
  }

  clear(): void {
    this.map.clear();
  }
}

/** Query embeddings kept (2 KB each at 512 dimensions): filter changes, paging, compare and the matrix repeat a query's text. */
export const QUERY_VECTOR_CACHE_SIZE = 2000;
/** Whole responses kept: the same search with the same filters, page and limit. */
export const RESPONSE_CACHE_SIZE = 300;

const state = globalThis as unknown as {
  __searchCaches?: { vectors: LruCache<string, Float32Array>; responses: LruCache<string, SearchResponse>; index: string | null };
};

function caches() {
  state.__searchCaches ??= { vectors: new LruCache(QUERY_VECTOR_CACHE_SIZE), responses: new LruCache(RESPONSE_CACHE_SIZE), index: null };
  return state.__searchCaches;
}

/** Empties both caches; called when a new index is served (the model may have changed with it, and every result has). */
export function clearSearchCaches(): void {
  const c = caches();
  c.vectors.clear();
  c.responses.clear();
  c.index = null;
}

/** Counts and sizes, for the bench and tests. */
export function searchCacheStats() {
  const { vectors, responses } = caches();
  return {
    vectors: { size: vectors.size, hits: vectors.hits, misses: vectors.misses },
    responses: { size: responses.size, hits: responses.hits, misses: responses.misses },
  };
}

/** Makes sure the caches belong to this index (by file and stamp); a different one empties them first. */
function forIndex(reader: IndexReader) {
  const c = caches();
  const key = `${reader.path}\0${reader.fileStamp}`;
  if (c.index !== key) {
    c.vectors.clear();
    c.responses.clear();
    c.index = key;
  }
  return c;
}

/** An embedder that can run warm-up texts in every model instance it has (a pool of threads). */
export type WarmableEmbedder = Embedder & { warm?(texts: string[]): Promise<void> };

/** An embedder whose query embeddings are remembered by model and text (passages are never cached: ingest embeds each once). */
export function cachingEmbedder(inner: WarmableEmbedder): WarmableEmbedder {
  return {
    id: inner.id,
    dimension: inner.dimension,
    dispose: inner.dispose?.bind(inner),
    warm: inner.warm?.bind(inner),
    async embed(texts: string[], mode: EmbedMode): Promise<Float32Array[]> {
      if (mode !== 'query') return inner.embed(texts, mode);
      const { vectors } = caches();
      const key = (t: string) => `${inner.id}\0${t}`;
      const out = texts.map((t) => vectors.get(key(t)));
      const missing = [...new Set(texts.filter((_, i) => !out[i]))];
      if (missing.length) {
        const fresh = await inner.embed(missing, mode);
        missing.forEach((t, i) => vectors.set(key(t), fresh[i]));
        texts.forEach((t, i) => {
          out[i] ??= fresh[missing.indexOf(t)];
        });
      }
      return out as Float32Array[];
    },
  };
}

function responseKey(embedder: Embedder, p: SearchParams): string {
  return JSON.stringify([embedder.id, p.q, p.speakers ?? [], p.documents ?? [], p.kind ?? null, p.limit ?? null, p.offset ?? 0]);
}

/** searchQuotes with whole responses remembered per index, query and filters; tookMs says how long this answer took. */
export async function searchQuotesCached(reader: IndexReader, embedder: Embedder, params: SearchParams): Promise<SearchResponse> {
  const started = performance.now();
  const { responses } = forIndex(reader);
  const key = responseKey(embedder, params);
  const hit = responses.get(key);
  if (hit) return { ...hit, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  const response = await searchQuotes(reader, embedder, params);
  responses.set(key, response);
  return response;
}
