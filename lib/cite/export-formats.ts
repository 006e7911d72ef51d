// BibTeX and RIS records for a source document or for one quote in it (plugin-bibtex / plugin-ris),
// cached per document. The record of a quote is its document's record with its own key and the
// quote and its speaker in the note field.
import { Cite, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { DocumentInfo } from '../types';
import type { CitableQuote } from './citable';
import { citationKey, cslType, toCslItem } from './csl-json';
import { bibtexWithQuote, quoteKeyFrom, quoteNote, risWithQuote } from './quote-records';
import { parseIsoDate } from './text';

const MAX_DOCUMENTS = 1000;
const bibtexCache = new Map<string, string>();
const risCache = new Map<string, string>();

function cacheKey(doc: DocumentInfo): string {
  return JSON.stringify([doc.id, doc.title, doc.authors, doc.date, doc.publisher, doc.place, doc.url, doc.kind]);
}

function remember(cache: Map<string, string>, key: string, make: () => string): string {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  if (cache.size >= MAX_DOCUMENTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, value);
  return value;
}

/**
 * CSL type for an export record: reports -> `report` (@techreport, RPRT); web articles ->
 * `webpage` (@misc, ELEC); an article whose journal the document does not name -> `document`
 * (@misc, GEN), since @article and JOUR require a journal.
 */
function exportType(doc: DocumentInfo): string {
  const type = cslType(doc.kind);
  return type === 'article-journal' || type === 'article-magazine' || type === 'article-newspaper' ? 'document' : type;
}

function exportItem(doc: DocumentInfo, mergeParticles: boolean): CslItem {
  const item = toCslItem(doc, { id: citationKey(doc), mergeParticles });
  item.type = exportType(doc);
  if (item.type === 'document' && item['container-title'] && !item.publisher) {
    item.publisher = item['container-title'];
    delete item['container-title'];
  }
  return item;
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A BibTeX entry with a stable key, e.g. `@techreport{vanderveere2025shaping, …}`. */
export function documentBibtex(doc: DocumentInfo): string {
  return remember(bibtexCache, cacheKey(doc), () => {
    const bib = new Cite(exportItem(doc, false)).format('bibtex', { format: 'text' }).trim();
    // plugin-bibtex writes `month = {4}` or `month = {apr 7}`; BibTeX and biblatex take the month macro
    const month = parseIsoDate(doc.date)?.month;
    const fixed = bib.replace(/^(\s*)month = \{[^}]*\},$/m, month ? `$1month = ${BIBTEX_MONTHS[month - 1]},` : '');
    return `${fixed.replace(/\n{2,}/g, '\n')}\n`;
  });
}

/**
 * An RIS record (TY … ER). plugin-ris hard-wraps values every 70 characters, even mid-word, and
 * cuts the ID to 20 characters; continuation lines are joined back and the ID is the BibTeX key.
 */
export function documentRis(doc: DocumentInfo): string {
  return remember(risCache, cacheKey(doc), () => {
    const raw = new Cite(exportItem(doc, true)).format('ris', { format: 'text' });
    const lines: string[] = [];
    for (const line of raw.split(/\r?\n/)) {
      if (/^[A-Z][A-Z0-9] {2}-( |$)/.test(line) || lines.length === 0) lines.push(line);
      else lines[lines.length - 1] += line;
    }
    const key = citationKey(doc);
    return `${lines
      .map((l) => (l.startsWith('ER  -') ? 'ER  - ' : l.startsWith('ID  -') ? `ID  - ${key}` : l.trimEnd()))
      .filter(Boolean)
      .join('\n')}\n`;
  });
}

/** The key of one quote's record: the document's key and the quote id ("vanderveere2025shaping-3f2a9c1b"). */
export function quoteKey(doc: DocumentInfo, quoteId: string): string {
  return quoteKeyFrom(citationKey(doc), quoteId);
}

/** One quote as a BibTeX entry: its document's entry under the quote's own key, with the quote and speaker in `note`. */
export function quoteBibtex(q: CitableQuote, quoteId: string): string {
  return bibtexWithQuote(documentBibtex(q.document), quoteId, quoteNote(q));
}

/** One quote as an RIS record: its document's record with the quote's key as ID and the quote and speaker in N1. */
export function quoteRis(q: CitableQuote, quoteId: string): string {
  return risWithQuote(documentRis(q.document), quoteId, quoteNote(q));
}
