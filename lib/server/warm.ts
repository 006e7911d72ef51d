import { warmUpCitations } from '../cite';
import { toQuoteRecord } from '../records';
import { getEmbedder, getIndex } from './context';

/** Loads what every query needs; a missing index is not an error here (the pages say how to build it). */
export async function warmServer(): Promise<void> {
  const started = performance.now();
  try {
    const reader = getIndex();
    // each document's citation is built once; do it now rather than in the first search
    for (const d of reader.documents()) {
      const first = reader.quotes({ documentId: d.id })[0];
      if (first) toQuoteRecord(reader, first);
    }
  } catch {
    // no index yet: pages explain, and the model loads with the first index
  }
  await Promise.allSettled([getEmbedder(), Promise.resolve().then(() => warmUpCitations())]);
  console.log(`warmed model and citations in ${Math.round(performance.now() - started)} ms`);
}
