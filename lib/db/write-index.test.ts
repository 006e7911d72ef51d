import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleContent, unit } from '../ingest/fixtures/index-content';
import { IndexReader } from './index-reader';
import { openDatabase } from './open';
import { acquireIngestLock, cleanLeftovers, IndexWriteError, verifyIndex, writeIndexAtomically, writeIndexStreaming } from './write-index';

let dir: string;
let target: string;
let original: Buffer;

/** A pid that certainly belonged to a process which has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'write-index-'));
  target = path.join(dir, 'corpus.db');
  writeIndexAtomically(target, sampleContent());
  original = readFileSync(target);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const leftovers = () => readdirSync(dir).filter((f) => f !== 'corpus.db');

describe('writeIndexAtomically', () => {
  it('writes a complete index that passes its own checks', () => {
    const db = openDatabase(target, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
      expect([n('chunks'), n('fts_chunks'), n('vec_chunks'), n('documents'), n('speakers'), n('paragraphs'), n('footnotes')]).toEqual([5, 5, 5, 2, 2, 4, 1]);
    } finally {
      db.close();
    }
    // the checks run again on a copy (the FTS5 check needs a writable handle)
    const copy = path.join(dir, 'check.db');
    copyFileSync(target, copy);
    const rw = openDatabase(copy);
    try {
      expect(() => verifyIndex(rw, { chunks: new Array(5), dimension: 4 })).not.toThrow();
    } finally {
      rw.close();
      rmSync(copy);
    }
    const reader = IndexReader.open(target);
    expect(reader.summary()).toMatchObject({ embedder: 'test-embedder', dimension: 4, documents: 2, speakers: 2, quotes: 2, chunks: 5 });
    reader.close();
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ['a NaN', () => unit(1, 0, 0, 0).map((v, i) => (i === 2 ? Number.NaN : v))],
    ['an infinite value', () => Float32Array.of(1, Infinity, 0, 0)],
    ['the wrong dimension', () => unit(1, 0, 0)],
  ])('refuses a vector with %s and leaves the old index untouched', (_label, bad) => {
    const content = sampleContent();
    content.chunks[3] = { ...content.chunks[3], vector: bad() };
    expect(() => writeIndexAtomically(target, content)).toThrow(IndexWriteError);
    expect(() => writeIndexAtomically(target, content)).toThrow(
      /chunk c-sanctions has a vector of length \d+ or non-finite values \(expected 4 finite numbers\)/,
    );
    expect(readFileSync(target).equals(original)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('refuses content that breaks the schema (a duplicate chunk id) and leaves the old index untouched', () => {
    const content = sampleContent();
    content.chunks.push({ ...content.chunks[0], id: 'c-fleet' }); // duplicate id
    expect(() => writeIndexAtomically(target, content)).toThrow(/UNIQUE constraint failed: chunks.id/);
    expect(readFileSync(target).equals(original)).toBe(true);
    expect(leftovers()).toEqual([]);
  });
});

describe('writeIndexStreaming', () => {
  const vectorsOf = (file: string) => {
    const db = openDatabase(file, { readonly: true });
    try {
      return (db.prepare('SELECT chunk_rowid AS r, embedding AS e FROM vec_chunks ORDER BY chunk_rowid').all() as { r: number; e: Buffer }[]).map(
        (x) => `${x.r}:${x.e.toString('hex')}`,
      );
    } finally {
      db.close();
    }
  };

  it('writes vectors handed over in batches, in any order, to the chunks they belong to', async () => {
    const content = sampleContent();
    const file = path.join(dir, 'streamed.db');
    await writeIndexStreaming(file, { ...content, chunks: content.chunks.map(({ vector: _v, ...c }) => c) }, async (put) => {
      put([4, 2], [content.chunks[4].vector, content.chunks[2].vector]);
      put([0, 1, 3], [content.chunks[0].vector, content.chunks[1].vector, content.chunks[3].vector]);
    });
    expect(vectorsOf(file)).toEqual(vectorsOf(target));
    rmSync(file);
  });

  it('refuses an index where a chunk got no vector, and leaves the old index untouched', async () => {
    const content = sampleContent();
    const draft = { ...content, chunks: content.chunks.map(({ vector: _v, ...c }) => c) };
    await expect(writeIndexStreaming(target, draft, async (put) => put([0, 1], [content.chunks[0].vector, content.chunks[1].vector]))).rejects.toThrow(
      /row counts differ: 5 chunks built, 5 in chunks, 5 in fts_chunks, 2 in vec_chunks/,
    );
    await expect(writeIndexStreaming(target, draft, async () => Promise.reject(new Error('model crashed')))).rejects.toThrow('model crashed');
    expect(readFileSync(target).equals(original)).toBe(true);
    expect(leftovers()).toEqual([]);
  });
});

describe('verifyIndex', () => {
  it('detects an index whose tables disagree', () => {
    const copy = path.join(dir, 'copy.db');
    copyFileSync(target, copy);
    const db = openDatabase(copy);
    try {
      db.prepare('DELETE FROM vec_chunks WHERE chunk_rowid = 2').run();
      expect(() => verifyIndex(db, { chunks: new Array(5), dimension: 4 })).toThrow(
        /row counts differ: 5 chunks built, 5 in chunks, 5 in fts_chunks, 4 in vec_chunks/,
      );
    } finally {
      db.close();
      rmSync(copy, { force: true });
    }
  });
});

describe('leftovers of an interrupted ingest and the ingest lock', () => {
  it('removes temporary files of dead ingests and a stale lock, and keeps those of a live one', () => {
    const dead = deadPid();
    const deadTmp = `corpus.db.tmp-${dead}-1700000000000`;
    const liveTmp = `corpus.db.tmp-${process.pid}-1700000000001`;
    writeFileSync(path.join(dir, deadTmp), 'half-written');
    writeFileSync(path.join(dir, liveTmp), 'being written');
    writeFileSync(path.join(dir, 'corpus.db.lock'), String(dead));
    writeFileSync(path.join(dir, 'other.db.tmp-1-2'), 'not ours');
    expect(cleanLeftovers(target).sort()).toEqual([deadTmp, 'corpus.db.lock'].sort());
    expect(leftovers().sort()).toEqual([liveTmp, 'other.db.tmp-1-2'].sort());
    expect(readFileSync(target).equals(original)).toBe(true);
    rmSync(path.join(dir, liveTmp));
    rmSync(path.join(dir, 'other.db.tmp-1-2'));
  });

  it('keeps a lock held by a live process', () => {
    writeFileSync(path.join(dir, 'corpus.db.lock'), String(process.pid));
    expect(cleanLeftovers(target)).toEqual([]);
    expect(existsSync(path.join(dir, 'corpus.db.lock'))).toBe(true);
    rmSync(path.join(dir, 'corpus.db.lock'));
  });

  it('lets one ingest hold the lock at a time and releases it', () => {
    const release = acquireIngestLock(target);
    expect(readFileSync(`${target}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => acquireIngestLock(target)).toThrow(new IndexWriteError(`another ingest (pid ${process.pid}) is writing ${target}; wait for it to finish`));
    release();
    expect(existsSync(`${target}.lock`)).toBe(false);
    acquireIngestLock(target)();
  });
});
