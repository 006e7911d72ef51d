import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../parse-document';
import { readSource } from '../read-source';
import {
  AnnotationError,
  type Annotations,
  EVAL_DIR,
  loadEvalSet,
  normaliseText,
  rate,
  readAnnotations,
  SET_DIRS,
  samePerson,
  type ScorableQuote,
  scoreDocument,
} from './attribution-eval';

const person = (name: string) => ({ name, anonymous: false, role: null, affiliation: null });
const anon = (name: string) => ({ name, anonymous: true, role: null, affiliation: null });
const q = (text: string, speaker: ScorableQuote['speaker'], kind = 'quote'): ScorableQuote => ({ text, speaker, kind });

function annotations(partial: Partial<Annotations>): Annotations {
  return { quotes: [], nonQuotes: [], people: [], ...partial };
}
const a = (speaker: string | null, snippet: string, anonymous = false) => ({ speaker, snippet, kind: null, anonymous, line: 0 });

describe('scoreDocument', () => {
  const ann = annotations({
    quotes: [
      a('Jane Doe', 'we will not wait for the ministry'),
      a('Richard Roe', 'the budget is a fiction'),
      a('Maria Lopez', 'nobody told the farmers'),
      a('Ken Tanaka', 'this is not my decision'),
      a(null, 'the river has risen again'),
      a('senior official, Ministry of Finance', 'we cannot confirm the figure', true),
    ],
    nonQuotes: [{ snippet: 'Plan for Growth', line: 0 }],
  });
  const parsed: ScorableQuote[] = [
    q('“We will not wait for the ministry,” she said.', person('Ms. Doe')), // right: title + surname, unambiguous
    q('The budget is a fiction.', person('Jane Doe')), // wrong speaker
    q('Nobody told the farmers.', null), // found, unattributed
    // "this is not my decision" is never found: missed
    q('The river has risen again.', null), // right: the text gives no speaker, none given
    q('We cannot confirm the figure.', anon('finance ministry official')), // anonymous, same descriptor words
    q('Plan for Growth', person('Richard Roe')), // attributed non-quote (annotated as a title)
    q('an invented sentence nobody annotated', person('Maria Lopez')), // attributed non-quote (matches no annotation)
    q('an unattributed fragment nobody annotated', null), // unattributed extra: not counted
  ];
  const s = scoreDocument('doc', parsed, ann);

  it('counts right, wrong, unattributed, missed and attributed non-quotes', () => {
    expect(s).toMatchObject({ annotated: 6, right: 3, wrong: 1, unattributed: 1, missed: 1, attributedNonQuotes: 2 });
    expect(rate(s)).toBeCloseTo(0.5);
  });

  it('lists each failure with what was expected and what came out', () => {
    expect(s.failures).toContainEqual({ kind: 'wrong', snippet: 'the budget is a fiction', expected: 'Richard Roe', got: 'Jane Doe' });
    expect(s.failures).toContainEqual({ kind: 'missed', snippet: 'this is not my decision', expected: 'Ken Tanaka', got: null });
    expect(s.failures).toContainEqual({ kind: 'unattributed', snippet: 'nobody told the farmers', expected: 'Maria Lopez', got: null });
    expect(s.failures).toContainEqual({ kind: 'non-quote', snippet: 'Plan for Growth', expected: null, got: 'Richard Roe' });
    expect(s.failures.map((f) => f.kind)).toContain('spurious');
  });

  it('never counts a wrong speaker as right, even when another copy of the quote has the right one', () => {
    const r = scoreDocument(
      'd',
      [q('The budget is a fiction.', person('Richard Roe')), q('the budget is a fiction', person('Jane Doe'))],
      annotations({ quotes: [a('Richard Roe', 'the budget is a fiction')] }),
    );
    expect(r).toMatchObject({ right: 0, wrong: 1 });
  });

  it('counts a quote the text leaves anonymous as wrong when the parser gives it a speaker', () => {
    const r = scoreDocument('d', [q('The river has risen again.', person('Jane Doe'))], annotations({ quotes: [a(null, 'the river has risen again')] }));
    expect(r).toMatchObject({ right: 0, wrong: 1, attributedNonQuotes: 0 });
  });

  it('finds a quote the parser split in two (the snippet contains a whole parsed part)', () => {
    const r = scoreDocument(
      'd',
      [q('we will not wait for the', person('Jane Doe'))],
      annotations({ quotes: [a('Jane Doe', 'we will not wait for the ministry')] }),
    );
    expect(r.right).toBe(1);
    // a tiny fragment says too little to count as finding the quote
    const tiny = scoreDocument('d', [q('we will', person('Jane Doe'))], annotations({ quotes: [a('Jane Doe', 'we will not wait for the ministry')] }));
    expect(tiny.missed).toBe(1);
  });

  it('does not take a parsed quote that is another annotation’s whole snippet for a fragment of a longer one', () => {
    const r = scoreDocument(
      'd',
      [q('close the gate now.', person('Tomas Berg')), q('I want to close the gate now.', person('Lena Ostrova'))],
      annotations({ quotes: [a('Tomas Berg', 'close the gate now.'), a('Lena Ostrova', 'I want to close the gate now.')] }),
    );
    expect(r).toMatchObject({ right: 2, wrong: 0 });
  });

  it('judges a quotation nested in another as the outer speaker’s, not as a wrong attribution of the inner words', () => {
    const r = scoreDocument(
      'd',
      [
        q('I need loyalty, I expect loyalty.', person('Donald Trump')),
        q("The president never told Mr. Comey, 'I need loyalty, I expect loyalty,' in form or substance.", anon('personal counsel')),
      ],
      annotations({
        quotes: [a('Donald J. Trump', 'I need loyalty, I expect loyalty'), a("the President's personal counsel", 'The president never told Mr. Comey', true)],
      }),
    );
    expect(r).toMatchObject({ right: 2, wrong: 0, attributedNonQuotes: 0 });
  });

  it('counts both paragraphs of one speaker’s quote when the parser keeps them together, and an inner quote of another speaker only when found on its own', () => {
    const ann = annotations({
      quotes: [
        a('Rob Pike', 'I guess it was kind of my fault'),
        a('Rob Pike', 'We talked for a few minutes'),
        a('Ian Taylor', "I've written a compiler for your language"),
      ],
    });
    const merged = q('I guess it was kind of my fault. We talked for a few minutes. He said "I\'ve written a compiler for your language."', person('Rob Pike'));
    expect(scoreDocument('d', [merged], ann)).toMatchObject({ right: 2, missed: 1, wrong: 0 });
    expect(scoreDocument('d', [merged, q("I've written a compiler for your language.", person('Ian Taylor'))], ann)).toMatchObject({ right: 3 });
  });

  it('an anonymous speaker given a person’s name is wrong, and a person given a descriptor is wrong', () => {
    const r = scoreDocument(
      'd',
      [q('We cannot confirm the figure.', person('Jane Doe')), q('We will not wait for the ministry.', anon('a senior official'))],
      annotations({
        quotes: [a('senior official, Ministry of Finance', 'we cannot confirm the figure', true), a('Jane Doe', 'we will not wait for the ministry')],
      }),
    );
    expect(r).toMatchObject({ right: 0, wrong: 2 });
  });
});

