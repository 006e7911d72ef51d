// A 10 MB document (allowed: the limit is 20 MB) must ingest completely into a checked index.
// Its speed is measured by npm run bench, not asserted here.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IndexReader } from '../db/index-reader';
import { fakeEmbedder } from './fixtures/fake-embedder';
import { largeDocument } from './fixtures/large-document';
import { ingestCorpus } from './ingest';

process.env.EMBED_WORKERS = '0';
let root = '';
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a 10 MB document', () => {
  it('ingests completely (fake embedder) into a checked index', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'large-document-'));
    const corpus = path.join(root, 'corpus');
    mkdirSync(corpus);
    const text = largeDocument();
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    writeFileSync(path.join(corpus, 'very-large-report.md'), text);
    const db = path.join(root, 'data', 'corpus.db');
    const summary = await ingestCorpus({ corpusDir: corpus, dbPath: db, embedder: fakeEmbedder() });
    expect(summary.documents).toHaveLength(1);
    expect(summary.chunks).toBeGreaterThan(5000);
    const reader = IndexReader.open(db);
    try {
      expect(reader.summary().chunks).toBe(summary.chunks);
    } finally {
      reader.close();
    }
    expect(readdirSync(path.dirname(db))).toEqual(['corpus.db']);
  }, 120_000);
});
