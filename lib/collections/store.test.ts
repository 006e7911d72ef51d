import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CollectionError,
  collectionsFile,
  displayPath,
  pruneMissing,
  readSaved,
  resolveSaved,
  saveQuotes,
  savedIdSet,
  unsaveQuotes,
  userDataDir,
} from './store';
import { buildFixtureIndex, FIXTURE_DOCUMENT, type FixtureIndex } from './test-fixture';

let fx: FixtureIndex;
let file: string;
let n = 0;

beforeAll(async () => {
  fx = await buildFixtureIndex();
}, 120_000);
afterAll(() => fx?.remove());
beforeEach(() => {
  // every test gets its own user-data folder
  file = collectionsFile(path.join(fx.dir, `user-${++n}`));
});

const quoteIds = () => fx.reader.quotes().map((q) => q.id);

describe('saved quotes file', () => {
  it('starts empty, and saves quote ids with the time they were saved', async () => {
    expect(readSaved(file)).toEqual([]);
    const [a, b] = quoteIds();
    const now = new Date('2025-01-02T03:04:05Z');
    const items = await saveQuotes(fx.reader, [a, b, a], file, now);
    expect(items).toEqual([
      { id: a, savedAt: now.toISOString() },
      { id: b, savedAt: now.toISOString() },
    ]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, items });
  });

  it('keeps the first saved time when a quote is saved again, and removes by id', async () => {
    const [a, b] = quoteIds();
    await saveQuotes(fx.reader, [a], file, new Date('2025-01-01T00:00:00Z'));
    await saveQuotes(fx.reader, [a, b], file, new Date('2025-02-01T00:00:00Z'));
    expect(readSaved(file).find((i) => i.id === a)?.savedAt).toBe('2025-01-01T00:00:00.000Z');
    expect((await unsaveQuotes([a, 'q-not-saved'], file)).map((i) => i.id)).toEqual([b]);
    expect(savedIdSet(file)).toEqual(new Set([b]));
  });

  it('refuses ids the index does not hold and strings that are not ids, writing nothing', async () => {
    await expect(saveQuotes(fx.reader, ['q-0000000000000000'], file)).rejects.toMatchObject({ kind: 'input' });
    await expect(saveQuotes(fx.reader, ['../../etc/passwd'], file)).rejects.toBeInstanceOf(CollectionError);
    await expect(unsaveQuotes(['<script>'], file)).rejects.toMatchObject({ kind: 'input' });
    expect(existsSync(file)).toBe(false);
  });

  it('writes atomically (no temporary files left) and loses nothing under concurrent saves', async () => {
    const ids = [...quoteIds(), ...fx.reader.documents().flatMap(() => [])];
    const analysis = fx.reader.db.prepare("SELECT id FROM chunks WHERE kind = 'analysis'").all() as { id: string }[];
    const all = [...ids, ...analysis.map((r) => r.id)];
    await Promise.all(all.map((id) => saveQuotes(fx.reader, [id], file)));
    expect(new Set(readSaved(file).map((i) => i.id))).toEqual(new Set(all));
    expect(readdirSync(path.dirname(file))).toEqual(['collections.json']);
  });

  it('never overwrites a damaged file, and names it without its absolute path', async () => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{ not json');
    expect(() => readSaved(file)).toThrow(/not valid JSON/);
    expect(() => readSaved(file)).not.toThrow(path.dirname(file));
    await expect(saveQuotes(fx.reader, [quoteIds()[0]], file)).rejects.toMatchObject({ kind: 'storage' });
    expect(readFileSync(file, 'utf8')).toBe('{ not json');
    expect(savedIdSet(file).size).toBe(0);
    writeFileSync(file, JSON.stringify({ version: 2, items: [] }));
    expect(() => readSaved(file)).toThrow(/understands/);
  });

  it('lives in $USER_DATA_DIR when set, else data/user', () => {
    const before = process.env.USER_DATA_DIR;
    try {
      process.env.USER_DATA_DIR = path.join(fx.dir, 'elsewhere');
      expect(collectionsFile()).toBe(path.join(fx.dir, 'elsewhere', 'collections.json'));
      delete process.env.USER_DATA_DIR;
      expect(userDataDir()).toBe(path.resolve('data', 'user'));
    } finally {
      if (before === undefined) delete process.env.USER_DATA_DIR;
      else process.env.USER_DATA_DIR = before;
    }
  });
});

describe('resolving saved quotes against the index', () => {
  it('returns quotes newest first or in document order, and reports ids the index lacks', async () => {
    const [a, b] = quoteIds(); // document order
    const items = [
      { id: b, savedAt: '2025-01-01T00:00:00.000Z' },
      { id: 'q-gone', savedAt: '2025-01-02T00:00:00.000Z' },
      { id: a, savedAt: '2025-01-03T00:00:00.000Z' },
    ];
    const newest = resolveSaved(fx.reader, items, 'saved');
    expect(newest.quotes.map((q) => q.id)).toEqual([a, b]);
    expect(newest.quotes[0]).toMatchObject({ savedAt: '2025-01-03T00:00:00.000Z', speaker: { name: 'Ken Example' } });
    expect(newest.quotes[0].citation.chicago).toContain('Ken Example');
    expect(newest.missing.map((m) => m.id)).toEqual(['q-gone']);
    expect(resolveSaved(fx.reader, items, 'document').quotes.map((q) => q.id)).toEqual([a, b]);
  });

  it('keeps saved quotes through a re-ingest of the same text, and reports the ones whose text changed', async () => {
    const ids = quoteIds();
    await saveQuotes(fx.reader, ids, file);
    const again = await fx.reingest();
    expect(resolveSaved(again, readSaved(file)).missing).toEqual([]);
    expect(new Set(again.quotes().map((q) => q.id))).toEqual(new Set(ids));

    const edited = await fx.reingest(FIXTURE_DOCUMENT.replace('Nobody wins a tariff war at sea.', 'Nobody wins a tariff war.'));
    const resolved = resolveSaved(edited, readSaved(file));
    expect(resolved.missing.map((m) => m.id)).toEqual([ids[0]]);
    expect(resolved.quotes.map((q) => q.id)).toEqual([ids[1]]);
    expect(await pruneMissing(edited, file)).toEqual([ids[0]]);
    expect(readSaved(file).map((i) => i.id)).toEqual([ids[1]]);
    await fx.reingest(FIXTURE_DOCUMENT);
  });
});

describe('displayPath', () => {
  it('names the file relative to the working directory, never by an absolute path outside it', () => {
    expect(displayPath(path.resolve('data', 'user', 'collections.json'))).toBe('data/user/collections.json');
    const outside = displayPath('/srv/somewhere/private/collections.json');
    expect(outside).not.toContain('/srv');
    expect(outside).toMatch(/collections\.json$/);
  });
});
