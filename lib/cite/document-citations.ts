// The document part of every citation, formatted by the CSL processor and cached per document.
import { Cite, type CiteCitationEntry, type CslItem } from '@citation-js/core';
import type { DocumentInfo } from '../types';
import type { CitableQuote, StyleId } from './citable';
import { toCslItem } from './csl-json';
import type { SpeakerInput } from './speaker';
import { ensureStylesRegistered, TEMPLATE_NAMES } from './styles';
import { cleanText } from './text';

interface DocumentEntry {
  cites: Record<StyleId, Cite>;
  ids: Record<StyleId, string>;
  formatted: Map<string, string>;
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
  // Chicago and MLA keep family-first names in order; APA inverts every name (see names.toCslName)
  const items: Record<StyleId, CslItem> = {
    chicago: toCslItem(doc, { staticOrdering: true, style: 'chicago' }),
    apa: toCslItem(doc, { staticOrdering: false, style: 'apa' }),
    mla: toCslItem(doc, { staticOrdering: true, style: 'mla' }),
  };
  const entry: DocumentEntry = {
    cites: { chicago: new Cite(items.chicago), apa: new Cite(items.apa), mla: new Cite(items.mla) },
    ids: { chicago: items.chicago.id, apa: items.apa.id, mla: items.mla.id },
    formatted: new Map(),
  };
  if (cache.size >= MAX_DOCUMENTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, entry);
  stats.documents++;
  return entry;
}

/** Runs the CSL processor: a bibliography entry, or a citation (Chicago: a full note) with an optional locator and prefix. */
export function formatCsl(cite: Cite, kind: 'bibliography' | 'citation', style: StyleId, entry?: CiteCitationEntry): string {
  stats.processorCalls++;
  const options = { format: 'text' as const, template: TEMPLATE_NAMES[style], lang: 'en-US', ...(entry ? { entry: [entry] } : {}) };
  return cleanText(cite.format(kind, options));
}

// Stand-ins: a document's citation is formatted once per style and shape, and the real locator
// and prefix are put in their place, so a new page or speaker costs no processor run (~15 ms).
const LOCATOR = '8675309421';
const PREFIX = 'Qz8675309 ';

function cached(doc: DocumentInfo, key: string, run: (entry: DocumentEntry) => string): string {
  const entry = entryFor(doc);
  let text = entry.formatted.get(key);
  if (text === undefined) {
    text = run(entry);
    if (entry.formatted.size < 5000) entry.formatted.set(key, text);
  }
  return text;
}

/** A citation of the document with a locator (label page or note) and a prefix, via one processor run per shape. */
function documentCitation(doc: DocumentInfo, style: StyleId, locator: { value: string; label: 'page' | 'note' } | null, prefix: string): string {
  const shape = `${style}|${locator?.label ?? ''}|${prefix ? 'p' : ''}`;
  const template = cached(doc, shape, (e) =>
    formatCsl(e.cites[style], 'citation', style, {
      id: e.ids[style],
      ...(locator ? { locator: LOCATOR, label: locator.label } : {}),
      ...(prefix ? { prefix: PREFIX } : {}),
    }),
  );
  const fits = (!locator || template.split(LOCATOR).length === 2) && (!prefix || template.split(PREFIX.trim()).length === 2);
  if (!fits) {
    return cached(doc, `${shape}|${locator?.value}|${prefix}`, (e) =>
      formatCsl(e.cites[style], 'citation', style, {
        id: e.ids[style],
        ...(locator ? { locator: locator.value, label: locator.label } : {}),
        ...(prefix ? { prefix } : {}),
      }),
    );
  }
  let text = template;
  if (locator) text = text.replace(LOCATOR, locator.value);
  if (prefix) text = text.replace(PREFIX.trim(), prefix.trim());
  return text;
}

/**
 * Chicago (notes and bibliography, 18th ed.) full note for the document, with the place the quote
 * stands: "41" (page), "41n132" (page and note, CMOS 14.54), "n. 132" (note only).
 */
export function chicagoNote(doc: DocumentInfo, footnoteNumber?: number | null, page?: number | null): string {
  const note = validNumber(footnoteNumber);
  const p = validNumber(page);
  const locator = p ? { value: note ? `${p}n${note}` : String(p), label: 'page' as const } : note ? { value: String(note), label: 'note' as const } : null;
  return documentCitation(doc, 'chicago', locator, '');
}

/** Chicago bibliography entry of the document. */
export function chicagoBibliography(doc: DocumentInfo): string {
  return cached(doc, 'chicago-bib', (e) => formatCsl(e.cites.chicago, 'bibliography', 'chicago'));
}

/** APA 7 reference-list entry, e.g. "van der Veere, A. P. (2025). Shaping a New Alliance: … LeidenAsiaCentre." */
export function apaReference(doc: DocumentInfo): string {
  return cached(doc, 'apa-bib', (e) => formatCsl(e.cites.apa, 'bibliography', 'apa'));
}

/** MLA 9 works-cited entry, e.g. "van der Veere, Anoma P. Shaping a New Alliance: … LeidenAsiaCentre, Apr. 2025." */
export function mlaWorksCited(doc: DocumentInfo): string {
  return cached(doc, 'mla-bib', (e) => formatCsl(e.cites.mla, 'bibliography', 'mla'));
}

/** APA 7 parenthetical citation: "(van der Veere, 2025, p. 41)", or with a prefix "(Kiba, as cited in van der Veere, 2025, p. 41)". */
export function apaInText(doc: DocumentInfo, page: number | null, prefix = ''): string {
  const p = validNumber(page);
  return documentCitation(doc, 'apa', p ? { value: String(p), label: 'page' } : null, prefix);
}

/** MLA 9 parenthetical citation: "(van der Veere 41)", or with a prefix "(qtd. in van der Veere 41)". */
export function mlaInText(doc: DocumentInfo, page: number | null, prefix = ''): string {
  const p = validNumber(page);
  return documentCitation(doc, 'mla', p ? { value: String(p), label: 'page' } : null, prefix);
}

function validNumber(n: number | null | undefined): number | null {
  return n != null && Number.isFinite(n) && n > 0 ? Math.trunc(n) : null;
}

/**
 * Today's ingest input -> CitableQuote. It carries no date label and no interviewer yet, so no
 * date and no interviewer is printed (a date without what it is would state more than the note).
 */
export function citableFromLegacy(input: {
  document: DocumentInfo;
  speaker: SpeakerInput | null;
  kind: 'interview' | 'quote' | 'analysis';
  interviewDate: string | null;
  footnoteNumber?: number | null;
  footnoteText?: string | null;
  text?: string;
  dateLabel?: CitableQuote['dateLabel'];
  interviewer?: string | null;
  page?: number | null;
  role?: string | null;
}): CitableQuote {
  return {
    kind: input.kind,
    text: input.text ?? '',
    speaker: input.speaker
      ? { name: input.speaker.name, role: input.role ?? null, affiliation: input.speaker.affiliation, anonymous: input.speaker.anonymous }
      : null,
    footnote: input.footnoteNumber != null ? { number: input.footnoteNumber, text: input.footnoteText ?? null } : null,
    interviewDate: input.interviewDate,
    dateLabel: input.dateLabel ?? null,
    interviewer: input.interviewer ?? null,
    page: input.page ?? null,
    document: input.document,
  };
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
