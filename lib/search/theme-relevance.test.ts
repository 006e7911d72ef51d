import { describe, expect, it } from 'vitest';
import { combineRelevance, lexicalScore, RELEVANCE_FLOOR, wordStems } from './theme-relevance';

describe('lexicalScore', () => {
  const terms = [
    { stem: 'taiwan', weight: 2.6 },
    { stem: 'contingency', weight: 3.7 },
  ];
  it('is 1 when every word of the theme is there and 0 when none is', () => {
    expect(lexicalScore(terms, wordStems('a Taiwan contingency'))).toBeCloseTo(1);
    expect(lexicalScore(terms, wordStems('nothing relevant'))).toBe(0);
    expect(lexicalScore([], wordStems('anything'))).toBe(0);
  });
  it('counts a partial match by the weight of what matched', () => {
    const one = lexicalScore(terms, wordStems('a Taiwan conflict'));
    expect(one).toBeGreaterThan(0.3);
    expect(one).toBeLessThan(1);
    expect(lexicalScore(terms, wordStems('a contingency plan'))).toBeGreaterThan(one);
  });
});

describe('combineRelevance', () => {
  it('lets a full word match pass the floor on its own', () => {
    expect(combineRelevance(1, 0).relevance).toBeGreaterThan(RELEVANCE_FLOOR);
  });
  it('needs an outlier in meaning to pass the floor without words', () => {
    expect(combineRelevance(0, 2).relevance).toBeLessThan(RELEVANCE_FLOOR);
    expect(combineRelevance(0, 4).relevance).toBeGreaterThanOrEqual(RELEVANCE_FLOOR);
  });
  it('stays within 0..1 and treats an unknown similarity as none', () => {
    expect(combineRelevance(1, 100).relevance).toBe(1);
    expect(combineRelevance(0, Number.NaN)).toEqual({ relevance: 0, semantic: 0 });
  });
});
