import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../types';
import type { CitableQuote } from './citable';
import { citationKey, documentBibtex, documentRis, quoteBibtex, quoteKey, quoteNote, quoteRis, toCslItem } from './index';

const report: DocumentInfo = {
  id: 'leidenasiacentre-2025-shaping-a-new-alliance',
  title: "Shaping a New Alliance: Japan's Defense Evolution and Strategic Shift towards NATO and Europe",
  authors: ['Anoma P. van der Veere'],
  date: '2025-04',
  publisher: 'LeidenAsiaCentre',
  place: 'Leiden',
  url: null,
  kind: 'report',
};

const undated: DocumentInfo = {
  id: 'japan-and-europe',
  title: 'Japan and Europe: A Marriage of Convenience Matures',
  authors: [],
  date: null,
  publisher: null,
  place: null,
  url: null,
  kind: 'article',
};

describe('CSL-JSON mapping', () => {
  it('maps the report with particles, date parts, publisher and place', () => {
    const item = toCslItem(report);
    expect(item.type).toBe('report');
    expect(item.author).toEqual([{ given: 'Anoma P.', 'non-dropping-particle': 'van der', family: 'Veere' }]);
    expect(item.issued).toEqual({ 'date-parts': [[2025, 4]] });
    expect(item.publisher).toBe('LeidenAsiaCentre');
    expect(item['publisher-place']).toBe('Leiden');
  });

  it('maps web articles, full dates and missing data', () => {
    const web = toCslItem({ ...report, kind: 'web-article', date: '2025-04-07', url: 'https://example.org/a' });
    expect(web.type).toBe('webpage');
    expect(web['container-title']).toBe('LeidenAsiaCentre');
    expect(web.issued).toEqual({ 'date-parts': [[2025, 4, 7]] });
    expect(web.URL).toBe('https://example.org/a');
    const bare = toCslItem(undated);
    expect(bare.type).toBe('article-journal'); // CSL "article" is a preprint; see csl-json.ts
    expect(bare.author).toBeUndefined();
    expect(bare.issued).toBeUndefined();
  });

  it('makes stable citation keys', () => {
    expect(citationKey(report)).toBe('vanderveere2025shaping');
    expect(citationKey(undated)).toBe('japaneurope');
  });
});

const webArticle: DocumentInfo = {
  id: 'leidenasiacentre-2025-japans-shift-toward-nato-and-europe',
  title: 'Japan’s Shift toward NATO and Europe',
  authors: ['Frans-Paul van der Putten'],
  date: '2025-04-07',
  publisher: null,
  place: null,
  url: null,
  kind: 'web-article',
};

const kiba: CitableQuote = {
  kind: 'interview',
  text: 'Japan needs to be more "strategic" about 50% of {its} R&D #1_a.',
  speaker: { name: 'Saya Kiba', role: 'Associate Professor', affiliation: 'Kobe City University of Foreign Studies' },
  footnote: { number: 132, text: 'Interview with Saya Kiba. Transcribed on 3 December 2024.' },
  interviewDate: '2024-12-03',
  dateLabel: 'transcribed',
  interviewer: null,
  page: 41,
  document: report,
};
const QUOTE_ID = 'q-3f2a9c1b00000000';

/** Parses BibTeX with citation-js's bibtex plugin (a real parser: it throws on malformed entries). */
const parseBib = (bib: string) => new Cite(bib, { forceType: '@biblatex/text' }).data;
const parseRis = (ris: string) => new Cite(ris, { forceType: '@ris/file' }).data;

