// DocumentInfo -> CSL-JSON, and the stable citation key used by BibTeX and RIS.
import type { CslItem } from '@citation-js/core';
import type { DocumentInfo } from '../types';
import { parsePersonName, toCslName } from './names';
import { parseIsoDate } from './text';

/**
 * DocumentInfo.kind -> CSL item type.
 *
 * `article` deliberately maps to `article-journal`, not CSL `article`: in CSL 1.0.2 `article` is
 * a preprint or working paper, and the Chicago style then prints "Preprint" (CMOS18 14.76) for
 * what is an ordinary article. A web article is a `webpage` whose site name (the publisher) is
 * its container, which gives “Title.” Site, date, URL in MLA and Chicago.
 */
const CSL_TYPES: Record<string, string> = {
  report: 'report',
  'working-paper': 'report',
  'policy-brief': 'report',
  article: 'article-journal',
  'journal-article': 'article-journal',
  'magazine-article': 'article-magazine',
  'news-article': 'article-newspaper',
  newspaper: 'article-newspaper',
  'web-article': 'webpage',
  webpage: 'webpage',
  web: 'webpage',
  'blog-post': 'post-weblog',
  blog: 'post-weblog',
  book: 'book',
  chapter: 'chapter',
  thesis: 'thesis',
  speech: 'speech',
  interview: 'interview',
};

export function cslType(kind: string): string {
  return CSL_TYPES[kind.trim().toLowerCase()] ?? 'report';
}

// An article (its periodical, if any, is not a field of the document; the publisher is its site):
// each style's CSL type that prints its title in quotation marks, as Chicago and MLA require for an article, and no genre
// the text does not state ("Preprint"). Chicago and APA: `webpage`; MLA: `document` (MLA's
// `webpage` without a site name italicises the title as a stand-alone work).
const ARTICLE_KINDS = new Set([
  'article',
  'journal-article',
  'magazine-article',
  'news-article',
  'newspaper',
  'web-article',
  'webpage',
  'web',
  'blog-post',
  'blog',
]);

/** The CSL type for one style: an article without a named container gets a type that quotes its title. */
export function cslTypeFor(doc: DocumentInfo, style?: 'chicago' | 'apa' | 'mla'): string {
  const kind = doc.kind.trim().toLowerCase();
  if (!style || !ARTICLE_KINDS.has(kind)) return cslType(kind);
  return style === 'mla' && !doc.publisher?.trim() ? 'document' : 'webpage';
}

export interface CslOptions {
  /** Keep family-first names in that order (Chicago, MLA); see names.toCslName. */
  staticOrdering?: boolean;
  /** Item id; defaults to the document id (or the citation key if there is none). */
  id?: string;
  /**
   * Write particles into the family name ("van der Veere") instead of non-dropping-particle.
   * plugin-ris drops CSL particles when it writes AU lines, so RIS needs this.
   */
  mergeParticles?: boolean;
  /** Format for this style (see cslTypeFor). */
  style?: 'chicago' | 'apa' | 'mla';
}

/** Maps a document to a CSL-JSON item. */
export function toCslItem(doc: DocumentInfo, options: CslOptions = {}): CslItem {
  const key = citationKey(doc);
  const type = cslTypeFor(doc, options.style);
  const item: CslItem = {
    id: options.id ?? (doc.id || key),
    'citation-key': key,
    type,
    title: doc.title.replace(/\s+/g, ' ').trim(),
  };
  const authors = doc.authors.map((a) => a.trim()).filter(Boolean);
  if (authors.length) {
    item.author = authors.map((a) => {
      const name = toCslName(a, options.staticOrdering ?? false);
      if (options.mergeParticles && name['non-dropping-particle'] && name.family) {
        name.family = `${name['non-dropping-particle']} ${name.family}`;
        delete name['non-dropping-particle'];
      }
      return name;
    });
  }
  const date = parseIsoDate(doc.date);
  if (date) {
    const parts: number[] = [date.year];
    if (date.month) parts.push(date.month);
    if (date.month && date.day) parts.push(date.day);
    item.issued = { 'date-parts': [parts] };
  }
  const publisher = doc.publisher?.trim();
  if (publisher) {
    if (type === 'webpage' || type === 'post-weblog') item['container-title'] = publisher;
    else item.publisher = publisher;
  }
  const place = doc.place?.trim();
  if (place && type !== 'webpage' && type !== 'post-weblog') item['publisher-place'] = place;
  const url = doc.url?.trim();
  if (url) item.URL = url;
  return item;
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'on', 'in', 'for', 'to', 'de', 'la', 'le', 'het', 'een']);

const asciiWord = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * A stable BibTeX/RIS key: family name with particles + year + first significant title word,
 * e.g. "vanderveere2025shaping". Without an author, the first two significant title words
 * ("japaneurope"); without a date, no year.
 */
export function citationKey(doc: DocumentInfo): string {
  const titleWords = doc.title
    .split(/[\s\-–—:/]+/)
    .map(asciiWord)
    .filter((w) => w && !STOP_WORDS.has(w));
  const first = doc.authors.map((a) => a.trim()).find(Boolean);
  let authorPart = '';
  if (first) {
    const name = parsePersonName(first);
    authorPart = asciiWord(name.literal ?? [name.particle, name.family].filter(Boolean).join(''));
  }
  const year = parseIsoDate(doc.date)?.year;
  const titlePart = authorPart ? (titleWords[0] ?? '') : titleWords.slice(0, 2).join('');
  const key = `${authorPart}${year ?? ''}${titlePart}`;
  return key || asciiWord(doc.id) || 'untitled';
}
