import { describe, expect, it } from 'vitest';
import { buildExpandedFtsQuery, conceptMatcher, expandQuery, matchableText, relatedMatches, relatedWords } from './expand-query';
import { bundledWordnet } from './wordnet';

const wn = bundledWordnet();
const related = (word: string) => relatedWords(wn, word);

describe('WordNet query expansion', () => {
  it('lets a capital stand for its country, climbing through districts and islands', () => {
    expect(related('beijing')).toContain('china');
    expect(related('taipei')).toContain('taiwan');
    expect(related('moscow')).toContain('russia');
    expect(related('pyongyang')).toContain('north korea');
    expect(related('tokyo')).toContain('japan');
    expect(related('washington')).toEqual(expect.arrayContaining(['united states', 'u.s.']));
    expect(related('washington')).not.toContain('us'); // the abbreviation US, lower-cased, is the pronoun in every 'shown us'
    expect(related('beijing').indexOf('china')).toBeLessThan(5); // the country comes before the synonyms
  });

  it('adds synonyms, derived forms and similar adjectives, from inflected words', () => {
    expect(related('munitions')).toContain('arms');
    expect(related('premier')).toContain('prime minister');
    expect(related('invades')).toContain('invasion');
    expect(related('feeble')).toContain('weak');
    expect(related('punishing')).toContain('penalty');
  });

  it('never returns the word itself, stopwords or more than the cap', () => {
    for (const w of ['office', 'support', 'security', 'japan']) {
      const r = related(w);
      expect(r).not.toContain(w);
      expect(r.length).toBeLessThanOrEqual(16);
      expect(r.some((x) => ['the', 'of', 'and'].includes(x))).toBe(false);
    }
    expect(related('koga')).toEqual([]);
  });

  it('keeps two-word names WordNet knows together and expands only content words', () => {
    const concepts = expandQuery(wn, 'does a feeble premier leave civil servants steering diplomacy');
    expect(concepts.map((c) => c.term)).toEqual(['feeble', 'premier', 'leave', 'civil servants', 'steering', 'diplomacy']);
    expect(concepts.find((c) => c.term === 'civil servants')!.expansions).toContain('civil servant'); // the base form, which the text may use
  });

  it('builds an FTS5 query of quoted phrases made of letters and digits only, whatever the input', () => {
    const hostile = ['"NEAR(a b)" OR x*', 'beijing AND -taipei', "col:text ^start 'x'", '(((', 'Washington D.C.', '💥 ä ß 北京'];
    for (const q of hostile) {
      const match = buildExpandedFtsQuery(expandQuery(wn, q));
      if (match === null) continue;
      for (const part of match.split(' OR ')) expect(part).toMatch(/^"[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*"$/u);
    }
    expect(buildExpandedFtsQuery(expandQuery(wn, 'koga jimbo'))).toBeNull(); // nothing to add
  });

  it('credits a text fully for a concept it names and partly for a related word', () => {
    const concepts = expandQuery(wn, 'Beijing munitions');
    const full = conceptMatcher(concepts, 0.5);
    expect(full(matchableText('Beijing buys munitions.'))).toBe(1);
    expect(full(matchableText('North Korea sends arms to China.'))).toBe(0.5); // both concepts, by related words only
    expect(full(matchableText('Nothing here.'))).toBe(0);
    expect(conceptMatcher([], 1)(matchableText('text'))).toBe(0);
  });
});

describe('relatedMatches', () => {
  it('names the words of a text that stand for a query word, as written, once each, phrases whole', () => {
    const concepts = expandQuery(wn, 'Pyongyang shipping munitions to Moscow');
    const text = "North Korea's arms transfers to Russia… more arms for Russia. Moscow was pleased.";
    const found = relatedMatches(concepts, text);
    expect(found).toEqual(
      expect.arrayContaining([
        { word: 'North Korea', queryTerm: 'pyongyang' },
        { word: 'arms', queryTerm: 'munitions' },
      ]),
    );
    expect(found.filter((r) => r.word === 'arms')).toHaveLength(1);
    // Moscow is in the text itself, so Russia is not offered as its stand-in
    expect(found.some((r) => r.queryTerm === 'moscow')).toBe(false);
    expect(relatedMatches(concepts, 'Nothing related here.')).toEqual([]);
    expect(relatedMatches([], text)).toEqual([]);
  });
});

describe('expandQuery on long input', () => {
  it('stops at 32 concepts, as the keyword query stops at 32 terms', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    expect(expandQuery(wn, words)).toHaveLength(32);
  });
});
