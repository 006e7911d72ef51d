import 'server-only';
import { statSync } from 'node:fs';
import { IndexReader } from '../db/index-reader';
import { IndexMissingError, resolveIndexPath } from '../db/open';
import { loadEmbedder } from '../embed';
import type { Embedder } from '../embed/embedder';
import { EmbedderPool } from '../embed/pool';
import { cachingEmbedder, clearSearchCaches, type WarmableEmbedder } from '../search/search-cache';

// One index handle and one model per server process; the handle is swapped when ingest renames a new file in.
const state = globalThis as unknown as {
  __indexReader?: IndexReader | null;
  __retiredReaders?: IndexReader[];
  __embedder?: { spec: string; promise: Promise<WarmableEmbedder> };
};

function stampOf(file: string): string | null {
  try {
    const st = statSync(file);
    return `${st.ino}:${st.mtimeMs}:${st.size}`;
  } catch {
    return null;
  }
}

/** The served index, reopened read-only when a new one has been swapped in; throws IndexMissingError when there is none. */
export function getIndex(): IndexReader {
  const file = resolveIndexPath();
  const stamp = stampOf(file);
  const current = state.__indexReader;
  if (current && current.fileStamp === stamp) return current;
  if (!stamp) {
    if (current) return current; // the file is mid-rename; keep serving the open handle
    throw new IndexMissingError(file);
  }
  const next = IndexReader.open(file);
  if (current) {
    // in-flight requests may still read the old handle; close it a little later
    const retired = (state.__retiredReaders ??= []);
    retired.push(current);
    setTimeout(() => {
      retired.splice(retired.indexOf(current), 1);
      current.close();
    }, 30_000).unref();
  }
  state.__indexReader = next;
  // cached vectors and responses belong to the index they were computed on
  if (current) clearSearchCaches();
  return next;
}

/**
 * The model in a pool of worker threads, one per core (EMBED_THREADS), so concurrent searches embed in parallel and the
 * event loop never waits on the model; in this thread when EMBED_THREADS=0 or when threads cannot start.
 */
async function loadServingEmbedder(spec: string): Promise<Embedder> {
  if (process.env.EMBED_THREADS !== '0') {
    try {
      return await EmbedderPool.start(spec, undefined, { allowRemote: false });
    } catch (e) {
      console.error(`embedding threads could not start (${(e as Error).message}); embedding in the server thread`);
    }
  }
  return loadEmbedder(spec, { allowRemote: false });
}

/** The embedding model the index was built with, loaded once per model, warmed so the first query is fast, its query vectors cached. */
export function getEmbedder(): Promise<WarmableEmbedder> {
  let spec: string;
  try {
    spec = getIndex().summary().embedder;
  } catch {
    spec = process.env.EMBED_MODEL ?? 'use-lite';
  }
  // a re-ingest with another model swaps the model too
  if (state.__embedder?.spec !== spec) {
    const previous = state.__embedder;
    const promise = loadServingEmbedder(spec).then(async (e) => {
      const served = cachingEmbedder(e);
      await (served.warm ? served.warm(['warm up the model']) : e.embed(['warm up the model'], 'query'));
      if (previous) void previous.promise.then((old) => old.dispose?.()).catch(() => undefined);
      return served;
    });
    const entry = { spec, promise };
    state.__embedder = entry;
    promise.catch(() => {
      if (state.__embedder === entry) state.__embedder = undefined;
    });
  }
  return state.__embedder!.promise;
}
