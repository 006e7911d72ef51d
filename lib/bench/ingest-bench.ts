import type { Embedder } from '../embed/embedder';
import { loadEmbedder } from '../embed';
import { buildTempIndex, type TempIndex } from '../search/eval/temp-index';

export interface IngestBench {
  modelLoadSeconds: number;
  ingestSeconds: number;
  totalSeconds: number;
  chunks: number;
  quotes: number;
  index: TempIndex;
  embedder: Embedder;
}

/** Loads the bundled model cold and ingests the corpus into a temporary index, timing both (the budget covers the whole run). */
export async function benchIngest(corpusDir: string): Promise<IngestBench> {
  const started = performance.now();
  const embedder = await loadEmbedder('use-lite');
  const loaded = performance.now();
  const index = await buildTempIndex(corpusDir, embedder);
  const done = performance.now();
  return {
    modelLoadSeconds: (loaded - started) / 1000,
    ingestSeconds: (done - loaded) / 1000,
    totalSeconds: (done - started) / 1000,
    chunks: index.summary.chunks,
    quotes: index.summary.quotes,
    index,
    embedder,
  };
}
