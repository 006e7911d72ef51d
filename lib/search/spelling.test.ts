import { describe, expect, it } from 'vitest';
import { isDictionaryWord } from './expand-query';
import { editDistance, suggestSpelling } from './spelling';
import { bundledWordnet } from './wordnet';

const wn = bundledWordnet();
// an invented corpus: its names are in no dictionary, so only the corpus can spell them
const corpusWords = new Map(
  Object.entries({
    sanctions: 12,
    sanction: 3,
    against: 40,
    harbour: 9,
    lindqvist: 7,
    halvorsen: 5,
    fleet: 11,
    flee: 1,
    partnership: 6,
    deterrence: 4,
    nation: 2,
    host: 2,
  }),
);
const suggest = (q: string) => suggestSpelling(q, { corpusWords, isKnownWord: (w) => isDictionaryWord(wn, w) });

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and a swap of neighbours as one edit each, and stops past the bound', () => {
    expect(editDistance('sanctons', 'sanctions', 2)).toBe(1);
    expect(editDistance('agianst', 'against', 2)).toBe(1);
    expect(editDistance('lindquist', 'lindqvist', 2)).toBe(1);
    expect(editDistance('partnrship', 'partnership', 2)).toBe(1);
    expect(editDistance('fleet', 'fleet', 1)).toBe(0);
    expect(editDistance('harbour', 'sanctions', 2)).toBe(3);
  });
});

describe('suggestSpelling', () => {
  it('corrects words that are neither in the corpus nor in the dictionary, keeping the rest of the query as typed', () => {
    expect(suggest('sanctons agianst the Harbur')).toBe('sanctions against the Harbour');
    expect(suggest('What does Lindquist say?')).toBe('What does Lindqvist say?');
    expect(suggest('HALVORSSEN on host-nation partnrship')).toBe('HALVORSEN on host-nation partnership');
  });

  it('leaves known words alone: corpus words, English words the corpus lacks, stopwords and short words', () => {
    expect(suggest('sanctions against the fleet')).toBeNull();
    expect(suggest('visiting frigates and warplanes')).toBeNull(); // a paraphrase, not a typo
    expect(suggest('flt of hte')).toBeNull(); // three letters or fewer are too short to correct
    expect(suggest('')).toBeNull();
  });

  it('offers nothing when no corpus word is close, and prefers the nearer, then the more frequent word', () => {
    expect(suggest('Zbigniewski on sanctions')).toBeNull();
    expect(suggest('fleat')).toBe('fleet'); // "flea" is no corpus word; "fleet" is one edit away
    expect(suggest('deterance')).toBe('deterrence'); // eight letters or more: two edits allowed
  });

  it('looks up at most eight unknown words, so a long query stays fast', () => {
    expect(suggest(Array(10).fill('fleat').join(' '))).toBe([...Array(8).fill('fleet'), 'fleat', 'fleat'].join(' '));
  });
});
