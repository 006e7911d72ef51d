import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './fixtures/synthetic';

const texts = (body: string) => parseMarkdown(body).paragraphs.map((p) => p.text);

describe('footnote blocks inserted by page breaks', () => {
  const body = `1. The Northern Coast

The northern coast has seen rising tension over the last decade, and the navy has expanded its patrols along the fjords and the straits of the

¹ Fleet Review 2022, pages 4-9.

² Ministry of Coastal Affairs, Annual Report 2021. For an overview of the earlier reports, see:

https://www.example.org/reports/2021

³ Interview with Henrik Aaltonen, Professor at the University of Bergenholm. Transcribed on 4 May 2023.

outer islands, while the harbour towns have asked for more investment.¹ The ministry agreed.²

As Aaltonen warns:

*The fleet is stretched thin, and every new task takes ships away from the fjords. If nothing changes, the*

⁴ See the Fleet Review.

*northern towns will be left without any patrols at all within five years.*³

Relations between the two navies grew warmer, and observers began to describe the partnership as Sino-

⁵ Coastal Review 2023.

Japanese in spirit, which surprised many who knew the history of the region.⁵`;
  const doc = parseMarkdown(body);

  it('takes the notes out of the running text and keeps their numbers and text', () => {
    expect(doc.footnotes.map((f) => f.number)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.footnotes[0].text).toBe('Fleet Review 2022, pages 4-9.');
    expect(doc.paragraphs.some((p) => /Fleet Review 2022|Coastal Review|Interview with/.test(p.text))).toBe(false);
  });

  it('keeps a plain line between two notes as the continuation of the note above it', () => {
    expect(doc.footnotes[1].text).toBe(
      'Ministry of Coastal Affairs, Annual Report 2021. For an overview of the earlier reports, see:\nhttps://www.example.org/reports/2021',
    );
    expect(doc.paragraphs.some((p) => p.text.includes('example.org'))).toBe(false);
  });

  it('rejoins a paragraph split mid-sentence, with the footnote markers of both halves', () => {
    const p = doc.paragraphs.find((x) => x.text.startsWith('The northern coast'))!;
    expect(p.text).toBe(
      'The northern coast has seen rising tension over the last decade, and the navy has expanded its patrols along the fjords and the straits of the outer islands, while the harbour towns have asked for more investment. The ministry agreed.',
    );
    expect(p.refs.map((r) => r.number)).toEqual([1, 2]);
    expect(p.text.slice(0, p.refs[0].offset)).toMatch(/more investment\.$/);
  });

  it('rejoins an italic block quote split mid-sentence, removing the emphasis markers', () => {
    const p = doc.paragraphs.find((x) => x.text.startsWith('The fleet is stretched'))!;
    expect(p.text).toBe(
      'The fleet is stretched thin, and every new task takes ships away from the fjords. If nothing changes, the northern towns will be left without any patrols at all within five years.',
    );
    expect(p.italic).toBe(true);
    expect(p.refs).toEqual([{ number: 3, offset: p.text.length }]);
  });

  it('rejoins a word hyphenated across the page break without a space ("Sino-" + "Japanese")', () => {
    const p = doc.paragraphs.find((x) => x.text.startsWith('Relations between'))!;
    expect(p.text).toBe(
      'Relations between the two navies grew warmer, and observers began to describe the partnership as Sino-Japanese in spirit, which surprised many who knew the history of the region.',
    );
  });

  it('attributes the rejoined quote whole to the speaker of its interview note', () => {
    const q = doc.quotes.find((x) => x.footnoteNumber === 3)!;
    expect(q.speaker?.name).toBe('Henrik Aaltonen');
    expect(q.text).toMatch(/^The fleet is stretched thin, .* within five years\.$/);
    expect(q.interviewDate).toBe('2023-05-04');
  });
});

describe('when a paragraph is and is not continued after a page break', () => {
  it('continues with a capitalised word after a dangling word or after a footnote block', () => {
    expect(
      texts(`The agreement was signed in the spring by the

¹ Coastal Review 2023.

Northern Council, which had waited for years.¹

The minister discussed the plan at length with Prime Minister

² Coastal Review 2024.

Falk, who approved it in the end.²`),
    ).toEqual([
      'The agreement was signed in the spring by the Northern Council, which had waited for years.',
      'The minister discussed the plan at length with Prime Minister Falk, who approved it in the end.',
    ]);
  });

  it('continues a lower-case continuation even without a footnote block in between (a page break without notes)', () => {
    expect(texts('Given the history of the region, the navies kept eyeing both the\n\neastern and the western approaches for decades.')).toEqual([
      'Given the history of the region, the navies kept eyeing both the eastern and the western approaches for decades.',
    ]);
  });

  it('does not join paragraphs when the first one ends its sentence', () => {
    expect(
      texts(`The agreement was signed in the spring after years of talks.

¹ Coastal Review 2023.

Northern observers welcomed it, although some were sceptical.¹`),
    ).toEqual(['The agreement was signed in the spring after years of talks.', 'Northern observers welcomed it, although some were sceptical.']);
  });

  it('does not join a paragraph into the heading that follows a footnote block', () => {
    const doc = parseMarkdown(`1. The Coast

The coastal towns grew quickly in the decades after the war, and the fleet followed their growth with new bases in the

¹ Coastal Review 2023.

2. The Islands

The islands are a different story altogether, with small harbours and few roads connecting their villages.`);
    expect(doc.sections.map((s) => s.heading)).toEqual([null, '1. The Coast', '2. The Islands']);
    expect(doc.paragraphs.map((p) => p.sectionIndex)).toEqual([1, 2]);
  });
});

