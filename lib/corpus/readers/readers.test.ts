import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexReader } from '../../db/index-reader';
import { writeIndexAtomically } from '../../db/write-index';
import { buildIndexContent } from '../../ingest/ingest';
import { toQuoteRecord } from '../../records';
import { readerView } from '../../ui/reader-view';
import { fakeEmbedder } from '../../ingest/fixtures/fake-embedder';
import { parseDocument } from '../parse-document';
import type { ParsedDocument, ParsedQuote } from '../types';
import { openPdf } from './pdf';
import { readDocument } from './read-document';
import { UnreadableDocumentError } from './types';

// Fixtures typeset by real tools (scripts/fixtures/make-document-fixtures.sh): pandoc + LaTeX, Chromium's print-to-PDF, pandoc's DOCX.
const FIXTURES = path.join(__dirname, 'fixtures');
const CORPUS = path.join(__dirname, '..', '..', '..', 'corpus');
const BUNDLED = 'leidenasiacentre-2025-shaping-a-new-alliance';
const SECOND = 'japan-and-europe-a-marriage-of-convenience-matures';

async function parse(file: string): Promise<ParsedDocument> {
  return parseDocument(await readDocument(file, readFileSync(file)));
}

/** Letters only, lower-case: immune to line breaks, hyphenation, markers and typographic quotes. */
function letters(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** The text of every page as pdfjs gives it, independent of the reader's layout logic. */
async function pageLetters(file: string): Promise<string[]> {
  const doc = await openPdf(readFileSync(file));
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(letters(content.items.map((it) => ('str' in it ? it.str : '')).join('')));
  }
  await doc.destroy();
  return pages;
}

/** Physical pages (1-based) on which a piece of text stands. */
function pagesWith(pages: string[], text: string): number[] {
  const needle = letters(text);
  return pages.flatMap((p, i) => (p.includes(needle) ? [i + 1] : []));
}

function firstWords(text: string, n = 7): string {
  return text.split(/\s+/).slice(0, n).join(' ');
}

function lastWords(text: string, n = 6): string {
  return text.split(/\s+/).slice(-n).join(' ');
}

/** Typesetting differences only: typographic quotes and dashes, ellipsis, spacing. */
function verbatim(text: string): string {
  return text.normalize('NFKC').replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/…/g, '...').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
}

/** (speaker, words) of each quote: what must survive any format, hyphenation and page breaks included. */
function quoteKeys(quotes: ParsedQuote[]): string[] {
  return quotes.map((q) => `${q.speaker?.name ?? '(unattributed)'} | ${verbatim(q.text)}`).sort();
}

describe('synthetic report typeset by LaTeX, by Chromium and as Word', () => {
  const cases = [
    { file: 'synthetic-report-latex.pdf', paginated: true },
    { file: 'synthetic-report-chromium.pdf', paginated: true },
    { file: 'synthetic-report.docx', paginated: false },
  ];
  for (const { file, paginated } of cases) {
    it(`${file}: each quote has its speaker by note or lead-in${paginated ? ', and its page' : ''}`, async () => {
      const full = path.join(FIXTURES, file);
      const doc = await parse(full);
      expect(doc.source.meta.title).toBe('Harbours and Hinterlands: Port Security on the Baltic Rim');
      const byOpening = new Map(doc.quotes.map((q) => [firstWords(q.text, 4), q]));
      const holmstedt = byOpening.get('Ten years ago a');
      const berglund = byOpening.get('The weak point is');
      const aaltonen = byOpening.get('When the first cable');
      expect(doc.quotes).toHaveLength(3);
      expect(holmstedt).toMatchObject({ kind: 'interview', attribution: { method: 'note' }, interviewDate: '2025-03-04' });
      expect(holmstedt!.speaker?.name).toBe('Karin Holmstedt');
      expect(berglund).toMatchObject({ attribution: { method: 'lead-in' } });
      expect(berglund!.speaker?.name).toBe('Tomas Berglund');
      expect(aaltonen).toMatchObject({ kind: 'interview', attribution: { method: 'note' }, interviewDate: '2025-03-12' });
      expect(aaltonen!.speaker?.name).toBe('Jonas Aaltonen');
      // the long quote is whole: the page break (and the notes at the foot of its first page) did not cut it
      expect(aaltonen!.text).toMatch(/^When the first cable was cut, .* to a particular stretch of water\.$/s);
      expect(aaltonen!.anchors).toHaveLength(1);
      // italics are read from the font: the lead-in quote is an italic paragraph
      expect(doc.paragraphs.find((p) => p.anchor === berglund!.anchors[0])!.italic).toBe(true);
      if (!paginated) {
        expect(doc.quotes.every((q) => q.page === null)).toBe(true);
        return;
      }
      const pages = await pageLetters(full);
      for (const q of doc.quotes) expect(pagesWith(pages, firstWords(q.text)), q.text.slice(0, 40)).toEqual([q.page]);
      // the split quote ends on the next page
      expect(pagesWith(pages, lastWords(aaltonen!.text))).toEqual([aaltonen!.page! + 1]);
    });
  }
});

