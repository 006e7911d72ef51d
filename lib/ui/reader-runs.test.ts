import { describe, expect, it } from 'vitest';
import type { ReaderParagraph, ReaderQuote } from '../types';
import { paragraphRuns } from './reader-runs';

function para(text: string, quoteIds: string[] = [], refs: { number: number; offset: number }[] = [], anchor = 'p1'): ReaderParagraph {
  return { anchor, kind: 'text', text, footnoteRefs: refs, quoteIds };
}
function quote(id: string, text: string, anchors = ['p1']): ReaderQuote {
  return {
    id,
    kind: 'interview',
    text,
    speaker: { id: 's', name: 'S', affiliation: null },
    anchors,
    interviewDate: null,
    footnoteNumber: null,
    attribution: { method: 'lead-in', evidence: 'As she said:' },
    dateLabel: null,
    leadIn: null,
  };
}
const textOf = (runs: ReturnType<typeof paragraphRuns>, badges = false) =>
  runs.map((r) => r.parts.map((p) => ('text' in p ? p.text : 'footnote' in p ? `[${p.footnote}]` : badges ? `{${p.badge}}` : '')).join('')).join('');

describe('paragraphRuns', () => {
  it('splits a paragraph into text and the quote it holds', () => {
    const q = quote('q-1', 'we must act');
    const runs = paragraphRuns(para('As she said, we must act. Then more.', ['q-1']), new Map([[q.id, q]]));
    expect(runs.map((r) => r.quoteId)).toEqual([null, 'q-1', null]);
    expect(runs[1]).toMatchObject({ quoteStarts: true, quoteEnds: true });
    expect(textOf(runs)).toBe('As she said, we must act. Then more.');
  });

  it('puts a note marker after the words it follows, inside the quote when it ends the quote', () => {
    const q = quote('q-1', 'we must act.');
    const text = 'She said: we must act. Later.';
    const runs = paragraphRuns(para(text, ['q-1'], [{ number: 7, offset: text.indexOf('.') + 1 }]), new Map([[q.id, q]]));
    const quoteRun = runs.find((r) => r.quoteId === 'q-1')!;
    expect(quoteRun.parts.at(-1)).toEqual({ footnote: 7 });
    expect(textOf(runs)).toBe('She said: we must act.[7] Later.');
  });

  it('marks each paragraph of a multi-paragraph quote, starting in the first and ending in the last', () => {
    const q = quote('q-2', 'First part.\n\nSecond part.', ['p1', 'p2']);
    const quotes = new Map([[q.id, q]]);
    const first = paragraphRuns(para('First part.', ['q-2'], [], 'p1'), quotes);
    const second = paragraphRuns(para('Second part.', ['q-2'], [], 'p2'), quotes);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ quoteId: 'q-2', quoteStarts: true, quoteEnds: false });
    expect(second[0]).toMatchObject({ quoteId: 'q-2', quoteStarts: false, quoteEnds: true });
  });

  it('finds a quote whose whitespace differs, and falls back to the whole paragraph when the words are not there', () => {
    const q = quote('q-3', 'a  long\nquote');
    const runs = paragraphRuns(para('Before a long quote after.', ['q-3']), new Map([[q.id, q]]));
    expect(runs.find((r) => r.quoteId)?.parts).toEqual([{ text: 'a long quote' }]);
    const missing = quote('q-4', 'not in the paragraph');
    const whole = paragraphRuns(para('Something else.', ['q-4']), new Map([[missing.id, missing]]));
    expect(whole).toHaveLength(1);
    expect(whole[0].quoteId).toBe('q-4');
  });

  it('clips overlapping quotes so every character belongs to one run', () => {
    const a = quote('q-a', 'one two three');
    const b = quote('q-b', 'three four');
    const text = 'one two three four five';
    const runs = paragraphRuns(
      para(text, ['q-a', 'q-b']),
      new Map([
        [a.id, a],
        [b.id, b],
      ]),
    );
    expect(textOf(runs)).toBe(text);
    expect(runs.map((r) => r.quoteId)).toEqual(['q-a', 'q-b', null]);
  });

  it('keeps markers of a paragraph without quotes, including one at the very start', () => {
    const runs = paragraphRuns(
      para(
        'Text here',
        [],
        [
          { number: 1, offset: 0 },
          { number: 2, offset: 9 },
        ],
      ),
      new Map(),
    );
    expect(runs).toHaveLength(1);
    expect(runs[0].parts).toEqual([{ footnote: 1 }, { text: 'Text here' }, { footnote: 2 }]);
  });

  it('puts the speaker badge after the closing quotation mark, its punctuation and note, never inside the quotation', () => {
    const p = para('He warned of “the severity of it”. Then he left.', ['q-1'], [{ number: 1, offset: 34 }]);
    const runs = paragraphRuns(p, new Map([['q-1', quote('q-1', 'the severity of it')]]));
    expect(textOf(runs, true)).toBe('He warned of “the severity of it”.[1]{q-1} Then he left.');
    expect(runs.find((r) => r.quoteId)!.badgeMoved).toBe(true);
    // a quote that ends the paragraph keeps its badge at its end
    const last = paragraphRuns(para('“All of it”', ['q-2']), new Map([['q-2', quote('q-2', 'All of it')]]));
    expect(textOf(last, true)).toBe('“All of it”{q-2}');
  });
});
