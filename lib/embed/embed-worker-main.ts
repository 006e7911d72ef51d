import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { EmbedMode, Embedder } from './embedder';
import { loadEmbedder, type LoadEmbedderOptions } from './index';

// One model per thread; requests arrive one at a time (the pool never sends a second before the first is answered).
const { spec, options, nice } = workerData as { spec: string; options: LoadEmbedderOptions; nice?: number };
const port = parentPort!;

/**
 * Lowers this thread's priority only (Linux nices threads one by one; /proc/thread-self names this one), so the process's
 * event loop wins a busy core over the model. Returns the thread id, or null where there is none to renice.
 */
function lowerThreadPriority(value: number): number | null {
  let tid: number;
  try {
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return null; // not Linux: every thread shares the process's priority, so leave it
  }
  if (!Number.isInteger(tid) || tid <= 0) return null;
  try {
    if (value > 0) setPriority(tid, value);
  } catch {
    // a container may forbid it; the pool still works at normal priority
  }
  return tid;
}

let embedder: Embedder;
try {
  embedder = await loadEmbedder(spec, options);
  // after the load, so start-up is not slowed on a busy machine
  const tid = lowerThreadPriority(nice ?? 0);
  port.postMessage({ type: 'ready', dimension: embedder.dimension, id: embedder.id, tid });
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
