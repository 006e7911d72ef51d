import { Index, MetricKind, ScalarKind } from 'usearch';
import type { VectorFilter, VectorHit } from './vector-store';

/**
 * Approximate nearest neighbours for large indexes: an HNSW graph (usearch, a maintained C++ library with prebuilt Node
 * binaries in its npm package) over cosine distance, vectors held as float16. Parameters measured with npm run bench
 * -- --million on vectors drawn from the corpus's own embeddings: see README, "Performance".
 */
export const ANN = { connectivity: 16, expansionAdd: 96, expansionSearch: 256, quantization: ScalarKind.F16 };

/** Rows' kind, speaker and document by rowid, for filtered searches. */
export interface RowMeta {
  kind(rowid: number): string;
  speaker(rowid: number): string | null;
  document(rowid: number): string;
}

export class AnnVectorStore {
  private constructor(
    readonly dimension: number,
    private readonly index: Index,
    private readonly meta: RowMeta | null,
  ) {}

  get size(): number {
    return Number(this.index.size());
  }

  /** An empty graph to add to in batches (add blocks while it runs: batches keep each pause short). */
  static create(dimension: number, capacityHint = 0, meta: RowMeta | null = null): AnnVectorStore {
    const index = new Index({
      dimensions: dimension,
      metric: MetricKind.Cos,
      quantization: ANN.quantization,
      connectivity: ANN.connectivity,
      expansion_add: ANN.expansionAdd,
      expansion_search: ANN.expansionSearch,
      multi: false,
    });
    void capacityHint;
    return new AnnVectorStore(dimension, index, meta);
  }

  /** Adds rows (rowids with their vectors packed in one array), on `threads` threads (0 = every core). */
  add(rowids: ArrayLike<number>, vectors: Float32Array, threads = 0): void {
    const keys = new BigUint64Array(rowids.length);
    for (let i = 0; i < rowids.length; i++) keys[i] = BigInt(rowids[i]);
    this.index.add(keys, vectors, threads);
  }

  save(file: string): void {
    this.index.save(file);
  }

  /** A graph saved earlier, loaded into memory. */
  static load(file: string, dimension: number, meta: RowMeta | null = null): AnnVectorStore {
    const store = AnnVectorStore.create(dimension, 0, meta);
    store.index.load(file);
    return store;
  }

  private raw(query: Float32Array, k: number): VectorHit[] {
    const m = this.index.search(query, k, 1);
    const out: VectorHit[] = [];
    for (let i = 0; i < m.keys.length; i++) out.push({ rowid: Number(m.keys[i]), score: 1 - m.distances[i] });
    return out;
  }

  /**
   * The k nearest rows, nearest first. With a filter, asks the graph for more and more neighbours until k pass it; a
   * filter so narrow that 4,096 neighbours hold fewer than k returns null, and the caller scans the filtered rows exactly.
   */
  search(query: Float32Array, k: number, filter: VectorFilter = {}): VectorHit[] | null {
    const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
    const speakers = filter.speakerIds?.length ? new Set(filter.speakerIds) : null;
    const documents = filter.documentIds?.length ? new Set(filter.documentIds) : null;
    if (!kinds && !speakers && !documents) return this.raw(query, k);
    const meta = this.meta;
    if (!meta) return null;
    const keep = (rowid: number) =>
      (!kinds || kinds.has(meta.kind(rowid))) && (!speakers || speakers.has(meta.speaker(rowid) ?? '')) && (!documents || documents.has(meta.document(rowid)));
    for (let ask = k * 4; ; ask *= 4) {
      const hits = this.raw(query, Math.min(ask, this.size)).filter((h) => keep(h.rowid));
      if (hits.length >= k) return hits.slice(0, k);
      if (ask >= 4096 || ask >= this.size) return null;
    }
  }
}
