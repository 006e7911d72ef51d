import { describe, expect, it } from 'vitest';
import { buildExpandedFtsQuery, expandQuery } from './expand-query';
import { buildFtsQuery, contentTerms, queryTerms } from './fts-query';
import { bestSentence, lightStem, matchedTerms } from './highlight';
import { parseQuery } from './parsed-query';
import { queryCoverage } from './search';
import { bundledWordnet } from './wordnet';

const QUERIES = [
  'what do experts say about sanctions on China?',
  "Japan's defence spending and NATO's standards",
  'Koga on economic penalties on Beijing',
  'the and of', // nothing but stopwords: every word counts
  'prime minister civil servants',
  '"NEAR(" AND * - ^ col:umn',
  '',
];

describe('parseQuery', () => {
  it.each(QUERIES)('holds what each helper derived from %j on its own', (q) => {
    const p = parseQuery(q);
    expect(p.text).toBe(q);
    expect(p.terms).toEqual(queryTerms(q));
    expect(p.content).toEqual(contentTerms(q));
    expect(p.stems).toEqual([...new Set(contentTerms(q).map(lightStem))].filter(Boolean));
    expect(p.ftsMatch).toBe(buildFtsQuery(q));
    const concepts = expandQuery(bundledWordnet(), q);
    expect(p.concepts).toEqual(concepts);
    expect(p.expandedMatch).toBe(buildExpandedFtsQuery(concepts));
  });

  it('is built once per text: the same value comes back, its concepts computed once', () => {
    const a = parseQuery('sanctions against China in a Taiwan crisis');
    expect(parseQuery('sanctions against China in a Taiwan crisis')).toBe(a);
    expect(a.concepts).toBe(a.concepts);
    expect(a.concepts.map((c) => c.term)).toEqual(['sanctions', 'china', 'taiwan', 'crisis']);
  });

  it('gives the highlighter and coverage the same answers as the plain text does', () => {
    const text = 'Sanctions on China would hurt. Japan’s sanctioning of Beijing is unlikely! Nobody in Tokyo wants a crisis.';
    for (const q of QUERIES) {
      const p = parseQuery(q);
      expect(matchedTerms(p, text)).toEqual(matchedTerms(q, text));
      expect(bestSentence(p, text)).toBe(bestSentence(q, text));
      expect(queryCoverage(p, text)).toBe(queryCoverage(q, text));
    }
    const p = parseQuery('sanctions against China in a crisis');
    expect(matchedTerms(p, text)).toEqual(['Sanctions', 'China', 'sanctioning', 'crisis']);
    expect(bestSentence(p, text)).toBe('Sanctions on China would hurt.');
    expect(queryCoverage(p, text)).toBe(1);
    expect(queryCoverage(parseQuery('sanctions against Russia'), text)).toBe(0.5);
  });
});
