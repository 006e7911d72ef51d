import type { Db } from './open';

/** Which rows a vector search may return (the same filters as the vec0 metadata columns). */
export interface VectorFilter {
  kinds?: string[];
  speakerIds?: string[];
  documentIds?: string[];
}

export interface VectorHit {
  rowid: number;
  /** 1 − cosine distance, as sqlite-vec computes it. */
  score: number;
}

/**
 * Every embedding of an index in one Float32Array, with its row's kind, speaker and document, for an exact top-k scan.
 * sqlite-vec answers the same question but pays about 5 ms per query even on 200 vectors (its vec0 scan reads fixed
 * chunks); this scan costs under 1 ms there and grows linearly (see npm run bench for where ANN takes over).
 * Distances are computed exactly as sqlite-vec's distance_cosine_float does (float32 sums, double division), and ties go to
 * the higher rowid (as sqlite-vec orders them), so results are the same as the SQL path, bit for bit.
 */
export class ExactVectorStore {
  private constructor(
    readonly dimension: number,
    private readonly data: Float32Array,
    private readonly norms: Float64Array,
    readonly rowids: Int32Array,
    private readonly kinds: string[],
    private readonly speakers: (string | null)[],
    private readonly documents: string[],
  ) {}

  get size(): number {
    return this.rowids.length;
  }

  /** Loads every vector of the index's vec_chunks table, in rowid order. */
  static load(db: Db, dimension: number): ExactVectorStore {
    const count = (db.prepare('SELECT count(*) AS n FROM vec_chunks').get() as { n: number }).n;
    const data = new Float32Array(count * dimension);
    const rowids = new Int32Array(count);
    const kinds: string[] = [];
    const speakers: (string | null)[] = [];
    const documents: string[] = [];
    let i = 0;
    const rows = db
      .prepare('SELECT chunk_rowid AS rowid, embedding, kind, speaker_id, document_id FROM vec_chunks ORDER BY chunk_rowid')
      .iterate() as IterableIterator<{ rowid: number | bigint; embedding: Buffer; kind: string; speaker_id: string | null; document_id: string }>;
    for (const r of rows) {
      if (i >= count) break;
      data.set(new Float32Array(r.embedding.buffer, r.embedding.byteOffset, dimension), i * dimension);
      rowids[i] = Number(r.rowid);
      kinds.push(r.kind);
      speakers.push(r.speaker_id || null);
      documents.push(r.document_id);
      i++;
    }
    const norms = new Float64Array(i);
    for (let j = 0; j < i; j++) norms[j] = Math.sqrt(sumOfSquares(data, j * dimension, dimension));
    return new ExactVectorStore(dimension, data.subarray(0, i * dimension), norms, rowids.subarray(0, i), kinds, speakers, documents);
  }

  /** The vector of the i-th row (a view, not a copy). */
  vectorAt(i: number): Float32Array {
    return this.data.subarray(i * this.dimension, (i + 1) * this.dimension);
  }

  private accepts(i: number, f: { kinds: Set<string> | null; speakers: Set<string> | null; documents: Set<string> | null }): boolean {
    if (f.kinds && !f.kinds.has(this.kinds[i])) return false;
    if (f.speakers && !f.speakers.has(this.speakers[i] ?? '')) return false;
    if (f.documents && !f.documents.has(this.documents[i])) return false;
    return true;
  }

  /** The k nearest rows by cosine distance, nearest first (ties: higher rowid first, as in sqlite-vec). */
  search(query: Float32Array, k: number, filter: VectorFilter = {}): VectorHit[] {
    const dim = this.dimension;
    if (query.length !== dim) throw new Error(`query vector has ${query.length} dimensions, the index ${dim}`);
    const f = {
      kinds: filter.kinds?.length ? new Set(filter.kinds) : null,
      speakers: filter.speakerIds?.length ? new Set(filter.speakerIds) : null,
      documents: filter.documentIds?.length ? new Set(filter.documentIds) : null,
    };
    const filtered = !!(f.kinds || f.speakers || f.documents);
    const qNorm = Math.sqrt(sumOfSquares(query, 0, dim));
    // a bounded list kept sorted by (distance, -rowid): k is small next to the row count
    const top: { d: number; i: number }[] = [];
    const data = this.data;
    for (let i = 0; i < this.rowids.length; i++) {
      if (filtered && !this.accepts(i, f)) continue;
      let dot = 0;
      const base = i * dim;
      for (let j = 0; j < dim; j++) dot = Math.fround(dot + Math.fround(data[base + j] * query[j]));
      const d = Math.fround(1 - dot / (this.norms[i] * qNorm));
      if (top.length === k && d > top[k - 1].d) continue;
      let at = top.length === k ? k - 1 : top.length;
      if (top.length < k) top.push({ d, i });
      while (at > 0 && top[at - 1].d >= d) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = { d, i };
    }
    return top.map((t) => ({ rowid: this.rowids[t.i], score: 1 - t.d }));
  }
}

/** Σ x² in float32, as sqlite-vec sums a vector's magnitude. */
function sumOfSquares(v: Float32Array, start: number, dim: number): number {
  let s = 0;
  for (let j = start; j < start + dim; j++) s = Math.fround(s + Math.fround(v[j] * v[j]));
  return s;
}
