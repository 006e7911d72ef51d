import { searchQuotes } from '../search/search';
import { getEmbedder, getIndex } from './context';

/** Loads what every query needs; a missing index is not an error here (the pages say how to build it). */
export async function warmServer(): Promise<void> {
  const started = performance.now();
  try {
    // the reader caches these lookups; it lives on globalThis, so every route bundle shares the warm copy
    const reader = getIndex();
    reader.summary();
    reader.documents();
    reader.speakers();
  } catch {
    // no index yet: pages explain, and the model loads with the first index
  }
  // a few query lengths: the model's first call at a new input size is slower than the rest; then one whole search, which
  // loads the WordNet index files and prepares the statements every query uses
  await getEmbedder()
    .then(async (e) => {
      for (const q of ['sanctions', 'economic sanctions on China', 'what do experts say about the reliability of the United States as an ally']) await e.embed([q], 'query');
      await searchQuotes(getIndex(), e, { q: 'what does Koga say about economic penalties on Beijing', kind: 'quotes' });
    })
    .catch(() => undefined);
  console.log(`warmed the index and the model in ${Math.round(performance.now() - started)} ms`);
}
