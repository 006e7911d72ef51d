import { mulberry32 } from '../util/prng';
import { openDatabase } from '../db/open';
import { vecTableSql } from '../db/schema';
import { summarise, type LatencySummary } from './stats';

export interface ScaleBench {
  vectors: number;
  dimension: number;
  queries: number;
  insertSeconds: number;
  sqliteVec: LatencySummary;
  sqliteVecFiltered: LatencySummary;
  scan: LatencySummary;
  ratioP50: number;
  sameTop10: number;
}

// a seeded generator, so every run scans the same vectors
const prng = mulberry32;

/** `count` random unit vectors (Gaussian directions) packed in one Float32Array. */
export function randomUnitVectors(count: number, dim: number, seed: number): Float32Array {
  const rand = prng(seed);
  const out = new Float32Array(count * dim);
  for (let i = 0; i < count; i++) {
    let norm = 0;
    for (let d = 0; d < dim; d += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - rand()));
      const t = 2 * Math.PI * rand();
      out[i * dim + d] = r * Math.cos(t);
      if (d + 1 < dim) out[i * dim + d + 1] = r * Math.sin(t);
    }
    for (let d = 0; d < dim; d++) norm += out[i * dim + d] ** 2;
    const inv = 1 / Math.sqrt(norm);
    for (let d = 0; d < dim; d++) out[i * dim + d] *= inv;
  }
  return out;
}

/** Exact top-k by dot product with a plain loop over one Float32Array (unit vectors, so dot = cosine). */
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

/**
 * The index's own vec0 table (same schema as the served index, cosine metric, metadata columns) filled with `count` random
 * unit vectors in memory; top-10 KNN with sqlite-vec versus the plain scan above, on the same queries in the same process.
 */
export function benchScale(count: number, dim: number, queryCount: number, k = 10): ScaleBench {
  const data = randomUnitVectors(count, dim, 42);
  const queries = randomUnitVectors(queryCount, dim, 7);
  const db = openDatabase(':memory:');
  try {
    db.exec(vecTableSql(dim));
    const insert = db.prepare('INSERT INTO vec_chunks (chunk_rowid, embedding, kind, speaker_id, document_id) VALUES (?,?,?,?,?)');
    const started = performance.now();
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const v = data.subarray(i * dim, (i + 1) * dim);
        insert.run(BigInt(i + 1), Buffer.from(v.buffer, v.byteOffset, v.byteLength), KINDS[i % KINDS.length], '', `doc-${i % 50}`);
      }
    })();
    const insertSeconds = (performance.now() - started) / 1000;
    const knn = db.prepare(
      'WITH knn AS (SELECT chunk_rowid, distance FROM vec_chunks WHERE embedding MATCH ? AND k = ?) SELECT chunk_rowid AS rowid FROM knn ORDER BY distance',
    );
    const knnQuotes = db.prepare(
      "WITH knn AS (SELECT chunk_rowid, distance FROM vec_chunks WHERE embedding MATCH ? AND k = ? AND kind IN ('interview', 'quote')) SELECT chunk_rowid AS rowid FROM knn ORDER BY distance",
    );
    const blob = (q: number) => Buffer.from(queries.buffer, q * dim * 4, dim * 4);
    knn.all(blob(0), k); // first touch of the pages is not what a warm server sees
    const vecMs: number[] = [];
    const filteredMs: number[] = [];
    const scanMs: number[] = [];
    let same = 0;
    for (let q = 0; q < queryCount; q++) {
      let t = performance.now();
      const fromVec = (knn.all(blob(q), k) as { rowid: number | bigint }[]).map((r) => Number(r.rowid));
      vecMs.push(performance.now() - t);
      t = performance.now();
      knnQuotes.all(blob(q), k);
      filteredMs.push(performance.now() - t);
      t = performance.now();
      const fromScan = scanTopK(data, dim, queries.subarray(q * dim, (q + 1) * dim), k);
      scanMs.push(performance.now() - t);
      if (fromVec.length === fromScan.length && fromVec.every((id) => fromScan.includes(id))) same++;
    }
    const sqliteVec = summarise(vecMs);
    const scan = summarise(scanMs);
    return {
      vectors: count,
      dimension: dim,
      queries: queryCount,
      insertSeconds,
      sqliteVec,
      sqliteVecFiltered: summarise(filteredMs),
      scan,
      ratioP50: sqliteVec.p50 / scan.p50,
      sameTop10: same,
    };
  } finally {
    db.close();
  }
}