describe('headings, bylines and meta lines', () => {
  const doc = parseMarkdown(
    `Test Report



Author Person



May, 2024

Northern Institute Press

More information can be found on our website:

www.example-institute.org

Contents

Introduction\t1
1. Harbours and Alliances\t3
Notes\t9

Introduction

Anna Lind – Institute of Northern Studies

The northern coast has seen rising tension over the last decade, and the navy has expanded its patrols along the fjords.

1. Harbours and Alliances

The harbour towns have asked for more investment in their ports and in the roads that connect them to the capital.

The review lists three priorities:

- more patrol vessels for the northern fjords and the outer islands
- better harbour infrastructure in the small towns along the coast

Notes

1. Fleet Review 2022, pages 4-9.
2 Ministry of Coastal Affairs, Annual Report 2021.`,
  );
  const kindOf = (start: string) => doc.paragraphs.find((p) => p.text.startsWith(start))?.kind;

  it('finds the sections, numbered and named, in order and with stable anchors', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual([null, 'Contents', 'Introduction', '1. Harbours and Alliances', 'Notes']);
    expect(doc.sections.map((s) => s.anchor)).toEqual(['top', 's-contents', 's-introduction', 's-1-harbours-and-alliances', 's-notes']);
  });

  it('keeps the title, author and date lines and URLs as meta, not headings or text', () => {
    expect(kindOf('Test Report')).toBe('meta');
    expect(kindOf('Author Person')).toBe('meta');
    expect(kindOf('May, 2024')).toBe('meta');
    expect(kindOf('www.example-institute.org')).toBe('meta');
  });

  it('tells a byline ("Name – Affiliation") from a heading', () => {
    expect(kindOf('Anna Lind')).toBe('byline');
    expect(doc.sections.some((s) => s.heading?.startsWith('Anna Lind'))).toBe(false);
  });

  it('does not take a capitalised line that introduces no prose as a heading', () => {
    expect(doc.sections.some((s) => s.heading === 'Northern Institute Press')).toBe(false);
    expect(kindOf('Northern Institute Press')).toBe('meta');
  });

  it('marks table-of-contents lines and list items', () => {
    expect(doc.paragraphs.filter((p) => p.kind === 'toc').map((p) => p.text)).toEqual(['Introduction\t1', '1. Harbours and Alliances\t3', 'Notes\t9']);
    expect(doc.paragraphs.filter((p) => p.kind === 'list')).toHaveLength(2);
  });

  it('reads plain-text endnotes under a "Notes" heading as footnotes', () => {
    expect(doc.footnotes.map((f) => [f.number, f.text])).toEqual([
      [1, 'Fleet Review 2022, pages 4-9.'],
      [2, 'Ministry of Coastal Affairs, Annual Report 2021.'],
    ]);
  });

  it('numbers paragraphs p1…pN in reading order and records their file lines', () => {
    expect(doc.paragraphs.map((p) => p.anchor)).toEqual(doc.paragraphs.map((_, i) => `p${i + 1}`));
    // the front matter takes five lines, so the body's first line is line 6
    expect(doc.paragraphs[0].line).toBe(6);
  });
});

describe('turns and credited quotations are not rejoined', () => {
  it('keeps a turn cut off with "--" apart from the next bold speaker label', () => {
    const body = '**Ines Marlowe:** That is the dam we built. So--\n\n**Tobias Fenwick:** Go on.\n\n**Ines Marlowe:** No, you first.';
    expect(texts(body)).toHaveLength(3);
  });

  it('keeps a credited quotation apart from the next one that opens in lower case', () => {
    const body = '“The gauges were the best work of my year.” -** Ada Brook**\n\n“dams are older than the maps of them.” - **Carl Moss**';
    expect(texts(body)).toHaveLength(2);
  });

  it('still joins a word split at a line end', () => {
    expect(texts('The partnership was described as Sino-\n\nJapanese by the observers of the fleet.')).toHaveLength(1);
  });
});
