import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnnVectorStore } from '../db/ann-store';
import { openDatabase } from '../db/open';
import { vecTableSql } from '../db/schema';
import { mulberry32 } from '../util/prng';
import { summarise, type LatencySummary } from './stats';

export interface ScaleMethod {
  name: string;
  buildSeconds: number;
  memoryMiB: number;
  diskMiB: number | null;
  latency: LatencySummary;
  /** Share of the exact top 10 found, averaged over the queries. */
  recall: number;
}

export interface ScaleBench {
  vectors: number;
  dimension: number;
  queries: number;
  /** How the vectors were made. */
  source: string;
  methods: ScaleMethod[];
}

/** `count` random unit vectors (Gaussian directions) packed in one Float32Array. */
export function randomUnitVectors(count: number, dim: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const out = new Float32Array(count * dim);
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < dim; d++) out[i * dim + d] = gaussian(rand);
    normalise(out, i * dim, dim);
  }
  return out;
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

function normalise(v: Float32Array, start: number, dim: number): void {
  let n = 0;
  for (let d = start; d < start + dim; d++) n += v[d] * v[d];
  const inv = 1 / Math.sqrt(n || 1);
  for (let d = start; d < start + dim; d++) v[d] *= inv;
}

/**
 * `count` vectors that look like a larger archive of the same corpus: each a mixture of two or three real chunk
 * embeddings with random weights, plus Gaussian noise of a third of their length, normalised. Uniform noise would make
 * every neighbour equally far (the easy case for a scan, the hardest for a graph); real archives are clustered by topic.
 */
export function corpusLikeVectors(base: Float32Array, dim: number, count: number, seed: number, noise = 0.35): Float32Array {
  const rand = mulberry32(seed);
  const n0 = base.length / dim;
  const out = new Float32Array(count * dim);
  const sigma = noise / Math.sqrt(dim);
  for (let i = 0; i < count; i++) {
    const o = i * dim;
    const parts = 2 + Math.floor(rand() * 2);
    for (let p = 0; p < parts; p++) {
      const b = Math.floor(rand() * n0) * dim;
      const w = 0.2 + rand();
      for (let d = 0; d < dim; d++) out[o + d] += w * base[b + d];
    }
    normalise(out, o, dim);
    for (let d = 0; d < dim; d++) out[o + d] += sigma * gaussian(rand);
    normalise(out, o, dim);
  }
  return out;
}

/** Exact top-k ids (1-based, as rowids) by dot product with a plain loop over one Float32Array (unit vectors: dot = cosine). */
export function scanTopK(data: Float32Array, dim: number, query: Float32Array, k: number): number[] {
  const ids: number[] = [];
  const scores: number[] = [];
  const count = data.length / dim;
  for (let i = 0; i < count; i++) {
    let s = 0;
    const base = i * dim;
    for (let d = 0; d < dim; d++) s += data[base + d] * query[d];
    if (ids.length === k && s <= scores[k - 1]) continue;
    let j = Math.min(ids.length, k - 1);
    if (ids.length < k) {
      ids.push(0);
      scores.push(0);
    }
    while (j > 0 && scores[j - 1] < s) {
      ids[j] = ids[j - 1];
      scores[j] = scores[j - 1];
      j--;
    }
    ids[j] = i + 1;
    scores[j] = s;
  }
  return ids;
}

const KINDS = ['interview', 'quote', 'analysis', 'analysis'];
const rssMiB = () => process.memoryUsage().rss / 2 ** 20;
const recallOf = (found: number[], truth: number[]) => truth.filter((id) => found.includes(id)).length / truth.length;

export interface ScaleOptions {
  count: number;
  dim: number;
  /** Real chunk embeddings to draw from; random unit vectors when absent. */
  base?: Float32Array;
  /** Real query embeddings; perturbed copies fill up to `queryCount`. */
  queryVectors?: Float32Array;
  queryCount: number;
  k?: number;
  /** Skip the sqlite-vec column (it takes most of a second per query at a million). */
  skipSqliteVec?: boolean;
  log?: (line: string) => void;
}

/**
 * Exact sqlite-vec (the index's own vec0 table, on disk), a Float32Array scan and the ANN graph, on the same vectors and
 * queries in the same process: top-k latency, recall against the exact answer, build time, memory and disk.
 */
