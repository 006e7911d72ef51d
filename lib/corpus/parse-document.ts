import { attributeQuotes } from './attribution';
import { quotePage } from './readers/pages';
import { parseStructure } from './structure';
import type { ParsedDocument, SourceFile } from './types';

/** Parses one corpus document into sections, paragraphs, footnotes and attributed quotes. */
export function parseDocument(source: SourceFile): ParsedDocument {
  const { sections, paragraphs, footnotes } = parseStructure(source);
  const attributed = attributeQuotes(sections, paragraphs, footnotes, source.meta);
  const byAnchor = new Map(paragraphs.map((p) => [p.anchor, p]));
  // a quote is cited at the page where its words begin
  const quotes = attributed.quotes.map((q) => ({ ...q, page: quotePage(byAnchor.get(q.anchors[0]), q.text) }));
  const { interviews, warnings } = attributed;
  return { source, sections, paragraphs, footnotes, interviews, quotes, warnings };
}
