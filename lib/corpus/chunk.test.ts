import { describe, expect, it } from 'vitest';
import { chunkDocument, findRepeatedParagraphs, linkNearDuplicates, MAX_ANALYSIS_WORDS, MIN_ANALYSIS_WORDS, shingles, type ChunkDraft } from './chunk';
import { mulberry32 } from '../util/prng';
import { parseMarkdown, words } from './fixtures/synthetic';
import type { ParsedDocument } from './types';

const sentences = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `The ${words(8, `${tag}${i}x`)} ends here.`).join(' '); // 11 words each

const REPORT = `Test Report

1. The Coast

${sentences(8, 'a')}

${sentences(8, 'b')}

${sentences(8, 'c')}

As Henrik Aaltonen explains:

Patrols alone cannot deter a determined adversary. What matters is that allies are present and visible in our waters.

Above all, the fleet needs harbours, and the harbours need roads that connect them to the rest of the country.¹

${sentences(3, 'd')}

2. The Islands

${sentences(30, 'e')}

Karl Brandt explained, “The harbour agreement was the first step toward a real partnership between our navies.” ${sentences(2, 'f')}

References

${sentences(10, 'r')}

¹ Interview with Henrik Aaltonen, Professor at the University of Bergenholm. Transcribed on 4 May 2023.`;

describe('chunkDocument', () => {
  const doc = parseMarkdown(REPORT);
  const chunks = chunkDocument(doc);
  const analysis = chunks.filter((c) => c.kind === 'analysis');

  it('makes every quote one chunk, whole, however many paragraphs it spans', () => {
    const quoteChunks = chunks.filter((c) => c.kind !== 'analysis');
    expect(quoteChunks.map((c) => [c.kind, c.quote?.speaker?.name, c.anchors.length])).toEqual([
      ['interview', 'Henrik Aaltonen', 2],
      ['quote', 'Karl Brandt', 1],
    ]);
    expect(quoteChunks[0].text).toBe(doc.quotes[0].text);
    expect(quoteChunks[0].text).toContain('visible in our waters.\n\nAbove all, the fleet needs harbours');
    expect(quoteChunks.map((c) => c.text)).toEqual(doc.quotes.map((q) => q.text));
  });

  it('keeps analysis chunks inside one section, at most 250 words, and at least 100 unless the run is shorter', () => {
    for (const c of analysis) {
      const sections = new Set(c.anchors.map((a) => doc.paragraphs.find((p) => p.anchor === a)!.sectionIndex));
      expect(sections).toEqual(new Set([c.sectionIndex]));
      expect(c.wordCount).toBeLessThanOrEqual(MAX_ANALYSIS_WORDS);
    }
    expect(analysis.map((c) => [doc.sections[c.sectionIndex].heading, c.wordCount])).toEqual([
      // section 1: three paragraphs of 88 words and the 4-word lead-in up to the block quote (268 words,
      // so two balanced chunks), then the 33 words after the quote
      ['1. The Coast', 176],
      ['1. The Coast', 92],
      ['1. The Coast', 33],
      // section 2: a 330-word paragraph cut at a sentence end into 165 + 165 words, the second half
      // running on into the paragraph that holds the inline quotation (39 words)
      ['2. The Islands', 165],
      ['2. The Islands', 165 + 39],
    ]);
    // a chunk under 100 words only where its run (between a section edge or a block quote) is that short
    const short = analysis.filter((c) => c.wordCount < MIN_ANALYSIS_WORDS);
    expect(short.map((c) => c.text.split(' ').slice(0, 2).join(' '))).toEqual(['The c0x1', 'The d0x1']);
  });

  it('cuts a paragraph longer than 250 words at sentence ends into balanced pieces, keeping the words in order', () => {
    const long = doc.paragraphs.find((p) => p.text.startsWith('The e0x1'))!;
    const e = analysis.filter((c) => c.anchors.includes(long.anchor));
    expect(e.map((c) => c.wordCount)).toEqual([165, 204]);
    expect(e[0].text).toMatch(/^The e0x1 .* e14x8 ends here\.$/);
    expect(e[1].text.startsWith('The e15x1')).toBe(true);
    expect(
      e
        .map((c) => c.text)
        .join(' ')
        .startsWith(long.text),
    ).toBe(true);
  });

  it('keeps a paragraph with an inline quotation in the analysis and adds the quotation as its own chunk', () => {
    const anchor = doc.quotes.find((q) => q.attribution?.method === 'inline')!.anchors[0];
    expect(
      chunks
        .filter((c) => c.anchors.includes(anchor))
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['analysis', 'quote']);
  });

  it('does not chunk the References section', () => {
    expect(chunks.some((c) => c.text.includes('r0x1'))).toBe(false);
  });

  it('numbers chunks in reading order and gives ids that are stable for the same text and change with it', () => {
    expect(chunks.map((c) => c.ordinal)).toEqual(chunks.map((_, i) => i));
    const again = chunkDocument(parseMarkdown(REPORT));
    expect(again.map((c) => [c.id, c.text])).toEqual(chunks.map((c) => [c.id, c.text]));
    const edited = chunkDocument(parseMarkdown(REPORT.replace('cannot deter', 'can hardly deter')));
    expect(edited.filter((c) => c.kind === 'interview')[0].id).not.toBe(chunks.filter((c) => c.kind === 'interview')[0].id);
    expect(edited.filter((c) => c.kind === 'analysis').map((c) => c.id)).toEqual(analysis.map((c) => c.id));
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  });
});

