import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexReader } from '../db/index-reader';
import { writeIndexAtomically } from '../db/write-index';
import { sampleContent, unit } from '../ingest/fixtures/index-content';
import { BM25_WEIGHTS } from '../db/index-reader';
import { MemoryBm25, parsePhrases } from './memory-bm25';

// words that stem together (sanctions, sanctioned; searched as fleets, drilling: absent from the texts), diacritics, apostrophes, digits, and a speaker-named column
const VOCABULARY =
  'sanctions sanctioned sanctioning China Taiwan crisis café Ünïcode don’t Japan’s F-35 arms arm fleet fjords winter roads harbour North Korea prime minister naval drills 2024 cooperation security'.split(
    ' ',
  );

let dir: string;
let reader: IndexReader;

/** A small deterministic generator, so a failure names the same index every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

beforeAll(() => {
  const base = sampleContent();
  const template = base.chunks[1];
  const next = random(7);
  const words = (n: number) => Array.from({ length: n }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]).join(' ');
  const chunks = Array.from({ length: 60 }, (_, i) => {
    const speaker = i % 3 === 0 ? null : i % 3 === 1 ? base.speakers[0] : base.speakers[1];
    return {
      ...template,
      id: `c${i}`,
      documentId: i % 2 ? 'harbour-report' : 'harbour-article',
      kind: (['analysis', 'interview', 'quote'] as const)[i % 3],
      speakerId: speaker?.id ?? null,
      speakerName: speaker?.name ?? null,
      method: speaker ? template.method : null,
      text: `${words(3 + Math.floor(next() * 30))}.`,
      // repeated short texts tie on score: their order must be FTS5's too
      context: i % 4 === 0 ? words(5) : i % 7 === 0 ? 'North Korea' : '',
      sectionHeading: i % 5 === 0 ? 'Naval drills' : template.sectionHeading,
      ordinal: i,
      vector: unit(1, i, 0, 0),
    };
  });
  dir = mkdtempSync(path.join(tmpdir(), 'memory-bm25-'));
  writeIndexAtomically(path.join(dir, 'corpus.db'), sampleContent({ chunks }));
  reader = IndexReader.open(path.join(dir, 'corpus.db'));
});

afterAll(() => {
  reader?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('in-memory BM25', () => {
  it("returns FTS5's rows, order and scores, bit for bit, for OR-ed phrases under every filter", () => {
    const memory = MemoryBm25.load(reader, BM25_WEIGHTS);
    expect(memory).not.toBeNull();
    const next = random(11);
    const phrase = () =>
      next() < 0.25
        ? ['north korea', 'prime minister', 'naval drills', 'japan s', 'f 35', 'fleets', 'drilling securities'][Math.floor(next() * 7)]
        : VOCABULARY[Math.floor(next() * VOCABULARY.length)];
    const filters = [{}, { kinds: ['interview' as const, 'quote' as const] }, { speakerIds: ['henrik-aaltonen'] }, { documentIds: ['harbour-report'] }];
    let compared = 0;
    for (let q = 0; q < 60; q++) {
      const match = Array.from({ length: 1 + Math.floor(next() * 12) }, () => `"${phrase().toLowerCase()}"`).join(' OR ');
      for (const filter of filters)
        for (const k of [5, 60]) {
          expect(memory!.search(match, k, filter), `${match} ${JSON.stringify(filter)} ${k}`).toEqual(reader.keywordSearch(match, k, filter));
          compared++;
        }
    }
    expect(compared).toBe(480);
  });

  it('leaves any other match syntax to FTS5', () => {
    const memory = MemoryBm25.load(reader, BM25_WEIGHTS)!;
    expect(memory.search('sanctions', 10, {})).toBeNull();
    expect(memory.search('"a" AND "b"', 10, {})).toBeNull();
    expect(parsePhrases('"a b" OR "c ""d"""')).toEqual(['a b', 'c "d"']);
    expect(parsePhrases('"a" OR')).toBeNull();
  });
});
