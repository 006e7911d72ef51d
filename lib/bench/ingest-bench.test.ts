import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shingles } from '../corpus/chunk';
import { writeSyntheticArchive } from './ingest-bench';

describe('the synthetic archive', () => {
  it('is made of documents that share no word 3-grams, so ingest does not treat them as copies of each other', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-test-'));
    try {
      writeSyntheticArchive('corpus', dir, 12);
      const files = readdirSync(dir);
      expect(files).toHaveLength(12);
      const paragraphs = files.flatMap((f) =>
        readFileSync(path.join(dir, f), 'utf8')
          .split('\n---\n')[1]
          .split(/\n\s*\n/)
          .filter((p) => p.length > 80),
      );
      expect(paragraphs.length).toBeGreaterThanOrEqual(12 * 8);
      const seen = new Map<string, number>();
      let shared = 0;
      let total = 0;
      paragraphs.forEach((p, i) => {
        for (const s of shingles(p)) {
          total++;
          const other = seen.get(s);
          if (other !== undefined && other !== i) shared++;
          seen.set(s, i);
        }
      });
      // chance repeats of common words only: far below the 60% ingest calls a copy
      expect(shared / total).toBeLessThan(0.05);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
