import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureIndex, type FixtureIndex } from '../collections/test-fixture';
import { toQuoteRecord } from '../records';
import { type QuoteCardData, toCard } from './cards';
import { packCards, splice, unpackCards, unsplice } from './packed-cards';

let fx: FixtureIndex;
let cards: QuoteCardData[];
beforeAll(async () => {
  fx = await buildFixtureIndex();
  const chunks = fx.reader.chunksByRowid(Array.from({ length: 50 }, (_, i) => i + 1));
  // every chunk of a real index (interviews and analysis), dressed as search results with every optional field used somewhere
  cards = chunks.map((c, i) => {
    const record = toQuoteRecord(fx.reader, c);
    const word = /\p{L}{5,}/u.exec(c.text)?.[0] ?? '';
    return toCard({
      ...record,
      score: 0.5 + i / 100,
      match: i % 2 ? 'some-words' : 'meaning',
      matchedTerms: i % 2 ? [word] : [],
      bestSentence: c.text.split('. ')[0],
      relatedTerms: i % 2 ? [] : [{ word, queryTerm: 'quota' }],
      alsoIn: i === 0 ? [{ documentId: 'other-report', title: 'Another report', href: '/documents/other-report' }] : [],
      contextTerms: i === 1 ? ['fishing'] : [],
      savedAt: i === 2 ? '2025-03-04T05:06:07.000Z' : undefined,
      page: i === 0 ? 41 : null,
    });
  });
}, 120_000);
afterAll(() => fx?.remove());

describe('packCards', () => {
  it('gives back every card field for field, through JSON as the RSC payload carries it', () => {
    expect(cards.length).toBeGreaterThan(2);
    expect(cards.some((c) => c.kind === 'analysis') && cards.some((c) => c.speaker)).toBe(true);
    const packed = JSON.parse(JSON.stringify(packCards(cards)));
    expect(unpackCards(packed)).toEqual(cards);
  });

  it('sends what cards share once: the document, each speaker, the bibliography entries', () => {
    const packed = packCards(cards);
    expect(packed.documents).toHaveLength(1);
    expect(packed.speakers).toHaveLength(new Set(cards.filter((c) => c.speaker).map((c) => c.speaker!.id)).size);
    // one bibliography entry per style (Chicago, APA, MLA) of the one document, whatever the number of quotes
    expect(packed.tails.length).toBeLessThanOrEqual(3);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(cards).length * 0.6);
  });
});

describe('splice', () => {
  it('refers to the longest stretch another string holds, and gives the text back', () => {
    const entry = '\n\nDoe, Jane. A Test Report on Fisheries. Leiden: Test Institute, 2024.';
    const note = 'Ken Example, interview, quoted in Jane Doe, A Test Report on Fisheries (Leiden: Test Institute, 2024), n. 1.';
    const spliced = splice(note, entry);
    // the title and the publisher, each sent once (in the entry)
    expect(spliced).toEqual(['Ken Example, interview, quoted in Jane Doe,', [12, 27], ' (', [41, 28], '), n. 1.']);
    expect(unsplice(spliced, entry)).toBe(note);
    expect(splice('nothing in common at all here', entry)).toBe('nothing in common at all here');
    expect(splice(note, null)).toBe(note);
  });
});