// A report and a web article that reprints one of its passages almost word for word.
const P1 =
  'While the northern states remain committed to their alliance with the larger powers, they are diversifying their security partnerships and adopting a more active approach to regional stability. This shift is driven by a deteriorating security environment along the coast and in the straits, where incidents at sea have become more frequent every year since the agreement was signed.';
const P2 =
  'For the smaller allies, military protection has long been complemented by the advantages of being closely aligned with the leading naval power of the region. As the influence of that power wanes, the alliance remains the main pillar of their security strategy, but the institutions around it are losing their grip on events at sea.';
const P3 =
  'During a visit to the northern capital in January, I observed a strong interest among local experts in strengthening security ties with partners far away. This is an opportunity that distant partners cannot afford to overlook, and both regions must take greater responsibility for keeping the sea lanes open.';

describe('near-duplicate passages in two documents', () => {
  const report = parseMarkdown(
    `Foreword: The Northern Shift

${sentences(2, 'k')}

${P1}

${P2}

${P3}

1. The Coast

${sentences(12, 'g')}

${sentences(12, 'h')}

${sentences(12, 'i')}

${sentences(12, 'j')}`,
    { file: 'northern-report.md' },
  );
  const article = parseMarkdown(
    `A new report by the institute on northern security highlights significant developments in the foreign policies of the coastal states and what they mean for distant partners.

${P1}

${P2.replace('has long been', 'has always been')}

${P3.replace('I observed', 'the author observed')}

Originally published as the foreword to the institute's report on the northern shift, which can be downloaded from its website.`,
    { file: 'northern-article.md', title: 'The Northern Shift' },
  );
  const repeated = findRepeatedParagraphs([report, article]);
  const chunksByDoc = new Map<string, ChunkDraft[]>([
    ['northern-report', chunkDocument(report, repeated)],
    ['northern-article', chunkDocument(article, repeated)],
  ]);
  linkNearDuplicates(
    chunksByDoc,
    new Map([
      ['northern-report', report.paragraphs.length],
      ['northern-article', article.paragraphs.length],
    ]),
    repeated,
  );
  const reportChunks = chunksByDoc.get('northern-report')!;
  const articleChunks = chunksByDoc.get('northern-article')!;

  it('finds the repeated paragraphs in both documents, and only those', () => {
    const keys = [...repeated].sort();
    expect(keys).toEqual(
      [
        ...report.paragraphs.filter((p) => [P1, P2, P3].some((x) => x.slice(0, 40) === p.text.slice(0, 40))).map((p) => `northern-report#${p.anchor}`),
        ...article.paragraphs
          .filter((p) => p.text.startsWith('While') || p.text.startsWith('For the') || p.text.startsWith('During'))
          .map((p) => `northern-article#${p.anchor}`),
      ].sort(),
    );
  });

  it('chunks the repeated passage the same way in both documents and links the copy to the fuller document', () => {
    const copy = articleChunks.filter((c) => c.dupOf);
    expect(copy.length).toBeGreaterThan(0);
    for (const c of copy) {
      const target = reportChunks.find((r) => r.id === c.dupOf);
      expect(target, `dupOf of ${c.id} points at a report chunk`).toBeDefined();
      expect(report.sections[target!.sectionIndex].heading).toBe('Foreword: The Northern Shift');
      expect(shingles(c.text).size).toBeGreaterThan(20);
    }
    expect(copy.map((c) => c.text).join(' ')).toContain('During a visit to the northern capital');
    expect(reportChunks.every((c) => c.dupOf === null)).toBe(true);
  });

  it('does not link the article’s own text', () => {
    const own = articleChunks.filter((c) => c.text.includes('A new report by the institute') || c.text.startsWith('Originally published'));
    expect(own.length).toBeGreaterThan(0);
    for (const c of own) expect(c.dupOf).toBeNull();
    expect(own.some((c) => c.text.includes('While the northern states'))).toBe(false);
  });
});