export function benchScale(o: ScaleOptions): ScaleBench {
  const { count, dim, queryCount } = o;
  const k = o.k ?? 10;
  const log = o.log ?? (() => undefined);
  const data = o.base ? corpusLikeVectors(o.base, dim, count, 42) : randomUnitVectors(count, dim, 42);
  const queries = new Float32Array(queryCount * dim);
  const realQueries = o.queryVectors ? Math.min(queryCount, o.queryVectors.length / dim) : 0;
  if (realQueries) queries.set(o.queryVectors!.subarray(0, realQueries * dim));
  if (realQueries < queryCount)
    queries.set(
      o.base ? corpusLikeVectors(o.base, dim, queryCount - realQueries, 7, 0.5) : randomUnitVectors(queryCount - realQueries, dim, 7),
      realQueries * dim,
    );
  const q = (i: number) => queries.subarray(i * dim, (i + 1) * dim);
  const methods: ScaleMethod[] = [];
  // each method's figures are printed as it finishes, so a long run cut short still tells what it measured
  const record = (m: ScaleMethod) => {
    methods.push(m);
    log(
      `      ${m.name}: top-${k} p50 ${m.latency.p50.toFixed(2)} ms, p95 ${m.latency.p95.toFixed(2)} ms, recall ${m.recall.toFixed(3)}, build ${m.buildSeconds.toFixed(1)} s`,
    );
  };

  // the exact answer, and the Float32Array scan's own figures
  log(`    Float32Array scan over ${count.toLocaleString('en')} vectors…`);
  const truth: number[][] = [];
  const scanMs: number[] = [];
  for (let i = 0; i < queryCount; i++) {
    const t = performance.now();
    truth.push(scanTopK(data, dim, q(i), k));
    scanMs.push(performance.now() - t);
  }
  record({ name: 'Float32Array scan', buildSeconds: 0, memoryMiB: data.byteLength / 2 ** 20, diskMiB: null, latency: summarise(scanMs), recall: 1 });

  const dir = mkdtempSync(path.join(tmpdir(), 'bench-scale-'));
  try {
    if (!o.skipSqliteVec) {
      log('    sqlite-vec: insert into vec0 on disk, then exact KNN…');
      const file = path.join(dir, 'vec.db');
      const db = openDatabase(file);
      try {
        db.exec(vecTableSql(dim));
        const insert = db.prepare('INSERT INTO vec_chunks (chunk_rowid, embedding, kind, speaker_id, document_id) VALUES (?,?,?,?,?)');
        const rss0 = rssMiB();
        let t = performance.now();
        for (let start = 0; start < count; start += 50_000)
          db.transaction(() => {
            for (let i = start; i < Math.min(count, start + 50_000); i++)
              insert.run(BigInt(i + 1), Buffer.from(data.buffer, data.byteOffset + i * dim * 4, dim * 4), KINDS[i % KINDS.length], '', `doc-${i % 50}`);
          })();
        const buildSeconds = (performance.now() - t) / 1000;
        const knn = db.prepare(
          'WITH knn AS (SELECT chunk_rowid, distance FROM vec_chunks WHERE embedding MATCH ? AND k = ?) SELECT chunk_rowid AS rowid FROM knn ORDER BY distance',
        );
        const blob = (i: number) => Buffer.from(queries.buffer, queries.byteOffset + i * dim * 4, dim * 4);
        knn.all(blob(0), k);
        const ms: number[] = [];
        let recall = 0;
        for (let i = 0; i < queryCount; i++) {
          t = performance.now();
          const ids = (knn.all(blob(i), k) as { rowid: number | bigint }[]).map((r) => Number(r.rowid));
          ms.push(performance.now() - t);
          recall += recallOf(ids, truth[i]);
        }
        record({
          name: 'sqlite-vec exact (vec0)',
          buildSeconds,
          memoryMiB: Math.max(0, rssMiB() - rss0),
          diskMiB: statSync(file).size / 2 ** 20,
          latency: summarise(ms),
          recall: recall / queryCount,
        });
      } finally {
        db.close();
      }
    }

    log('    ANN: building the HNSW graph (usearch)…');
    const rss0 = rssMiB();
    let t = performance.now();
    const ann = AnnVectorStore.create(dim, count);
    const rowids = new Int32Array(count);
    for (let i = 0; i < count; i++) rowids[i] = i + 1;
    const batch = 20_000;
    for (let start = 0; start < count; start += batch) {
      ann.add(rowids.subarray(start, Math.min(count, start + batch)), data.subarray(start * dim, Math.min(count, start + batch) * dim));
      if (count >= 200_000 && (start / batch) % 5 === 4) log(`      ${Math.min(count, start + batch).toLocaleString('en')} added…`);
    }
    const buildSeconds = (performance.now() - t) / 1000;
    const memoryMiB = Math.max(0, rssMiB() - rss0);
    const file = path.join(dir, 'ann.usearch');
    ann.save(file);
    ann.search(q(0), k);
    const ms: number[] = [];
    let recall = 0;
    for (let i = 0; i < queryCount; i++) {
      t = performance.now();
      const ids = ann.search(q(i), k)!.map((h) => h.rowid);
      ms.push(performance.now() - t);
      recall += recallOf(ids, truth[i]);
    }
    record({
      name: 'ANN (usearch HNSW, f16)',
      buildSeconds,
      memoryMiB,
      diskMiB: statSync(file).size / 2 ** 20,
      latency: summarise(ms),
      recall: recall / queryCount,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    vectors: count,
    dimension: dim,
    queries: queryCount,
    source: o.base ? `mixtures of ${o.base.length / dim} real chunk embeddings + noise` : 'random unit vectors',
    methods,
  };
}
