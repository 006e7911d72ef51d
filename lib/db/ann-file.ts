import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { AnnVectorStore, type RowMeta } from './ann-store';
import { openDatabase, type Db } from './open';

/**
 * Above this many vectors, search uses the ANN graph written beside the index instead of an exact scan. Measured with
 * npm run bench (README, "Performance"): the in-memory scan costs about 1 ms per 1,000 vectors at 512 dimensions on one
 * core, so at 50,000 a scan is ~25-50 ms while the graph answers in under a millisecond at recall@10 = 1.00.
 */
export const ANN_THRESHOLD = 50_000;

/** The graph's file and the note of which index it was built from. */
export function annFiles(dbPath: string): { graph: string; note: string } {
  return { graph: `${dbPath}.usearch`, note: `${dbPath}.usearch.json` };
}

interface AnnNote {
  builtAt: string;
  chunks: number;
  dimension: number;
}

function indexNote(db: Db): AnnNote {
  const meta = (key: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? '';
  return {
    builtAt: meta('built_at'),
    chunks: (db.prepare('SELECT count(*) AS n FROM vec_chunks').get() as { n: number }).n,
    dimension: Number(meta('dimension')),
  };
}

/**
 * Builds the ANN graph of an index (vectors streamed from vec_chunks in batches, so memory holds one batch and the graph)
 * and writes it beside the index, the note last so a half-written graph is never used. Returns false below the threshold.
 */
export function writeAnnFile(dbPath: string, onProgress?: (done: number, total: number) => void, threshold = ANN_THRESHOLD): boolean {
  const { graph, note } = annFiles(dbPath);
  const db = openDatabase(dbPath, { readonly: true });
  try {
    const info = indexNote(db);
    rmSync(note, { force: true });
    if (info.chunks <= threshold) {
      rmSync(graph, { force: true });
      return false;
    }
    const store = AnnVectorStore.create(info.dimension, info.chunks);
    const batch = 10_000;
    const rowids = new Int32Array(batch);
    const vectors = new Float32Array(batch * info.dimension);
    let n = 0;
    let done = 0;
    const flush = () => {
      if (!n) return;
      store.add(rowids.subarray(0, n), vectors.subarray(0, n * info.dimension));
      done += n;
      n = 0;
      onProgress?.(done, info.chunks);
    };
    for (const r of db.prepare('SELECT chunk_rowid AS rowid, embedding FROM vec_chunks').iterate() as IterableIterator<{
      rowid: number | bigint;
      embedding: Buffer;
    }>) {
      rowids[n] = Number(r.rowid);
      vectors.set(new Float32Array(r.embedding.buffer, r.embedding.byteOffset, info.dimension), n * info.dimension);
      if (++n === batch) flush();
    }
    flush();
    const tmp = `${graph}.tmp-${process.pid}`;
    store.save(tmp);
    renameSync(tmp, graph);
    writeFileSync(note, JSON.stringify(info));
    return true;
  } finally {
    db.close();
  }
}

/** Kind, speaker and document of every chunk, for filtered ANN searches. */
function rowMeta(db: Db): RowMeta {
  const kinds = new Map<number, string>();
  const speakers = new Map<number, string | null>();
  const documents = new Map<number, string>();
  for (const r of db.prepare('SELECT rowid, kind, speaker_id, document_id FROM chunks').iterate() as IterableIterator<{
    rowid: number;
    kind: string;
    speaker_id: string | null;
    document_id: string;
  }>) {
    kinds.set(r.rowid, r.kind);
    speakers.set(r.rowid, r.speaker_id);
    documents.set(r.rowid, r.document_id);
  }
  return { kind: (id) => kinds.get(id) ?? '', speaker: (id) => speakers.get(id) ?? null, document: (id) => documents.get(id) ?? '' };
}

/** The graph written for this very index (same build time, count and dimension), loaded; null when there is none. */
export function loadAnnFile(db: Db, dbPath: string): AnnVectorStore | null {
  const { graph, note } = annFiles(dbPath);
  if (!existsSync(note) || !existsSync(graph)) return null;
  try {
    const saved = JSON.parse(readFileSync(note, 'utf8')) as AnnNote;
    const info = indexNote(db);
    if (saved.builtAt !== info.builtAt || saved.chunks !== info.chunks || saved.dimension !== info.dimension) return null;
    return AnnVectorStore.load(graph, info.dimension, rowMeta(db));
  } catch {
    return null;
  }
}
