import { describe, expect, it } from 'vitest';
import type { StoredChunk } from '../db/index-reader';
import { clearsFloor, evidenceFor, FLOOR, matchKind, queryNotice } from './relevance-floor';

const chunk = (text: string, context = '', sectionHeading: string | null = null) => ({ text, context, sectionHeading }) as StoredChunk;
const evidence = (q: string, c: StoredChunk, vectorScore: number | null = null) => evidenceFor(q, [], { chunk: c, speakerName: 'Ann Example', vectorScore });

describe('queryNotice', () => {
  const corpus = new Map([['sanctions', 3]]);
  it('says when a query has no letters, only common words, or a script the index does not hold', () => {
    for (const q of ['*', '?!.,;', '🙂🙂', '— …']) expect(queryNotice(q, corpus), q).toBe('no-words');
    for (const q of ['a', 'the', 'AND OR NOT', 'what do experts say']) expect(queryNotice(q, corpus), q).toBe('common-words-only');
    for (const q of ['日本の防衛', 'санкции', 'العقوبات على الصين']) expect(queryNotice(q, corpus), q).toBe('unreadable-language');
  });
  it('lets through a query with a word to search, in any script the corpus holds, or digits', () => {
    expect(queryNotice('sanctions on China', corpus)).toBeNull();
    expect(queryNotice('日本 sanctions', corpus)).toBeNull();
    expect(queryNotice('2024', corpus)).toBeNull();
    expect(queryNotice('防衛', new Map([['防衛', 1]]))).toBeNull();
  });
});

describe('the floor and the labels', () => {
  it('keeps a quote with half the words or close meaning, and drops one with neither', () => {
    expect(clearsFloor(evidence('sanctions against China', chunk('Sanctions would hurt China.')))).toBe(true);
    expect(clearsFloor(evidence('sanctions against China Taiwan crisis', chunk('Taiwan is far.')))).toBe(false);
    expect(clearsFloor(evidence('sanctions against China Taiwan crisis', chunk('Taiwan is far.'), FLOOR.vector))).toBe(true);
    expect(clearsFloor(evidence('NATO', chunk('Unrelated words.'), FLOOR.vector - 0.01))).toBe(false);
  });
  it('counts the author’s lead-in at a discount, and labels by what matched', () => {
    const viaLeadIn = evidence('NATO', chunk('We will open an office.', 'Ishii, a former ambassador to NATO, said:'));
    expect(viaLeadIn.words).toBeCloseTo(FLOOR.leadInCredit);
    expect(matchKind(viaLeadIn)).toBe('lead-in');
    expect(matchKind(evidence('NATO office', chunk('A NATO office.')))).toBe('all-words');
    expect(matchKind(evidence('NATO office Tokyo', chunk('A NATO office.')))).toBe('some-words');
    expect(matchKind(evidence('NATO office Tokyo', chunk('Nothing here.'), 0.7))).toBe('meaning');
  });
});
