import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type DomNode, collectNotes, htmlBlocks } from './html-text';
import { EMPTY_METADATA, type FileMetadata, normaliseDate, type ReaderOutput, toSuperscript, UnreadableDocumentError } from './types';

type LinkedomDocument = ReturnType<typeof parseHTML>['document'];

function metaContent(doc: LinkedomDocument, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    for (const el of Array.from(doc.querySelectorAll(`meta[name="${key}" i], meta[property="${key}" i]`))) {
      const v = (el as unknown as DomNode).getAttribute?.('content')?.trim();
      if (v) out.push(v);
    }
  }
  return out;
}

interface JsonLdThing {
  '@type'?: string | string[];
  '@graph'?: JsonLdThing[];
  headline?: string;
  name?: string;
  author?: unknown;
  datePublished?: string;
  publisher?: unknown;
  url?: string;
}

function nameOf(v: unknown): string[] {
  if (!v) return [];
  if (typeof v === 'string') return [v.trim()].filter(Boolean);
  if (Array.isArray(v)) return v.flatMap(nameOf);
  if (typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return [(v as { name: string }).name.trim()];
  return [];
}

const ARTICLE_TYPES = /Article|Report|Posting|Blog|ScholarlyArticle|CreativeWork|WebPage/;

function jsonLdArticle(doc: LinkedomDocument): JsonLdThing | null {
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse((el as unknown as DomNode).textContent ?? '');
    } catch {
      continue;
    }
    const things: JsonLdThing[] = (Array.isArray(data) ? data : [data]).flatMap((d: JsonLdThing) => (d?.['@graph'] ? d['@graph'] : [d]));
    const article = things.find((t) => t && ARTICLE_TYPES.test(String(t['@type'] ?? '')) && !/WebSite|Organization|Person/.test(String(t['@type'])));
    if (article) return article;
  }
  return null;
}

/** What a web page states about itself: citation_* tags first, then JSON-LD, then Open Graph and plain meta tags. */
export function htmlMetadata(doc: LinkedomDocument): FileMetadata {
  const ld = jsonLdArticle(doc);
  const first = (...v: (string | null | undefined)[]) => v.find((s) => s?.trim())?.trim() ?? null;
  const citationAuthors = metaContent(doc, 'citation_author');
  const authors = citationAuthors.length
    ? citationAuthors
    : nameOf(ld?.author).length
      ? nameOf(ld?.author)
      : metaContent(doc, 'author', 'article:author', 'dc.creator');
  const url = first(
    metaContent(doc, 'citation_public_url', 'citation_abstract_html_url')[0],
    ld?.url,
    metaContent(doc, 'og:url')[0],
    (doc.querySelector('link[rel="canonical"]') as unknown as DomNode | null)?.getAttribute?.('href'),
  );
  return {
    ...EMPTY_METADATA,
    title: first(metaContent(doc, 'citation_title')[0], ld?.headline, ld?.name, metaContent(doc, 'og:title')[0], doc.querySelector('title')?.textContent),
    authors: authors.filter((a) => !/^https?:/.test(a)),
    date: normaliseDate(
      first(
        metaContent(doc, 'citation_publication_date', 'citation_date', 'citation_online_date')[0],
        ld?.datePublished,
        metaContent(doc, 'article:published_time', 'dc.date', 'date')[0],
      ),
    ),
    publisher: first(metaContent(doc, 'citation_publisher', 'citation_journal_title')[0], nameOf(ld?.publisher)[0], metaContent(doc, 'og:site_name')[0]),
    url: url && /^https?:\/\/\S+$/i.test(url) ? url : null,
    kind: 'web-article',
  };
}

/** Reads a saved web page: the article (Readability drops navigation and boilerplate), its notes, links and emphasis. */
export function readHtml(file: string, html: string, options: { blockQuoteMarkers?: boolean } = {}): ReaderOutput {
  const { document } = parseHTML(html);
  const meta = htmlMetadata(document);
  // notes are read from the whole page first: Readability may drop a notes list it takes for boilerplate
  const byId = (d: LinkedomDocument) => (id: string) => (d.getElementById(id) as unknown as DomNode | null) ?? null;
  const { notes } = collectNotes(document as unknown as DomNode & { querySelectorAll(s: string): ArrayLike<DomNode> }, byId(document));
  const article = new Readability(parseHTML(html).document as unknown as Document, { keepClasses: true }).parse();
  const content = article?.content ? parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document : document;
  const root = (content.body ?? content.documentElement) as unknown as DomNode;
  const noteIds = new Set(notes.keys());
  const isNoteList = (el: DomNode) => {
    const id = el.getAttribute?.('id');
    if (id && noteIds.has(id)) return true;
    const cls = `${el.getAttribute?.('class') ?? ''} ${el.getAttribute?.('role') ?? ''}`;
    return /\bfootnotes\b|\bendnotes\b|doc-endnotes|doc-footnotes/.test(cls);
  };
  const blocks = htmlBlocks(root, { notes, skip: isNoteList, blockQuoteMarkers: options.blockQuoteMarkers });
  const noteLines = [...notes.values()].sort((a, b) => a.number - b.number).map((n) => `${toSuperscript(n.number)} ${n.text}`);
  const lines = [...blocks.map((b) => b.text), ...noteLines];
  if (!lines.join('').trim())
    throw new UnreadableDocumentError(file, 'holds no article text (the page may be built by scripts that a saved copy does not run); skipped');
  if (!meta.title && article?.title) meta.title = article.title.trim();
  return { body: lines.join('\n\n'), meta, pages: null, pageNumbering: null, warnings: [] };
}
