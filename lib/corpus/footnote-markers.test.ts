import { describe, expect, it } from 'vitest';
import { FOOTNOTE_LINE, stripPlainMarkers, stripSuperscriptMarkers, superscriptToNumber } from './footnote-markers';
import { parseMarkdown } from './fixtures/synthetic';

describe('superscript footnote markers', () => {
  it('reads multi-digit superscript numbers', () => {
    expect(superscriptToNumber('¹')).toBe(1);
    expect(superscriptToNumber('¹⁵⁸')).toBe(158);
    expect(superscriptToNumber('⁴⁰')).toBe(40);
  });

  it('removes markers after punctuation and glued to words, recording where each stood', () => {
    const raw = 'Valdoria feared abandonment,¹² and its allies¹³ agreed on a common line.¹⁴';
    const { text, refs } = stripSuperscriptMarkers(raw);
    expect(text).toBe('Valdoria feared abandonment, and its allies agreed on a common line.');
    expect(refs.map((r) => r.number)).toEqual([12, 13, 14]);
    expect(text.slice(0, refs[0].offset)).toBe('Valdoria feared abandonment,');
    expect(text.slice(0, refs[1].offset)).toBe('Valdoria feared abandonment, and its allies');
    expect(refs[2].offset).toBe(text.length);
  });

  it('recognises a footnote definition line by its leading superscript number', () => {
    expect(FOOTNOTE_LINE.exec('¹²⁵ Interview with Marta Lind. Transcribed on 4 May 2023.')?.slice(1)).toEqual([
      '¹²⁵',
      'Interview with Marta Lind. Transcribed on 4 May 2023.',
    ]);
    expect(FOOTNOTE_LINE.test('The fleet grew.¹')).toBe(false);
  });
});

describe('plain-digit footnote markers (notes numbered with ordinary digits)', () => {
  // A document whose markers rise 1…24, with the awkward shapes at 1, 14, 18 and 24.
  const special: Record<number, string> = {
    1: 'The 1983 summit agreed that “the security of our partners is indivisible and must be approached on a global basis.”1 The premier explained the point to the press.',
    4: 'The G7 met while the F35 fleet cost 5.4 trillion crowns, and 300 sailors trained at 12 ports.4',
    14: 'That materialised in a joint declaration signed on April 15, 2013.14 It repeated the claim that security was indivisible.',
    18: 'Researchers tested sensors for explosive materials at ports and border crossings.)18 On July 1, the mission opened.',
    24: 'An optimistic analysis in 2018 labelled the relationship a “quasi alliance.” 24 A more judicious assessment followed in 2020.',
  };
  const paragraphs = Array.from(
    { length: 24 },
    (_, i) => special[i + 1] ?? `Point ${String.fromCharCode(65 + i)} of the review was adopted by the council.${i + 1}`,
  );
  const scans = stripPlainMarkers(paragraphs);

  it('finds every marker once, in order', () => {
    expect(scans.flatMap((s) => s.refs.map((r) => r.number))).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('takes a digit glued after a closing quote and keeps the quote verbatim', () => {
    expect(scans[0].text).toBe(
      'The 1983 summit agreed that “the security of our partners is indivisible and must be approached on a global basis.” The premier explained the point to the press.',
    );
    expect(scans[0].text.slice(0, scans[0].refs[0].offset)).toMatch(/basis\.”$/);
  });

  it('takes a digit glued after a closing parenthesis', () => {
    expect(scans[17].text).toBe('Researchers tested sensors for explosive materials at ports and border crossings.) On July 1, the mission opened.');
  });

  it('takes the next note number glued to a year ("2013.14 It") but not the year itself', () => {
    expect(scans[13].text).toBe('That materialised in a joint declaration signed on April 15, 2013. It repeated the claim that security was indivisible.');
    expect(scans[13].refs).toEqual([{ number: 14, offset: scans[13].text.indexOf(' It') }]);
  });

  it('takes the spaced variant after a closing quote when a new sentence follows ("alliance.” 24 A")', () => {
    expect(scans[23].text).toBe('An optimistic analysis in 2018 labelled the relationship a “quasi alliance.” A more judicious assessment followed in 2020.');
  });

  it('does not take years, counts or model names (G7, F35, 5.4 trillion, 300, 12) as markers', () => {
    expect(scans[3].text).toBe('The G7 met while the F35 fleet cost 5.4 trillion crowns, and 300 sailors trained at 12 ports.');
    expect(scans[3].refs.map((r) => r.number)).toEqual([4]);
    expect(scans[0].text).toContain('The 1983 summit');
  });

  it('rejects numbers that do not continue the sequence, and spaced digits before a lower-case word', () => {
    const [a, b, c] = stripPlainMarkers([
      'The fleet grew.1 The ports followed.2',
      'Critics called it a “quiet but firm commitment.” 3 ships were lost that winter.',
      'The review was delayed again.)9 Nobody was surprised.',
    ]);
    expect(a.refs.map((r) => r.number)).toEqual([1, 2]);
    expect(b.refs).toEqual([]);
    expect(b.text).toContain('commitment.” 3 ships');
    expect(c.refs).toEqual([]);
    expect(c.text).toBe('The review was delayed again.)9 Nobody was surprised.');
  });
});

describe('marker style chosen per document', () => {
  it('strips plain-digit markers only in documents without superscripts, and records notes that are missing', () => {
    const doc = parseMarkdown(
      [
        'The coastal question returned to the agenda in the spring of 2021, when the fleet review was debated in parliament.1',
        'Karl Brandt explained that the review “was the first honest account of the state of the northern fleet in a decade.”2',
      ].join('\n\n'),
    );
    expect(doc.footnotes).toEqual([]);
    expect(doc.paragraphs.map((p) => p.refs.map((r) => r.number))).toEqual([[1], [2]]);
    expect(doc.paragraphs[0].text).toBe('The coastal question returned to the agenda in the spring of 2021, when the fleet review was debated in parliament.');
  });

  it('leaves plain digits alone in a document that marks notes with superscripts', () => {
    const doc = parseMarkdown(
      [
        'The fleet review of 2021 counted 14 frigates and 3 submarines.¹ It was revised in 2022.2 per cent of the budget went to ports.',
        '¹ Fleet Review 2021.',
      ].join('\n\n'),
    );
    expect(doc.paragraphs).toHaveLength(1);
    expect(doc.paragraphs[0].text).toBe(
      'The fleet review of 2021 counted 14 frigates and 3 submarines. It was revised in 2022.2 per cent of the budget went to ports.',
    );
    expect(doc.paragraphs[0].refs.map((r) => r.number)).toEqual([1]);
    expect(doc.footnotes).toEqual([{ number: 1, text: 'Fleet Review 2021.', line: expect.any(Number) }]);
  });
});
