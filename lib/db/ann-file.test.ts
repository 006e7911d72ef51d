import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleContent, unit } from '../ingest/fixtures/index-content';
import { annFiles, loadAnnFile, writeAnnFile } from './ann-file';
import { IndexReader } from './index-reader';
import { writeIndexAtomically } from './write-index';

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ann-file-'));
  file = path.join(dir, 'corpus.db');
  writeIndexAtomically(file, sampleContent());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the ANN graph beside an index', () => {
  it('is written only above the threshold, finds what the exact scan finds, filters included, and is ignored once the index changes', () => {
    expect(writeAnnFile(file)).toBe(false); // a small index is scanned exactly
    expect(existsSync(annFiles(file).graph)).toBe(false);
    expect(writeAnnFile(file, undefined, 2)).toBe(true);
    const reader = IndexReader.open(file);
    try {
      const ann = loadAnnFile(reader.db, file)!;
      expect(ann.size).toBe(sampleContent().chunks.length);
      const exact = reader.vectors()!;
      // queries without ties inside the top k: tied rows may come back in either order from a graph
      for (const q of [unit(0.1, 1, 0, 0), unit(0, 0.1, 1, 0.2), unit(1, 0.2, 0, 0.3)]) {
        const ids = (hits: { rowid: number }[] | null) => hits?.map((h) => h.rowid).sort();
        expect(ids(ann.search(q, 3))).toEqual(ids(exact.search(q, 3)));
        expect(ids(ann.search(q, 2, { kinds: ['analysis'] }))).toEqual(ids(exact.search(q, 2, { kinds: ['analysis'] })));
      }
      expect(ann.search(unit(1, 0, 0, 0), 5, { speakerIds: ['mca-official'] })).toBeNull(); // fewer than k pass: the caller scans
    } finally {
      reader.close();
    }
    writeIndexAtomically(file, sampleContent()); // a re-ingest: a new build time
    const rebuilt = IndexReader.open(file);
    try {
      expect(loadAnnFile(rebuilt.db, file)).toBeNull();
    } finally {
      rebuilt.close();
    }
  });
});