describe('samePerson', () => {
  it('accepts titles, surnames and name order when unambiguous', () => {
    expect(samePerson('Jane Doe', 'Ms. Doe', [])).toBe(true);
    expect(samePerson('Ishii Masafumi', 'Masafumi Ishii', [])).toBe(true);
    expect(samePerson('Madeline "Amy" Sweeney', 'Amy Sweeney', [])).toBe(true);
    expect(samePerson('Jane Doe', 'John Doe', [])).toBe(false);
    expect(samePerson('Donald J. Trump', 'President-Elect Trump', [])).toBe(true);
    expect(samePerson('@gabek', 'gabek', [])).toBe(true);
  });
  it('refuses a surname that two people of the document share', () => {
    expect(samePerson('Madeline "Amy" Sweeney', 'Sweeney', ['Louise Sweeney'])).toBe(false);
    expect(samePerson('Madeline "Amy" Sweeney', 'Amy Sweeney', ['Louise Sweeney'])).toBe(true);
  });
});

describe('normaliseText', () => {
  it('folds curly quotes, whitespace and case', () => {
    expect(normaliseText('“It’s  here,”\n she said')).toBe('"it\'s here," she said');
  });
});

describe('readAnnotations', () => {
  it('names the file and line of a bad entry', () => {
    expect(() => readAnnotations('x.yaml', 'quotes:\n  - speaker: A\n    snippet: b\n  - snippet: c\n')).toThrow(/x\.yaml:4: quote needs "speaker"/);
    expect(() => readAnnotations('x.yaml', 'quotes:\n  - speaker: A\n    snippet: b\n    kind: speech\n')).toThrow(AnnotationError);
    expect(() => readAnnotations('x.yaml', 'quotes: [\n')).toThrow(/x\.yaml:\d+: broken YAML/);
  });
});

// every fixture must be usable: each snippet occurs in its document, and every document parses
describe.each(Object.values(SET_DIRS))('the %s fixtures', (dir) => {
  const docs = loadEvalSet(path.join(EVAL_DIR, dir));
  it('has documents', () => {
    expect(docs.length).toBeGreaterThan(0);
  });
  it.each(docs.map((d) => [d.id, d]))('%s: snippets occur verbatim and the document parses', (_id, d) => {
    const text = normaliseText(readFileSync(d.file, 'utf8'));
    const missing = [...d.annotations.quotes, ...d.annotations.nonQuotes]
      .filter((x) => !text.includes(normaliseText(x.snippet)))
      .map((x) => `${d.annotationsFile}:${x.line} ${x.snippet}`);
    expect(missing).toEqual([]);
    expect(() => parseDocument(readSource(d.file, d.text))).not.toThrow();
  });
});
