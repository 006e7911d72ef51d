import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IndexReader } from '../db/index-reader';
import { writeIndexAtomically } from '../db/write-index';
import type { EmbedMode, Embedder } from '../embed/embedder';
import { sampleContent, unit } from '../ingest/fixtures/index-content';
import { cachingEmbedder, clearSearchCaches, LruCache, searchCacheStats, searchQuotesCached } from './search-cache';

let dir: string;
let file: string;

/** A stand-in for the model that counts what it is asked to embed (the cache, not the model, is under test). */
function countingEmbedder() {
  const calls: string[][] = [];
  const e: Embedder = {
    id: 'test-embedder',
    dimension: 4,
    embed: async (texts: string[], _mode: EmbedMode) => {
      calls.push(texts);
      return texts.map((t) => unit(t.length % 3, 1, t.includes('fleet') ? 2 : 0, 0.5));
    },
  };
  return { e, calls };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'search-cache-'));
  file = path.join(dir, 'corpus.db');
  writeIndexAtomically(file, sampleContent());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => clearSearchCaches());

describe('LruCache', () => {
  it('keeps at most its size, dropping the least recently used', () => {
    const c = new LruCache<string, number>(3);
    for (const [i, k] of ['a', 'b', 'c'].entries()) c.set(k, i);
    expect(c.get('a')).toBe(0); // a is now the most recent
    c.set('d', 3);
    c.set('e', 4);
    expect(c.size).toBe(3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('c')).toBeUndefined();
    expect([c.get('a'), c.get('d'), c.get('e')]).toEqual([0, 3, 4]);
  });
});

describe('cachingEmbedder', () => {
  it('embeds a query text once, however often and in whatever batch it comes, and never caches passages', async () => {
    const { e, calls } = countingEmbedder();
    const cached = cachingEmbedder(e);
    const [a] = await cached.embed(['fleet'], 'query');
    const [b, c] = await cached.embed(['fleet', 'roads'], 'query');
    await cached.embed(['roads', 'fleet', 'roads'], 'query');
    expect(calls).toEqual([['fleet'], ['roads']]);
    expect(b).toBe(a);
    expect(Array.from(c)).toEqual(Array.from(unit(2, 1, 0, 0.5)));
    await cached.embed(['fleet'], 'passage');
    await cached.embed(['fleet'], 'passage');
    expect(calls.slice(2)).toEqual([['fleet'], ['fleet']]);
  });
});

describe('searchQuotesCached', () => {
  it('answers a repeated search from the cache, a changed filter or page anew, and forgets all when another index is served', async () => {
    const { e, calls } = countingEmbedder();
    const embedder = cachingEmbedder(e);
    let reader = IndexReader.open(file);
    const first = await searchQuotesCached(reader, embedder, { q: 'naval fleet' });
    const again = await searchQuotesCached(reader, embedder, { q: 'naval fleet' });
    expect(again.results).toBe(first.results);
    expect(searchCacheStats().responses).toMatchObject({ size: 1, hits: 1 });
    const quotes = await searchQuotesCached(reader, embedder, { q: 'naval fleet', kind: 'quotes' });
    await searchQuotesCached(reader, embedder, { q: 'naval fleet', offset: 1 });
    expect(quotes.results).not.toBe(first.results);
    expect(searchCacheStats().responses.size).toBe(3);
    expect(calls).toEqual([['naval fleet']]); // filters and pages reuse the query's vector
    reader.close();

    // a re-ingest swaps a new file in: same path, new stamp
    writeIndexAtomically(file, sampleContent());
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    reader = IndexReader.open(file);
    const fresh = await searchQuotesCached(reader, embedder, { q: 'naval fleet' });
    expect(fresh.results).not.toBe(first.results);
    expect(fresh.results.map((r) => r.id)).toEqual(first.results.map((r) => r.id));
    expect(searchCacheStats().responses.size).toBe(1);
    expect(calls).toEqual([['naval fleet'], ['naval fleet']]);
    reader.close();
  });
});
