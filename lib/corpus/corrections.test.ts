import { describe, expect, it } from 'vitest';
import { applyCorrections, normalise, openingWords, parseCorrections } from './corrections';
import { parseMarkdown } from './fixtures/synthetic';
import { CorpusError } from './read-source';

const BODY = `Harbour Report

1. The Coast

The northern coast has seen rising tension, and the navy has expanded patrols along the fjords.¹ As Henrik Aaltonen explains:

Patrols alone cannot deter a determined adversary. What matters is that allies are present and visible in our waters.²

As one European commentator summarized, “The long-held notion that the coast is safe is no longer accurate in any sense.”

Karl Brandt explained, “The harbour agreement was the first step toward a real partnership between our navies.”

¹ Fleet Review 2022.

² Interview with Henrik Aaltonen, Professor of Maritime Strategy at the University of Bergenholm. Transcribed on 4 May 2023.
`;

const doc = (body = BODY) => parseMarkdown(body, { file: 'harbour-report.md' });
const yaml = (entries: string) => `# fixes to attribution\ncorrections:\n${entries}`;

describe('parseCorrections', () => {
  it('reads speaker fixes, not-a-quote marks and kinds, each with its line', () => {
    const list = parseCorrections(
      'corpus/corrections.yaml',
      yaml(`  - document: harbour-report
    quote: "“The long-held notion"
    speaker: Lena Falk
    kind: quote
  - document: harbour-report
    quote: Karl Brandt said
    notQuote: true
`),
    );
    expect(list).toEqual([
      { document: 'harbour-report', quote: '“The long-held notion', speaker: 'Lena Falk', notQuote: false, kind: 'quote', line: 3 },
      { document: 'harbour-report', quote: 'Karl Brandt said', speaker: null, notQuote: true, kind: null, line: 7 },
    ]);
  });

  it('accepts an empty file or an empty list', () => {
    expect(parseCorrections('c.yaml', '')).toEqual([]);
    expect(parseCorrections('c.yaml', 'corrections:\n')).toEqual([]);
  });

  it.each([
    [yaml('  - document: a\n    quote: some words here\n'), 3, 'needs "speaker: NAME" or "notQuote: true"'],
    [yaml('  - document: a\n    quote: some words here\n    speaker: X Y\n    notQuote: true\n'), 3, 'has both'],
    [yaml('  - document: a\n    quote: short\n    speaker: X Y\n'), 3, 'opening words'],
    [yaml('  - quote: some words here\n    speaker: X Y\n'), 3, 'needs "document"'],
    [
      yaml('  - document: a\n    quote: some words here\n    speaker: X Y\n  - document: b\n    quote: more words here\n    speakr: X Y\n'),
      6,
      'unknown key "speakr"',
    ],
    [yaml('  - document: a\n    quote: some words here\n    speaker: X Y\n    kind: speech\n'), 3, '"kind" must be interview or quote'],
    ['corrections:\n  - document: a\n    quote: "unclosed\n', 4, 'is not valid YAML'],
    ['corrections: 5\n', 1, 'must be a list'],
  ])('names the file and line of a bad entry (%#)', (text, line, message) => {
    let err: unknown;
    try {
      parseCorrections('corpus/corrections.yaml', text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CorpusError);
    expect((err as CorpusError).message).toContain(`corpus/corrections.yaml:${line}: `);
    expect((err as CorpusError).message).toContain(message);
  });
});

describe('applyCorrections', () => {
  it('attributes an unattributed quote, with the correction as its evidence', () => {
    const d = doc();
    const before = d.quotes.find((q) => q.text.startsWith('The long-held'))!;
    expect(before.speaker).toBeNull();
    const { docs, byDocument } = applyCorrections(
      [d],
      [{ document: 'harbour-report', quote: '“the long-held  notion that', speaker: 'Lena Falk', notQuote: false, kind: null, line: 4 }],
    );
    const after = docs[0].quotes.find((q) => q.text.startsWith('The long-held'))!;
    expect(after.speaker).toMatchObject({ name: 'Lena Falk', anonymous: false });
    expect(after.attribution).toEqual({ method: 'override', evidence: 'corrections.yaml: speaker Lena Falk (line 4)' });
    expect(byDocument.get('harbour-report')).toEqual({ applied: 1, unmatched: [] });
    // pure: the parsed document is unchanged
    expect(d.quotes.find((q) => q.text.startsWith('The long-held'))!.speaker).toBeNull();
  });

  it('fixes a wrong speaker and drops the note date that belonged to the other person', () => {
    const d = doc();
    const { docs } = applyCorrections(
      [d],
      [{ document: 'harbour-report', quote: 'Patrols alone cannot deter', speaker: 'Karl Brandt', notQuote: false, kind: 'quote', line: 3 }],
    );
    const q = docs[0].quotes.find((x) => x.text.startsWith('Patrols'))!;
    expect(q.speaker?.name).toBe('Karl Brandt');
    expect(q.kind).toBe('quote');
    expect(q.interviewDate).toBeNull();
    expect(q.footnoteNumber).toBe(2);
  });

  it('keeps the known speaker (role, affiliation) and the date when the name matches the note', () => {
    const d = doc();
    const { docs } = applyCorrections(
      [d],
      [{ document: 'harbour-report', quote: 'Patrols alone cannot deter', speaker: 'Henrik Aaltonen', notQuote: false, kind: null, line: 3 }],
    );
    const q = docs[0].quotes.find((x) => x.text.startsWith('Patrols'))!;
    expect(q.speaker?.affiliation).toBe('University of Bergenholm');
    expect(q.interviewDate).toBe('2023-05-04');
    expect(q.attribution?.method).toBe('override');
  });

  it('drops a quote marked as not a quote', () => {
    const d = doc();
    const { docs } = applyCorrections(
      [d],
      [{ document: 'harbour-report', quote: 'The harbour agreement was', speaker: null, notQuote: true, kind: null, line: 3 }],
    );
    expect(docs[0].quotes.map((q) => q.text.slice(0, 12))).not.toContain('The harbour ');
    expect(docs[0].quotes).toHaveLength(d.quotes.length - 1);
  });

  it('reports corrections that match no quote, more than one, or no document, and changes nothing for them', () => {
    const d = doc();
    const { docs, byDocument, unknownDocument } = applyCorrections(
      [d],
      [
        { document: 'harbour-report', quote: 'Words that no quote has', speaker: 'X Y', notQuote: false, kind: null, line: 3 },
        { document: 'harbour-report', quote: 'the', speaker: 'X Y', notQuote: false, kind: null, line: 6 },
        { document: 'no-such-report', quote: 'Patrols alone cannot', speaker: 'X Y', notQuote: false, kind: null, line: 9 },
      ],
    );
    expect(docs[0].quotes).toEqual(d.quotes);
    const unmatched = byDocument.get('harbour-report')!.unmatched;
    expect(unmatched.map((u) => [u.line, u.quoteStart])).toEqual([
      [3, 'Words that no quote has'],
      [6, 'the'],
    ]);
    expect(unmatched[0].reason).toMatch(/no quote in the document starts with these words/);
    expect(unmatched[1].reason).toMatch(/start 2 quotes/);
    expect(unknownDocument).toEqual([
      { document: 'no-such-report', quoteStart: 'Patrols alone cannot', line: 9, reason: 'no document "no-such-report" in the corpus' },
    ]);
  });

  it('still finds its quote after the document is edited elsewhere', () => {
    const edited = BODY.replace(
      '1. The Coast\n',
      '1. The Coast\n\nA new opening paragraph, added in a later version of the report, about the weather at sea.\n',
    );
    const d = doc(edited);
    expect(d.quotes[0].line).not.toBe(doc().quotes[0].line);
    const { docs, byDocument } = applyCorrections(
      [d],
      [{ document: 'harbour-report', quote: 'The long-held notion', speaker: 'Lena Falk', notQuote: false, kind: null, line: 3 }],
    );
    expect(byDocument.get('harbour-report')!.applied).toBe(1);
    expect(docs[0].quotes.find((q) => q.text.startsWith('The long-held'))!.speaker?.name).toBe('Lena Falk');
  });
});

describe('helpers', () => {
  it('normalises quotation marks, dashes, spacing, case and a trailing ellipsis', () => {
    expect(normalise('  “It’s  a —\tTest…')).toBe("it's a - test");
  });

  it('picks opening words that single out one quote', () => {
    const a = 'We must act now because the coast is exposed and the fleet is small and getting smaller';
    const b = 'We must act now because the coast is exposed and nobody else will';
    expect(openingWords(a, [a, b])).toBe('We must act now because the coast is exposed and the');
    expect(openingWords('Short quote here', ['Short quote here'])).toBe('Short quote here');
  });
});
