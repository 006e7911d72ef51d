import { attributeQuotes } from './attribution';
import { parseStructure } from './structure';
import type { ParsedDocument, SourceFile } from './types';

/** Parses one corpus document into sections, paragraphs, footnotes and attributed quotes. */
export function parseDocument(source: SourceFile): ParsedDocument {
  const { sections, paragraphs, footnotes } = parseStructure(source);
  const attributed = attributeQuotes(sections, paragraphs, footnotes);
  const pageOf = new Map(paragraphs.map((p) => [p.anchor, p.page]));
  // a quote is cited at the page its first paragraph starts on
  const quotes = attributed.quotes.map((q) => ({ ...q, page: pageOf.get(q.anchors[0]) ?? null }));
  const { interviews, warnings } = attributed;
  return { source, sections, paragraphs, footnotes, interviews, quotes, warnings };
}
