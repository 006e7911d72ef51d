import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../types';
import { citationKey, documentBibtex, documentRis, toCslItem } from './index';

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

describe('documentBibtex', () => {
  it('gives a techreport that parses back', () => {
    const bib = documentBibtex(report);
    expect(bib).toMatch(/^@techreport\{vanderveere2025shaping,/);
    expect(bib).toContain('author = {van der Veere, Anoma P.}');
    expect(bib).toContain('institution = {LeidenAsiaCentre}');
    expect(bib).toContain('address = {Leiden}');
    const [back] = new Cite(bib).data;
    expect(back.title).toBe(report.title);
    expect(back['citation-key']).toBe('vanderveere2025shaping');
    expect(back.author?.[0]).toMatchObject({ family: 'Veere', given: 'Anoma P.', 'non-dropping-particle': 'van der' });
    expect(back.issued?.['date-parts']?.[0]?.[0]).toBe(2025);
  });

  it('handles a document without author or date', () => {
    const bib = documentBibtex(undated);
    expect(bib).toMatch(/^@article\{japaneurope,/);
    expect(new Cite(bib).data[0].title).toBe(undated.title);
  });
});

describe('documentRis', () => {
  it('has TY, TI, AU, PY, ER lines, one line per tag', () => {
    const ris = documentRis(report);
    const lines = ris.trimEnd().split('\n');
    expect(lines[0]).toBe('TY  - RPRT');
    expect(lines).toContain(`TI  - ${report.title}`);
    expect(lines).toContain('AU  - van der Veere, Anoma P.');
    expect(lines).toContain('PY  - 2025');
    expect(lines).toContain('PB  - LeidenAsiaCentre');
    expect(lines).toContain('CY  - Leiden');
    expect(lines[lines.length - 1]).toMatch(/^ER {2}-/);
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-( |$)/);
    const [back] = new Cite(ris).data;
    expect(back.title).toBe(report.title);
  });

  it('omits AU and PY when there are none', () => {
    const ris = documentRis(undated);
    expect(ris).toMatch(/^TY {2}- JOUR$/m);
    expect(ris).toMatch(/^TI {2}- Japan and Europe: A Marriage of Convenience Matures$/m);
    expect(ris).not.toMatch(/^(AU|PY) /m);
    expect(ris).toMatch(/^ER {2}- $/m);
  });
});