describe('documentBibtex', () => {
  it('gives a techreport with a valid month that parses back', () => {
    const bib = documentBibtex(report);
    expect(bib).toMatch(/^@techreport\{vanderveere2025shaping,/);
    expect(bib).toContain('author = {van der Veere, Anoma P.}');
    expect(bib).toContain('institution = {LeidenAsiaCentre}');
    expect(bib).toMatch(/^\s*month = apr,$/m);
    const [back] = parseBib(bib);
    expect(back.title).toBe(report.title);
    expect(back['citation-key']).toBe('vanderveere2025shaping');
    expect(back.author?.[0]).toMatchObject({ family: 'Veere', given: 'Anoma P.', 'non-dropping-particle': 'van der' });
    expect(back.issued?.['date-parts']?.[0]).toEqual([2025, 4]);
  });

  it('gives a web article as @misc with the month macro (never "apr 7")', () => {
    const bib = documentBibtex(webArticle);
    expect(bib).toMatch(/^@misc\{vanderputten2025japans,/);
    expect(bib).toMatch(/^\s*month = apr,$/m);
    expect(bib).not.toMatch(/month = \{/);
    expect(parseBib(bib)[0].issued?.['date-parts']?.[0]?.slice(0, 2)).toEqual([2025, 4]);
  });

  it('gives an article without author, date or journal as @misc (not a journal article)', () => {
    const bib = documentBibtex(undated);
    expect(bib).toMatch(/^@misc\{japaneurope,/);
    expect(parseBib(bib)[0].title).toBe(undated.title);
  });
});

describe('documentRis', () => {
  it('has TY, TI, AU, PY, ER lines, one line per tag, and the BibTeX key as ID', () => {
    const ris = documentRis(report);
    const lines = ris.trimEnd().split('\n');
    expect(lines[0]).toBe('TY  - RPRT');
    expect(lines).toContain(`TI  - ${report.title}`);
    expect(lines).toContain('AU  - van der Veere, Anoma P.');
    expect(lines).toContain('PY  - 2025');
    expect(lines).toContain('PB  - LeidenAsiaCentre');
    expect(lines).toContain('ID  - vanderveere2025shaping');
    expect(lines[lines.length - 1]).toMatch(/^ER {2}-/);
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-( |$)/);
    const [back] = parseRis(ris);
    expect(back.title).toBe(report.title);
    expect(back.id).toBe('vanderveere2025shaping');
  });

  it('types web articles ELEC and articles without a journal GEN', () => {
    expect(documentRis(webArticle)).toMatch(/^TY {2}- ELEC$/m);
    const ris = documentRis(undated);
    expect(ris).toMatch(/^TY {2}- GEN$/m);
    expect(ris).not.toMatch(/^(AU|PY) /m);
  });
});

describe('one quote as a BibTeX entry and an RIS record', () => {
  it('BibTeX: the quote key, and the quote with its speaker in a note that LaTeX and the parser accept', () => {
    const bib = quoteBibtex(kiba, QUOTE_ID);
    expect(bib).toMatch(/^@techreport\{vanderveere2025shaping-3f2a9c1b,/);
    expect(bib).toContain('R\\&D \\#1\\_a');
    expect(bib).toContain('50\\% of \\textbraceleft{}its\\textbraceright{}');
    const [back] = parseBib(bib);
    expect(back['citation-key']).toBe(quoteKey(report, QUOTE_ID));
    expect(back.note).toContain(
      'Saya Kiba, Associate Professor, Kobe City University of Foreign Studies; interview; transcribed December 3, 2024; note 132, p. 41: “Japan needs',
    );
    expect(back.note).toContain('R&D #1_a');
  });

  it('RIS: the same key as ID, the note as N1, and it imports back', () => {
    const ris = quoteRis(kiba, QUOTE_ID);
    const [back] = parseRis(ris);
    expect(back.id).toBe(quoteKey(report, QUOTE_ID));
    expect(back.type).toBe('report');
    expect(back.note).toBe(quoteNote(kiba));
    expect(ris.trimEnd().split('\n').at(-1)).toBe('ER  -');
  });

  it('the note states no date without its label, and no note the quote does not have', () => {
    const note = quoteNote({ ...kiba, dateLabel: null, footnote: null, page: null });
    expect(note).not.toMatch(/2024|note \d|p\. \d/);
    expect(note).toMatch(/^Saya Kiba, Associate Professor, Kobe City University of Foreign Studies; interview: “/);
  });
});
