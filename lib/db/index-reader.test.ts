import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleContent, unit } from '../ingest/fixtures/index-content';
import { IndexReader } from './index-reader';
import { IndexMissingError, indexSchemaVersion } from './open';
import { SCHEMA_VERSION } from './schema';
import { writeIndexAtomically } from './write-index';

let dir: string;
let reader: IndexReader;
const idsOf = (rows: { rowid: number }[]) => reader.chunksByRowid(rows.map((r) => r.rowid)).map((c) => c.id);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'index-reader-'));
  writeIndexAtomically(path.join(dir, 'corpus.db'), sampleContent());
  reader = IndexReader.open(path.join(dir, 'corpus.db'));
});

afterAll(() => {
  reader?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('vector search', () => {
  it('returns the nearest chunk first, scored by cosine similarity', () => {
    const rows = reader.vectorSearch(unit(0.1, 1, 0, 0), 5);
    expect(idsOf(rows)[0]).toBe('q-roads');
    expect(rows[0].score).toBeCloseTo(1 / Math.hypot(0.1, 1), 5);
    expect(rows.map((r) => r.score)).toEqual([...rows.map((r) => r.score)].sort((a, b) => b - a));
    expect(rows).toHaveLength(5);
  });

  it('applies kind, speaker and document filters inside the search', () => {
    const analysis = idsOf(reader.vectorSearch(unit(0, 0, 1, 0), 5, { kinds: ['analysis'] }));
    expect(analysis[0]).toBe('c-sanctions'); // the quote q-sanctions is nearer but is no analysis
    expect(analysis.slice(1).sort()).toEqual(['c-fleet', 'c-fleet-copy']);
    expect(idsOf(reader.vectorSearch(unit(1, 0, 0, 0), 5, { speakerIds: ['mca-official'] }))).toEqual(['q-sanctions']);
    expect(idsOf(reader.vectorSearch(unit(1, 0, 0, 0), 5, { documentIds: ['harbour-article'] }))).toEqual(['c-fleet-copy']);
    expect(idsOf(reader.vectorSearch(unit(1, 0, 0, 0), 1))).toEqual(['c-fleet']);
  });
});

describe('keyword search', () => {
  it('finds chunks by their words, best match first', () => {
    expect(idsOf(reader.keywordSearch('sanctions', 10)).sort()).toEqual(['c-sanctions', 'q-sanctions']);
    expect(idsOf(reader.keywordSearch('roads', 10))).toEqual(['q-roads']);
    expect(reader.keywordSearch('submarine', 10)).toEqual([]);
  });

  it('matches the speaker column and applies filters', () => {
    expect(idsOf(reader.keywordSearch('speaker:aaltonen', 10))).toEqual(['q-roads']);
    expect(idsOf(reader.keywordSearch('sanctions', 10, { kinds: ['quote', 'interview'] }))).toEqual(['q-sanctions']);
    expect(idsOf(reader.keywordSearch('sanctions', 10, { speakerIds: ['henrik-aaltonen'] }))).toEqual([]);
    expect(idsOf(reader.keywordSearch('fleet', 10, { documentIds: ['harbour-article'] }))).toEqual(['c-fleet-copy']);
    // the porter stemmer: "patrolling" finds "patrols"
    expect(idsOf(reader.keywordSearch('patrolling', 10)).sort()).toEqual(['c-fleet', 'c-fleet-copy']);
  });

  it('finds a quote by the words of the paragraph framing it, below a chunk that has them in its own text', () => {
    expect(idsOf(reader.keywordSearch('transport', 10))).toEqual(['q-roads']);
    const winter = idsOf(reader.keywordSearch('winter', 10));
    expect(winter.slice(0, 2).sort()).toEqual(['c-fleet', 'c-fleet-copy']);
    expect(winter[2]).toBe('q-roads');
  });
});

describe('reading the index', () => {
  it('returns chunks in the order asked, repeats included and unknown rowids left out, the same from its cache', () => {
    const rowids = reader.quotes().map((q) => q.rowid);
    const asked = [rowids[1], 999_999, rowids[0], rowids[1]];
    const first = reader.chunksByRowid(asked).map((c) => c.id);
    expect(first).toEqual(['q-sanctions', 'q-roads', 'q-sanctions']);
    expect(reader.chunksByRowid(asked).map((c) => c.id)).toEqual(first);
    expect(reader.chunksByRowid([])).toEqual([]);
  });

  it('lists attributed quotes in document order with their note, speaker and date', () => {
    expect(reader.quotes().map((q) => [q.id, q.kind, q.speakerId, q.footnoteNumber, q.footnoteText, q.interviewDate])).toEqual([
      ['q-roads', 'interview', 'henrik-aaltonen', 1, 'Interview with Henrik Aaltonen. Transcribed on 4 May 2023.', '2023-05-04'],
      ['q-sanctions', 'quote', 'mca-official', null, null, null],
    ]);
    expect(reader.quotes({ speakerIds: ['mca-official'] }).map((q) => q.id)).toEqual(['q-sanctions']);
  });

  it('links copies to their original ("also in")', () => {
    expect(reader.copiesOf('c-fleet').map((c) => [c.id, c.documentId])).toEqual([['c-fleet-copy', 'harbour-article']]);
    expect(reader.copiesOf('q-roads')).toEqual([]);
  });

  it('returns speakers with aliases, dates and documents', () => {
    expect(reader.speaker('henrik-aaltonen')).toMatchObject({
      name: 'Henrik Aaltonen',
      aliases: ['Hernik Aaltonen'],
      interviewDates: ['2023-05-04'],
      affiliation: 'University of Bergenholm',
      documents: [{ id: 'harbour-report' }],
    });
  });

  it('refuses a missing file and a file that is not an index, with a clear message', () => {
    expect(() => IndexReader.open(path.join(dir, 'missing.db'))).toThrow(IndexMissingError);
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, '');
    expect(() => IndexReader.open(junk)).toThrow(`${junk} is not an index built by this tool; rebuild it with npm run ingest`);
  });

  it('counts the words of the corpus for spelling suggestions: chunk texts, headings, speaker names and aliases', () => {
    const words = reader.corpusWordCounts();
    expect(words.get('sanctions')).toBe(2); // the analysis chunk and the quote
    expect(words.get('coast')).toBe(1); // the heading "1. The Coast"
    expect(words.get('aaltonen')).toBe(2); // the name and the alias "Hernik Aaltonen"
    expect(words.get('hernik')).toBe(1);
    expect(words.has('transport')).toBe(false); // a quote's lead-in is in the analysis chunks, not counted twice
    expect(reader.corpusWordCounts()).toBe(words);
  });

  it('tells the schema an index was written with, so npm start rebuilds an index from an older version', () => {
    expect(indexSchemaVersion(path.join(dir, 'corpus.db'))).toBe(SCHEMA_VERSION);
    const old = path.join(dir, 'old.db');
    writeIndexAtomically(old, sampleContent());
    const db = new Database(old);
    db.prepare("UPDATE meta SET value = '2' WHERE key = 'schema_version'").run();
    db.close();
    expect(indexSchemaVersion(old)).toBe(2);
    expect(() => IndexReader.open(old)).toThrow(`${old} has index schema 2, this version needs ${SCHEMA_VERSION}; rebuild it with npm run ingest`);
    const junk = path.join(dir, 'junk-2.db');
    writeFileSync(junk, 'not a database');
    expect(indexSchemaVersion(junk)).toBeNull();
    expect(indexSchemaVersion(path.join(dir, 'missing.db'))).toBeNull();
  });
});
