import { describe, expect, it } from 'vitest';
import { highlightRuns } from './quote-segments';

const join = (runs: { text: string }[]) => runs.map((r) => r.text).join('');

describe('highlightRuns', () => {
  it('covers the text exactly once and marks whole matched words, case-insensitively', () => {
    const text = 'Sanctions against China. Chinaware is not China.';
    const runs = highlightRuns(text, ['China', 'sanctions'], null);
    expect(join(runs)).toBe(text);
    expect(runs.filter((r) => r.match).map((r) => r.text)).toEqual(['Sanctions', 'China', 'China']);
  });

  it('tints the best sentence and keeps matches inside it', () => {
    const text = 'First part. We discussed sanctions on China. Last part.';
    const runs = highlightRuns(text, ['sanctions'], 'We discussed sanctions on China.');
    expect(join(runs)).toBe(text);
    const best = runs
      .filter((r) => r.best)
      .map((r) => r.text)
      .join('');
    expect(best).toBe('We discussed sanctions on China.');
    expect(runs.find((r) => r.match)).toMatchObject({ text: 'sanctions', best: true });
  });

  it('ignores a best sentence that is not in the text and terms with regex characters', () => {
    const text = 'U.S. (and) allies [...] agree.';
    const runs = highlightRuns(text, ['(and)', 'U.S.'], 'Not here.');
    expect(join(runs)).toBe(text);
    expect(runs.some((r) => r.best)).toBe(false);
  });

  it("marks words related to a query word with the word they stand for, the query's own words first", () => {
    const text = "North Korea's arms transfers to Russia; arms and sanctions.";
    const runs = highlightRuns(text, ['sanctions'], null, [
      { word: 'North Korea', queryTerm: 'Pyongyang' },
      { word: 'arms', queryTerm: 'munitions' },
      { word: 'sanctions', queryTerm: 'penalties' },
    ]);
    expect(join(runs)).toBe(text);
    expect(runs.filter((r) => r.relatedTo).map((r) => [r.text, r.relatedTo])).toEqual([
      ['North Korea', 'Pyongyang'],
      ['arms', 'munitions'],
      ['arms', 'munitions'],
    ]);
    expect(runs.find((r) => r.text === 'sanctions')).toMatchObject({ match: true, relatedTo: null });
  });

  it('returns no runs for empty text', () => {
    expect(highlightRuns('', ['x'], null)).toEqual([]);
  });
});
