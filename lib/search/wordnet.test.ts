import { describe, expect, it } from 'vitest';
import { bundledWordnet, parseSynsetLine } from './wordnet';

const wn = bundledWordnet();

describe('WordNet reader', () => {
  it('finds lemmas anywhere in the sorted index files, including the first and the last', () => {
    expect(wn.senses("'hood", 'n')).toHaveLength(1);
    expect(wn.senses('zyrian', 'n')).toHaveLength(1);
    expect(wn.senses('zoom in', 'v')).toHaveLength(1); // spaces are underscores in WordNet
    expect(wn.senses('Beijing', 'n')).toHaveLength(1); // case does not matter
    expect(wn.senses('washington', 'n').length).toBeGreaterThanOrEqual(3); // most frequent sense first
  });

  it('returns no senses for unknown words and for text that cannot be a lemma', () => {
    for (const w of ['', ' ', 'qwxzv', 'koga', '"', 'NEAR(', 'a\nb', 'x'.repeat(500), '\u0000', 'beijing*']) expect(wn.senses(w, 'n')).toEqual([]);
  });

  it('reads a synset by offset: its words, pointers and gloss', () => {
    const [offset] = wn.senses('munition', 'n');
    const s = wn.synset(offset, 'n');
    expect(s.words).toEqual(expect.arrayContaining(['weaponry', 'arms', 'munition']));
    expect(s.pointers.some((p) => p.symbol === '@')).toBe(true);
    expect(s.gloss).toMatch(/weapons/);
  });

  it('parses a data line with adjective markers, satellites and a gloss', () => {
    const s = parseSynsetLine('02333032 00 s 02 feeble 2 lame(a) 0 001 & 02332106 a 0000 | pathetically lacking in force; "a feeble excuse"', 'a');
    expect(s).toEqual({
      offset: 2333032,
      pos: 'a',
      words: ['feeble', 'lame'],
      pointers: [{ symbol: '&', offset: 2332106, pos: 'a' }],
      gloss: 'pathetically lacking in force; "a feeble excuse"',
    });
  });
});
