// BibTeX and RIS records for a source document (plugin-bibtex / plugin-ris), cached per document.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { DocumentInfo } from '../types';
import { citationKey, toCslItem } from './csl-json';

const MAX_DOCUMENTS = 1000;
const bibtexCache = new Map<string, string>();
const risCache = new Map<string, string>();

function cacheKey(doc: DocumentInfo): string {
  return JSON.stringify([doc.id, doc.title, doc.authors, doc.date, doc.publisher, doc.place, doc.url, doc.kind]);
}

function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size >= MAX_DOCUMENTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, value);
  return value;
}

/** A BibTeX entry with a stable key, e.g. `@techreport{vanderveere2025shaping, …}`. */
export function documentBibtex(doc: DocumentInfo): string {
  const key = cacheKey(doc);
  const hit = bibtexCache.get(key);
  if (hit !== undefined) return hit;
  const item = toCslItem(doc, { id: citationKey(doc) });
  const bib = `${new Cite(item).format('bibtex', { format: 'text' }).trim()}\n`;
  return remember(bibtexCache, key, bib);
}

/**
 * An RIS record (TY … ER). plugin-ris hard-wraps values every 70 characters, even mid-word;
 * continuation lines are joined back so that every tag sits on one line, as importers expect.
 */
export function documentRis(doc: DocumentInfo): string {
  const key = cacheKey(doc);
  const hit = risCache.get(key);
  if (hit !== undefined) return hit;
  const item = toCslItem(doc, { id: citationKey(doc), mergeParticles: true });
  const raw = new Cite(item).format('ris', { format: 'text' });
  const lines: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    if (/^[A-Z][A-Z0-9] {2}-( |$)/.test(line) || lines.length === 0) lines.push(line);
    else lines[lines.length - 1] += line;
  }
  const ris = `${lines
    .map((l) => (l.startsWith('ER  -') ? 'ER  - ' : l.trimEnd()))
    .filter(Boolean)
    .join('\n')}\n`;
  return remember(risCache, key, ris);
}
