import { attributeQuotes } from './attribution';
import { parseStructure } from './structure';
import type { ParsedDocument, SourceFile } from './types';

/** Parses one corpus document into sections, paragraphs, footnotes and attributed quotes. */
export function parseDocument(source: SourceFile): ParsedDocument {
  const { sections, paragraphs, footnotes } = parseStructure(source);
  const { quotes, interviews, warnings } = attributeQuotes(sections, paragraphs, footnotes, source.meta);
  return { source, sections, paragraphs, footnotes, interviews, quotes, warnings };
}