describe('bundled reports typeset to PDF and Word keep every quote, verbatim, and speaker of their Markdown', () => {
  const reports = [
    { id: BUNDLED, files: [`${BUNDLED}-latex.pdf`, `${BUNDLED}-chromium.pdf`, `${BUNDLED}.docx`], minQuotes: 30 },
    { id: SECOND, files: [`${SECOND}-latex.pdf`, `${SECOND}.docx`], minQuotes: 10 },
  ];
  const markdownKeys = new Map<string, string[]>();
  beforeAll(async () => {
    for (const r of reports) markdownKeys.set(r.id, quoteKeys((await parse(path.join(CORPUS, `${r.id}.md`))).quotes));
  });
  for (const { id, files, minQuotes } of reports)
    for (const file of files) {
      it(file, async () => {
        const full = path.join(FIXTURES, file);
        const doc = await parse(full);
        expect(markdownKeys.get(id)!.length).toBeGreaterThan(minQuotes);
        expect(quoteKeys(doc.quotes)).toEqual(markdownKeys.get(id));
        if (!file.endsWith('.pdf')) return;
        expect(doc.source.pageNumbering).toBe(file.includes('latex') ? 'printed' : 'physical');
        const pages = await pageLetters(full);
        const wrong = doc.quotes.filter((q) => !pagesWith(pages, firstWords(q.text)).includes(q.page!)).map((q) => `${q.page}: ${q.text.slice(0, 50)}`);
        expect(wrong).toEqual([]);
      });
    }
});

describe('a saved web page', () => {
  it('gives the article with its notes and quotes, without navigation, banners or footer, and the metadata the page states', async () => {
    const doc = await parse(path.join(FIXTURES, 'synthetic-report-saved-page.html'));
    const body = doc.source.body;
    for (const boilerplate of ['Subscribe to our newsletter', 'cookies', 'Privacy policy', 'Related reports', 'All rights reserved'])
      expect(body).not.toContain(boilerplate);
    expect(doc.source.meta).toMatchObject({
      title: 'Harbours and Hinterlands: Port Security on the Baltic Rim',
      authors: ['Elin Moberg'],
      date: '2025-05-14',
      publisher: 'Baltic Policy Review',
      url: 'https://example.org/reports/harbours-and-hinterlands',
    });
    expect(doc.footnotes.map((f) => f.number)).toEqual([1, 2, 3, 4]);
    expect(doc.quotes.map((q) => [q.speaker?.name, q.attribution?.method])).toEqual([
      ['Karin Holmstedt', 'note'],
      ['Tomas Berglund', 'lead-in'],
      ['Jonas Aaltonen', 'note'],
    ]);
  });
});

describe('ingest of PDF, Word and web pages', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'readers-'));
    copyFileSync(path.join(FIXTURES, 'synthetic-report-chromium.pdf'), path.join(dir, 'harbours.pdf'));
    copyFileSync(path.join(FIXTURES, 'synthetic-report.docx'), path.join(dir, 'harbours-word.docx'));
    copyFileSync(path.join(FIXTURES, 'scanned-page.pdf'), path.join(dir, 'scan.pdf'));
    // a sidecar overrides what the file states, field by field
    writeFileSync(path.join(dir, 'harbours-word.meta.yaml'), 'title: Harbours (Word edition)\npublisher: Invented Press\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists them, skips a scanned PDF with a warning naming it, stores pages and cites them', async () => {
    const { content, warnings } = await buildIndexContent(dir, fakeEmbedder());
    expect(content.documents.map((d) => d.info.id).sort()).toEqual(['harbours', 'harbours-word']);
    expect(warnings.filter((w) => w.includes('scan.pdf'))).toEqual([expect.stringMatching(/scan\.pdf: has no text layer .*OCR/)]);
    const word = content.documents.find((d) => d.info.id === 'harbours-word')!.info;
    expect(word).toMatchObject({ title: 'Harbours (Word edition)', publisher: 'Invented Press', authors: ['Elin Moberg'] });
    const quotes = content.chunks.filter((c) => c.documentId === 'harbours' && c.kind !== 'analysis');
    expect(quotes).toHaveLength(3);
    for (const q of quotes) {
      expect(q.page).toBeGreaterThan(0);
      // the locator ends the note: "…, 41n2." or "…,” 41." (Chicago puts the comma inside a quoted title)
      expect(q.citation.chicago.split('\n')[0]).toMatch(new RegExp(`[,”] ${q.footnoteNumber ? `${q.page}n${q.footnoteNumber}` : q.page}\\.$`));
    }
    const pdfParagraphs = content.documents.find((d) => d.info.id === 'harbours')!.paragraphs;
    expect(new Set(pdfParagraphs.map((p) => p.page))).toEqual(new Set([1, 2, 3, 4]));
    expect(content.chunks.filter((c) => c.documentId === 'harbours-word').every((c) => c.page === null)).toBe(true);

    // stored in the index, given in the JSON records, marked in the reader where a page starts
    const dbPath = path.join(dir, 'index.db');
    writeIndexAtomically(dbPath, content);
    const reader = IndexReader.open(dbPath);
    try {
      const records = reader.quotes({ documentId: 'harbours' }).map((c) => toQuoteRecord(reader, c));
      expect(records.map((r) => r.page)).toEqual(quotes.map((q) => q.page));
      expect(reader.quotes({ documentId: 'harbours-word' }).map((c) => toQuoteRecord(reader, c).page)).toEqual([null, null, null]);
      const lookup = readerView(reader, 'harbours', null, () => '');
      if (!lookup.found || !('view' in lookup)) throw new Error('document not found');
      const markers = lookup.view.sections.flatMap((s) => s.paragraphs.map((p) => p.pageStart)).filter((n) => n !== null);
      expect(markers).toEqual([1, 2, 3, 4]);
    } finally {
      reader.close();
    }
  });

  it('a scanned PDF read alone is refused with its name, never an empty document', async () => {
    const file = path.join(FIXTURES, 'scanned-page.pdf');
    const err = await readDocument(file, readFileSync(file)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableDocumentError);
    expect((err as Error).message).toMatch(/scanned-page\.pdf: has no text layer/);
  });
});
