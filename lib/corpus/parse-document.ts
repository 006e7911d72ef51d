import { attributeQuotes } from './attribution';
import { quotePage } from './readers/pages';
import { paragraphsForAttribution, verbatimQuote } from './single-quotes';
import { parseStructure } from './structure';
import type { ParsedDocument, SourceFile } from './types';

/** Parses one corpus document into sections, paragraphs, footnotes and attributed quotes. */
export function parseDocument(source: SourceFile): ParsedDocument {
  const { sections, paragraphs, footnotes } = parseStructure(source);
  // British house style (‘single’ marks outside, “double” inside) is read with the marks exchanged, and quoted verbatim
  const forAttribution = paragraphsForAttribution(paragraphs);
  const attributed = attributeQuotes(sections, forAttribution.paragraphs, footnotes, source.meta);
  const byAnchor = new Map(paragraphs.map((p) => [p.anchor, p]));
  const original = new Map(paragraphs.map((p) => [p.anchor, p.text]));
  const swapped = new Map(forAttribution.paragraphs.map((p) => [p.anchor, p.text]));
  // a quote is cited at the page where its words begin
  const quotes = attributed.quotes
    .map((q) => (forAttribution.swapped ? verbatimQuote(q, original, swapped) : q))
    .map((q) => ({ ...q, page: quotePage(byAnchor.get(q.anchors[0]), q.text) }));
  const { interviews, warnings } = attributed;
  return { source, sections, paragraphs, footnotes, interviews, quotes, warnings };
}
