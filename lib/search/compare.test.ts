import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexReader } from '../db/index-reader';
import { loadEmbedder } from '../embed';
import type { Embedder } from '../embed/embedder';
import { ingestCorpus } from '../ingest/ingest';
import { compareSpeakers, CompareInputError, MAX_COMPARE_SPEAKERS, themeMatrix } from './compare';
import { lightStem } from './highlight';
import { RELEVANCE_FLOOR, wordStems } from './theme-relevance';
import { defaultThemes, FALLBACK_THEMES } from './themes';

let dir: string;
let reader: IndexReader;
let embedder: Embedder;

beforeAll(async () => {
  embedder = await loadEmbedder('use-lite');
  dir = mkdtempSync(path.join(tmpdir(), 'expert-quotes-compare-'));
  const dbPath = path.join(dir, 'corpus.db');
  await ingestCorpus({ corpusDir: path.resolve('corpus'), dbPath, embedder });
  reader = IndexReader.open(dbPath);
}, 180_000);

afterAll(() => {
  reader?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The rarest long word of a speaker's first quote: a theme only that quote (or few others) speaks to. */
function distinctiveWordOf(speakerId: string): { word: string; quoteId: string } {
  const quotes = reader.quotes();
  const df = new Map<string, number>();
  for (const q of quotes) for (const s of wordStems(q.text)) df.set(s, (df.get(s) ?? 0) + 1);
  const first = reader.quotes({ speakerIds: [speakerId] })[0];
  const words: string[] = [...first.text.matchAll(/\p{L}{7,}/gu)].map((m) => m[0]);
  words.sort((a, b) => (df.get(lightStem(a)) ?? 0) - (df.get(lightStem(b)) ?? 0) || a.localeCompare(b));
  if (!words.length) throw new Error(`no long word in ${first.id}`);
  return { word: words[0], quoteId: first.id };
}

describe('compareSpeakers', () => {
  it('gives one column per speaker, in the order asked, with that speaker’s quotes above the floor, strongest first', async () => {
    const ids = reader
      .speakers()
      .slice(0, 3)
      .map((s) => s.id)
      .reverse();
    const { word } = distinctiveWordOf(ids[0]);
    const result = await compareSpeakers(reader, embedder, word, ids);
    expect(result.columns.map((c) => c.speaker.id)).toEqual(ids);
    for (const c of result.columns) {
      expect(c.onTheme).toBeGreaterThanOrEqual(c.quotes.length);
      for (const q of c.quotes) {
        expect(q.speaker?.id).toBe(c.speaker.id);
        expect(q.score).toBeGreaterThanOrEqual(RELEVANCE_FLOOR);
        expect(q.citation.chicago.length).toBeGreaterThan(20);
        expect(q.href).toMatch(/^\/documents\//);
      }
      const scores = c.quotes.map((q) => q.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it('finds the quote that uses a theme’s rare word, with that word highlighted', async () => {
    const [a, b] = reader
      .speakers()
      .slice(0, 2)
      .map((s) => s.id);
    const { word, quoteId } = distinctiveWordOf(a);
    const result = await compareSpeakers(reader, embedder, word, [a, b]);
    const hit = result.columns[0].quotes.find((q) => q.id === quoteId);
    expect(hit, `"${word}" should find ${quoteId}`).toBeDefined();
    expect(hit!.matchedTerms.map((t) => t.toLowerCase())).toContain(word.toLowerCase());
  });

  it('finds a speaker whose quotes never use the theme’s word when the author’s lead-in to them does', async () => {
    // a word of some quote's lead-in that no quote of that speaker says itself (upper case: a name, as "NATO" is)
    const quotes = reader.quotes();
    let found: { speaker: string; word: string; quoteId: string } | null = null;
    for (const q of quotes) {
      if (!q.speakerId || !q.context) continue;
      const said = new Set(quotes.filter((o) => o.speakerId === q.speakerId).flatMap((o) => [...wordStems(o.text)]));
      const word = (q.context.match(/\b\p{Lu}{3,}\b/gu) ?? []).find((w) => !said.has(lightStem(w)));
      if (word) {
        found = { speaker: q.speakerId, word, quoteId: q.id };
        break;
      }
    }
    expect(found, 'the bundled corpus has a lead-in naming what its quote does not').not.toBeNull();
    const other = reader.speakers().find((s) => s.id !== found!.speaker)!.id;
    const result = await compareSpeakers(reader, embedder, found!.word, [found!.speaker, other]);
    const hit = result.columns[0].quotes.find((q) => q.id === found!.quoteId);
    expect(hit, `"${found!.word}" should find ${found!.quoteId} through its lead-in`).toBeDefined();
    expect(hit!.contextTerms.map((t) => t.toLowerCase())).toContain(found!.word.toLowerCase());
  });

  it('answers "nothing on this theme" for a theme no quote speaks to', async () => {
    const ids = reader
      .speakers()
      .slice(0, 5)
      .map((s) => s.id);
    const result = await compareSpeakers(reader, embedder, 'xylophone marmalade recipes', ids);
    const onTheme = result.columns.reduce((n, c) => n + c.onTheme, 0);
    expect(onTheme).toBeLessThanOrEqual(1);
    expect(result.columns.filter((c) => c.quotes.length === 0).length).toBeGreaterThanOrEqual(ids.length - 1);
  });

  it('refuses unknown speakers, too few or too many, and an empty theme', async () => {
    const ids = reader.speakers().map((s) => s.id);
    await expect(compareSpeakers(reader, embedder, 'trade', [ids[0], 'no-such-speaker'])).rejects.toBeInstanceOf(CompareInputError);
    await expect(compareSpeakers(reader, embedder, 'trade', [ids[0]])).rejects.toThrow(/at least 2/);
    await expect(compareSpeakers(reader, embedder, 'trade', ids.slice(0, MAX_COMPARE_SPEAKERS + 1))).rejects.toThrow(/at most/);
    await expect(compareSpeakers(reader, embedder, '   ', ids.slice(0, 2))).rejects.toThrow(/empty/);
  });
});

describe('themeMatrix', () => {
  it('gives one cell per theme and speaker, agreeing with the comparison', async () => {
    const ids = reader
      .speakers()
      .slice(0, 4)
      .map((s) => s.id);
    const themes = defaultThemes(reader, 4);
    const matrix = await themeMatrix(reader, embedder, themes, ids);
    expect(matrix.rows.map((r) => r.theme)).toEqual(themes);
    expect(matrix.speakers.map((s) => s.id)).toEqual(ids);
    for (const row of matrix.rows) {
      expect(row.cells.map((c) => c.speakerId)).toEqual(ids);
      const compared = await compareSpeakers(reader, embedder, row.theme, ids);
      row.cells.forEach((cell, i) => {
        expect(cell.count).toBe(compared.columns[i].onTheme);
        expect(cell.strength).toBeGreaterThanOrEqual(0);
        expect(cell.strength).toBeLessThanOrEqual(1);
        if (cell.count > 0) {
          expect(cell.strength).toBeGreaterThanOrEqual(cell.best);
          expect(cell.topQuoteId).toBe(compared.columns[i].quotes[0].id);
        } else expect(cell.topQuoteId).toBeNull();
      });
    }
  });

  it('says which speakers address a default theme at all', async () => {
    const ids = reader
      .speakers()
      .slice(0, 7)
      .map((s) => s.id);
    const matrix = await themeMatrix(reader, embedder, defaultThemes(reader), ids);
    // a default theme is chosen because several speakers use it: its row is never empty
    for (const row of matrix.rows.filter((r) => !FALLBACK_THEMES.includes(r.theme)))
      expect(
        row.cells.some((c) => c.count > 0),
        row.theme,
      ).toBe(true);
  });
});

describe('defaultThemes', () => {
  it('suggests distinct themes from the corpus, each spoken to by at least two speakers', () => {
    const themes = defaultThemes(reader);
    expect(themes).toHaveLength(8);
    expect(new Set(themes.map((t) => t.toLowerCase())).size).toBe(8);
    const quotes = reader.quotes();
    for (const theme of themes.filter((t) => !FALLBACK_THEMES.includes(t))) {
      const stems = [...wordStems(theme)];
      const speakers = new Set(quotes.filter((q) => stems.every((s) => wordStems(q.text).has(s))).map((q) => q.speakerId));
      expect(speakers.size, theme).toBeGreaterThanOrEqual(2);
    }
    expect(defaultThemes(reader)).toBe(themes); // computed once per index
  });
});
