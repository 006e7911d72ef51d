import { describe, expect, it } from 'vitest';
import { FALLBACK_THEMES, rankThemes, type ThemeSource } from './themes';

const q = (id: string, speakerId: string, text: string) => ({ id, speakerId, text });

// a small synthetic corpus: "Atlantis" is everywhere (the corpus's subject), others are shared themes
const source: ThemeSource = {
  headings: [
    { heading: '3. Trade and Tariffs', quotes: 2 },
    { heading: 'Conclusion', quotes: 1 },
  ],
  quotes: [
    q('q1', 'a', 'Atlantis worries about Borealia and the fishing quotas.'),
    q('q2', 'b', 'In Atlantis we watch Borealia closely; fishing quotas matter.'),
    q('q3', 'c', 'The Atlantis view on tariffs: Borealia again.'),
    q('q4', 'a', 'Atlantis and the Borealian navy: North Sea patrols.'),
    q('q5', 'd', 'North Sea patrols and tariffs dominate Atlantis politics.'),
    q('q6', 'e', 'Atlantis will not move.'),
    q('q7', 'f', 'Atlantis, again Atlantis.'),
    q('q8', 'b', 'Tariffs hurt fishermen, and Atlantis knows it.'),
  ],
};

describe('rankThemes', () => {
  const themes = rankThemes(source, 6);

  it('suggests names and phrases several speakers use', () => {
    expect(themes).toContain('Borealia');
    expect(themes.some((t) => /fishing quotas/i.test(t))).toBe(true);
    expect(themes.some((t) => /North Sea/.test(t))).toBe(true);
  });

  it('leaves out the corpus’s own subject, names only found inside longer names, and adjectives of names', () => {
    expect(themes).not.toContain('Atlantis');
    expect(themes).not.toContain('North');
    expect(themes).not.toContain('Borealian');
  });

  it('gives themes that share no word, fills up from the fallback list, and is deterministic', () => {
    const words = themes.flatMap((t) => t.toLowerCase().split(/\s+/));
    expect(new Set(words).size).toBe(words.length);
    expect(themes).toHaveLength(6);
    expect(rankThemes(source, 6)).toEqual(themes);
  });

  it('falls back to general themes for an empty corpus', () => {
    expect(rankThemes({ headings: [], quotes: [] }, 4)).toEqual(FALLBACK_THEMES.slice(0, 4));
  });
});
