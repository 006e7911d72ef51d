import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleContent, unit } from '../ingest/fixtures/index-content';
import { IndexReader } from './index-reader';
import { writeIndexAtomically } from './write-index';

let dir: string;
let reader: IndexReader;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'vector-store-'));
  writeIndexAtomically(path.join(dir, 'corpus.db'), sampleContent());
  reader = IndexReader.open(path.join(dir, 'corpus.db'));
});

afterAll(() => {
  reader?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The same search through sqlite-vec's own KNN. */
function sqliteVec(v: Float32Array, k: number, kind?: string) {
  const rows = reader.db
    .prepare(
      `WITH knn AS (SELECT chunk_rowid, distance FROM vec_chunks WHERE embedding MATCH ? AND k = ?${kind ? ' AND kind = ?' : ''}) SELECT chunk_rowid AS rowid, distance FROM knn ORDER BY distance`,
    )
    .all(Buffer.from(v.buffer, v.byteOffset, v.byteLength), k, ...(kind ? [kind] : [])) as { rowid: number; distance: number }[];
  return rows.map((r) => ({ rowid: Number(r.rowid), score: 1 - r.distance }));
}

describe('ExactVectorStore', () => {
  it('gives sqlite-vec’s rows, order and scores bit for bit, ties included (copies share a vector)', () => {
    const store = reader.vectors()!;
    expect(store.size).toBe(sampleContent().chunks.length);
    const queries = [unit(0.1, 1, 0, 0), unit(0, 0, 1, 0), unit(1, 1, 1, 1), unit(0.3, -0.2, 0.9, 0.1), unit(0, 0.01, 0.2, 1)];
    for (const q of queries)
      for (const k of [1, 2, 3, 10]) {
        expect(store.search(q, k)).toEqual(sqliteVec(q, k));
        expect(store.search(q, k, { kinds: ['analysis'] })).toEqual(sqliteVec(q, k, 'analysis'));
      }
  });

  it('serves IndexReader.vectorSearch with the speaker and document filters', () => {
    const rows = reader.vectorSearch(unit(1, 0, 0, 0), 5, { speakerIds: ['mca-official'] });
    expect(reader.chunksByRowid(rows.map((r) => r.rowid)).map((c) => c.id)).toEqual(['q-sanctions']);
    expect(reader.vectorSearch(unit(1, 0, 0, 0), 5, { documentIds: ['no-such-document'] })).toEqual([]);
  });
});
