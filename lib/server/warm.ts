import { searchQuotes } from '../search/search';
import { getEmbedder, getIndex } from './context';

/** Common words the tokenizer keeps whole, so n of them are n tokens. */
const WARM_WORDS = (
  'what do experts say about the sanctions on china and how would japan and europe work with the united states if a war ' +
  'broke out over taiwan in the next few years while the public in both places has long been wary of new military ties'
).split(' ');
const WARM_TOKENS = Math.min(40, WARM_WORDS.length);

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
  // every query length up to WARM_TOKENS: the model's first call at a new input size costs about twice a warm one; then one
  // whole search, which loads the WordNet index files and prepares the statements every query uses
  await getEmbedder()
    .then(async (e) => {
      const texts = Array.from({ length: WARM_TOKENS }, (_, i) => WARM_WORDS.slice(0, i + 1).join(' '));
      // every thread of the pool has its own model to warm
      if (e.warm) await e.warm(texts);
      else for (const t of texts) await e.embed([t], 'query');
      await searchQuotes(getIndex(), e, { q: 'what does Koga say about economic penalties on Beijing', kind: 'quotes' });
    })
    .catch(() => undefined);
  console.log(`warmed the index and the model in ${Math.round(performance.now() - started)} ms`);
}
