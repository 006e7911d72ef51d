import 'server-only';
import { statSync } from 'node:fs';
import { IndexReader } from '../db/index-reader';
import { IndexMissingError, resolveIndexPath } from '../db/open';
import { loadEmbedder } from '../embed';
import type { Embedder } from '../embed/embedder';

// One index handle and one model per server process; the handle is swapped when ingest renames a new file in.
const state = globalThis as unknown as {
  __indexReader?: IndexReader | null;
  __retiredReaders?: IndexReader[];
  __embedder?: { spec: string; promise: Promise<Embedder> };
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
  return next;
}

/** The embedding model the index was built with, loaded once per model and warmed so the first query is fast. */
export function getEmbedder(): Promise<Embedder> {
  let spec: string;
  try {
    spec = getIndex().summary().embedder;
  } catch {
    spec = process.env.EMBED_MODEL ?? 'use-lite';
  }
  // a re-ingest with another model swaps the model too
  if (state.__embedder?.spec !== spec) {
    const promise = loadEmbedder(spec, { allowRemote: false }).then(async (e) => {
      await e.embed(['warm up the model'], 'query');
      return e;
    });
    const entry = { spec, promise };
    state.__embedder = entry;
    promise.catch(() => {
      if (state.__embedder === entry) state.__embedder = undefined;
    });
  }
  return state.__embedder!.promise;
}