describe('findRepeatedParagraphs on many documents', () => {
  // the plain definition, every paragraph against every other: what the indexed search must return exactly
  const reference = (docs: ParsedDocument[], threshold = 0.6) => {
    const paras = docs.flatMap((d) =>
      d.paragraphs
        .filter((p) => p.kind === 'text' && p.text.split(/\s+/).filter(Boolean).length >= 20)
        .map((p) => ({ doc: d.source.id, key: `${d.source.id}#${p.anchor}`, sh: shingles(p.text) })),
    );
    const inDoc = (s: string, doc: string) => paras.filter((p) => p.doc === doc && p.sh.has(s)).length;
    const out = new Set<string>();
    for (const a of paras)
      for (const b of paras) {
        if (a.doc === b.doc) continue;
        const n = [...a.sh].filter((s) => b.sh.has(s) && inDoc(s, b.doc) <= 50).length;
        if (n / Math.min(a.sh.size, b.sh.size) >= threshold) out.add(a.key);
      }
    return out;
  };

  it('finds exactly the paragraphs the pairwise comparison finds, with common phrases, copies, edits and short paragraphs', () => {
    const rand = mulberry32(7);
    // a small vocabulary makes many shingles common to many paragraphs, as "one of the" is in real text
    const vocabulary = Array.from({ length: 30 }, (_, i) => `w${i}`);
    // paragraphs end with a full stop, or the parser would join them as soft-wrapped lines
    const paragraph = (n: number) => `The ${Array.from({ length: n }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ')}.`;
    const pool: string[] = [];
    const docs = Array.from({ length: 24 }, (_, d) => {
      const paras: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = rand();
        if (r < 0.3 && pool.length) {
          // a copy of another document's paragraph with some words changed, or a part of it
          const words = pool[Math.floor(rand() * pool.length)].split(' ');
          const edited = words.map((w) => (rand() < 0.15 ? vocabulary[Math.floor(rand() * vocabulary.length)] : w));
          paras.push(`${(rand() < 0.3 ? edited.slice(0, 20 + Math.floor(rand() * 10)) : edited).join(' ').replace(/\.$/, '')}.`);
        } else paras.push(paragraph(20 + Math.floor(rand() * 60)));
        pool.push(paras[paras.length - 1]);
      }
      return parseMarkdown(paras.join('\n\n'), { file: `generated-${d}.md` });
    });
    // one document holding the same phrase in more than 50 paragraphs: that phrase does not count as copied from it
    docs.push(parseMarkdown(Array.from({ length: 55 }, () => `Here w1 w2 w3 ${paragraph(25)}`).join('\n\n'), { file: 'generated-many.md' }));
    const expected = reference(docs);
    expect(expected.size).toBeGreaterThan(10);
    expect(expected.size).toBeLessThan(docs.reduce((n, d) => n + d.paragraphs.length, 0) - 10);
    expect([...findRepeatedParagraphs(docs)].sort()).toEqual([...expected].sort());
    expect([...findRepeatedParagraphs(docs, 0.8)].sort()).toEqual([...reference(docs, 0.8)].sort());
  });
});
