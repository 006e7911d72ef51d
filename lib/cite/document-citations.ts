// The document part of every citation, formatted by the CSL processor and cached per document.
import { Cite } from '@citation-js/core';
import type { DocumentInfo } from '../types';
import { toCslItem } from './csl-json';
import { ensureStylesRegistered, TEMPLATE_NAMES, type StyleId } from './styles';
import { cleanText } from './text';

interface DocumentEntry {
  /** Item for Chicago and MLA (family-first names keep their order). */
  ordered: Cite;
  /** Item for APA (every name inverted). */
  plain: Cite;
  id: string;
  chicagoNotes: Map<string, string>;
  apaReference?: string;
  mlaWorksCited?: string;
}

const MAX_DOCUMENTS = 1000;
const cache = new Map<string, DocumentEntry>();
const stats = { documents: 0, processorCalls: 0 };

function documentKey(doc: DocumentInfo): string {
  return JSON.stringify([doc.id, doc.title, doc.authors, doc.date, doc.publisher, doc.place, doc.url, doc.kind]);
}

function entryFor(doc: DocumentInfo): DocumentEntry {
  const key = documentKey(doc);
  const hit = cache.get(key);
  if (hit) return hit;
  ensureStylesRegistered();
  const ordered = toCslItem(doc, { staticOrdering: true });
  const plain = toCslItem(doc, { staticOrdering: false });
  const entry: DocumentEntry = {
    ordered: new Cite(ordered),
    plain: new Cite(plain),
    id: ordered.id,
    chicagoNotes: new Map(),
  };
  if (cache.size >= MAX_DOCUMENTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, entry);
  stats.documents++;
  return entry;
}

function format(cite: Cite, kind: 'bibliography' | 'citation', style: StyleId, extra: Record<string, unknown> = {}): string {
  stats.processorCalls++;
  return cleanText(cite.format(kind, { format: 'text', template: TEMPLATE_NAMES[style], lang: 'en-US', ...extra }));
}

// A stand-in footnote number: the note is formatted once per document with it, and the real
// number is put in its place, so a new footnote costs no processor run (~15 ms each otherwise).
const LOCATOR_PLACEHOLDER = '8675309421';

/**
 * Chicago (notes and bibliography, 18th ed.) full note for the document, e.g.
 * "Anoma P. van der Veere, Shaping a New Alliance: … (LeidenAsiaCentre, 2025)."
 * With a footnote number the note points at it as a locator ("…, 2025), n. 132.").
 */
export function chicagoNote(doc: DocumentInfo, footnoteNumber?: number | null, page?: number | null): string {
  const entry = entryFor(doc);
  const note = footnoteNumber != null && Number.isFinite(footnoteNumber) && footnoteNumber > 0 ? String(Math.trunc(footnoteNumber)) : '';
  if (page != null && Number.isInteger(page) && page > 0) {
    // a paginated source: the page, and the note on it ("41n132", Chicago 14.157)
    const locator = note ? `${page}n${note}` : String(page);
    const key = `p${locator}`;
    let paged = entry.chicagoNotes.get(key);
    if (paged === undefined) {
      paged = format(entry.ordered, 'citation', 'chicago', { entry: [{ id: entry.id, locator, label: 'page' }] });
      if (entry.chicagoNotes.size < 5000) entry.chicagoNotes.set(key, paged);
    }
    return paged;
  }
  let text = entry.chicagoNotes.get(note);
  if (text !== undefined) return text;
  if (!note) {
    text = format(entry.ordered, 'citation', 'chicago', { entry: [{ id: entry.id }] });
  } else {
    let template = entry.chicagoNotes.get(LOCATOR_PLACEHOLDER);
    if (template === undefined) {
      template = format(entry.ordered, 'citation', 'chicago', { entry: [{ id: entry.id, locator: LOCATOR_PLACEHOLDER, label: 'note' }] });
      entry.chicagoNotes.set(LOCATOR_PLACEHOLDER, template);
    }
    text =
      template.split(LOCATOR_PLACEHOLDER).length === 2
        ? template.replace(LOCATOR_PLACEHOLDER, note)
        : format(entry.ordered, 'citation', 'chicago', { entry: [{ id: entry.id, locator: note, label: 'note' }] });
  }
  if (entry.chicagoNotes.size < 5000) entry.chicagoNotes.set(note, text);
  return text;
}

/** APA 7 reference-list entry, e.g. "van der Veere, A. P. (2025). Shaping a New Alliance: … LeidenAsiaCentre." */
export function apaReference(doc: DocumentInfo): string {
  const entry = entryFor(doc);
  entry.apaReference ??= format(entry.plain, 'bibliography', 'apa');
  return entry.apaReference;
}

/** MLA 9 works-cited entry, e.g. "van der Veere, Anoma P. Shaping a New Alliance: … LeidenAsiaCentre, Apr. 2025." */
export function mlaWorksCited(doc: DocumentInfo): string {
  const entry = entryFor(doc);
  entry.mlaWorksCited ??= format(entry.ordered, 'bibliography', 'mla');
  return entry.mlaWorksCited;
}

/**
 * Builds the three citeproc engines ahead of the first citation. Building them is the one slow
 * step (about 3 s in all, mostly the Chicago and APA styles); call this at server or ingest start
 * to keep it off the first request.
 */
export function warmUpCitations(): void {
  apaReference(WARM_UP_DOCUMENT);
  mlaWorksCited(WARM_UP_DOCUMENT);
  chicagoNote(WARM_UP_DOCUMENT, 1);
}

const WARM_UP_DOCUMENT: DocumentInfo = {
  id: 'lib-cite-warm-up',
  title: 'Warm-up',
  authors: ['Ada Lovelace'],
  date: '2025-01',
  publisher: 'Publisher',
  place: 'Place',
  url: null,
  kind: 'report',
};

/** Cache counters (for tests and the bench): documents seen, CSL processor calls made. */
export function citationCacheStats(): { documents: number; processorCalls: number; cached: number } {
  return { ...stats, cached: cache.size };
}

/** Empties the per-document cache (tests). */
export function clearCitationCache(): void {
  cache.clear();
  stats.documents = 0;
  stats.processorCalls = 0;
}
