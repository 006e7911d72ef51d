import { noteOfAnchor } from './note-quotes';
import type { Paragraph, ParsedQuote } from './types';

/**
 * The author's words that frame a quote: the nearest analysis paragraph before it in its section (its lead-in, skipping
 * other block quotes), and for a quotation inside the analysis also the paragraph around it. Search indexes this as a
 * weak keyword field because the lead-in often names the topic in words the quote never uses ("The survey highlights…
 * perceived threats… As Goroku argues:" before "It was surprising to find that Russia is ranked above China").
 */
export function framingText(paragraphs: Paragraph[], quote: ParsedQuote, blockAnchors: ReadonlySet<string>): string {
  // a quotation inside a note is framed by the paragraph that refers to the note
  const note = noteOfAnchor(quote.anchors[0]);
  if (note !== null) return paragraphs.find((p) => p.refs.some((r) => r.number === note))?.text ?? '';
  const first = paragraphs.findIndex((p) => p.anchor === quote.anchors[0]);
  if (first < 0) return '';
  const own = blockAnchors.has(paragraphs[first].anchor) ? [] : [paragraphs[first].text];
  const section = paragraphs[first].sectionIndex;
  for (let i = first - 1; i >= 0; i--) {
    const p = paragraphs[i];
    if (p.sectionIndex !== section || p.kind !== 'text') break;
    if (!blockAnchors.has(p.anchor)) return [p.text, ...own].join('\n');
  }
  return own.join('\n');
}

/** Paragraphs that are wholly a quote: block quotes and dialogue lines, not quotations inside the analysis. */
export function blockQuoteAnchors(quotes: ParsedQuote[], paragraphs: Paragraph[]): Set<string> {
  return new Set(quotes.filter((q) => isBlockQuote(q, paragraphs)).flatMap((q) => q.anchors));
}

/**
 * Whether a quote stands as whole paragraphs of its own (block quote, dialogue line) rather than inside
 * the author's sentence. An unattributed quote has no method, so its paragraphs decide.
 */
export function isBlockQuote(q: ParsedQuote, paragraphs: Paragraph[]): boolean {
  if (q.attribution) return q.attribution.method !== 'inline';
  const first = paragraphs.find((p) => p.anchor === q.anchors[0]);
  if (!first) return false;
  return first.blockQuote || first.italic || q.text.length >= 0.9 * first.text.length;
}
