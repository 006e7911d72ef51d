import { parentPort, workerData } from 'node:worker_threads';
import type { EmbedMode, Embedder } from './embedder';
import { loadEmbedder, type LoadEmbedderOptions } from './index';

// One model per thread; requests arrive one at a time (the pool never sends a second before the first is answered).
const { spec, options } = workerData as { spec: string; options: LoadEmbedderOptions };
const port = parentPort!;

let embedder: Embedder;
try {
  embedder = await loadEmbedder(spec, options);
  port.postMessage({ type: 'ready', dimension: embedder.dimension, id: embedder.id });
} catch (e) {
  port.postMessage({ type: 'failed', error: (e as Error).message });
  process.exit(1);
}

port.on('message', async (msg: { id: number; texts: string[]; mode: EmbedMode }) => {
  try {
    const vectors = await embedder.embed(msg.texts, msg.mode);
    port.postMessage(
      { type: 'done', id: msg.id, vectors },
      vectors.map((v) => v.buffer as ArrayBuffer),
    );
  } catch (e) {
    port.postMessage({ type: 'done', id: msg.id, error: (e as Error).message });
  }
});
