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
    const n = this.rowids.length;
    const rows = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) if (!filtered || this.accepts(i, f)) rows[m++] = i;
    const dist = this.distances(query, qNorm, rows, m);
    // a bounded list kept sorted by (distance, -rowid): k is small next to the row count
    const top: { d: number; i: number }[] = [];
    for (let r = 0; r < m; r++) {
      const i = rows[r];
      const d = dist[r];
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

  /**
   * The cosine distance of each listed row, as sqlite-vec computes it: float32 products summed in order, in float32.
   * Four rows at a time, each with its own sum, so one row's additions need not wait for the last one to round
   * (the order of each row's own additions is unchanged, so every distance is the same to the bit).
   */
  private distances(query: Float32Array, qNorm: number, rows: Int32Array, m: number): Float32Array {
    const dim = this.dimension;
    const data = this.data;
    const norms = this.norms;
    const out = new Float32Array(m);
    let r = 0;
    for (; r + 4 <= m; r += 4) {
      const a = rows[r] * dim;
      const b = rows[r + 1] * dim;
      const c = rows[r + 2] * dim;
      const d = rows[r + 3] * dim;
      let sa = 0;
      let sb = 0;
      let sc = 0;
      let sd = 0;
      for (let j = 0; j < dim; j++) {
        const q = query[j];
        sa = Math.fround(sa + Math.fround(data[a + j] * q));
        sb = Math.fround(sb + Math.fround(data[b + j] * q));
        sc = Math.fround(sc + Math.fround(data[c + j] * q));
        sd = Math.fround(sd + Math.fround(data[d + j] * q));
      }
      out[r] = 1 - sa / (norms[rows[r]] * qNorm);
      out[r + 1] = 1 - sb / (norms[rows[r + 1]] * qNorm);
      out[r + 2] = 1 - sc / (norms[rows[r + 2]] * qNorm);
      out[r + 3] = 1 - sd / (norms[rows[r + 3]] * qNorm);
    }
    for (; r < m; r++) {
      const base = rows[r] * dim;
      let dot = 0;
      for (let j = 0; j < dim; j++) dot = Math.fround(dot + Math.fround(data[base + j] * query[j]));
      out[r] = 1 - dot / (norms[rows[r]] * qNorm);
    }
    return out;
  }
}

/** Σ x² in float32, as sqlite-vec sums a vector's magnitude. */
function sumOfSquares(v: Float32Array, start: number, dim: number): number {
  let s = 0;
  for (let j = start; j < start + dim; j++) s = Math.fround(s + Math.fround(v[j] * v[j]));
  return s;
}
