import type { Paragraph, ParsedQuote } from './types';

/**
 * A quotation inside the analysis (the paragraph stays analysis), as opposed to a block quote or dialogue line that is
 * the whole paragraph. The attribution method says so when it is known; an unattributed or corrected quote is inline
 * when its words sit inside quotation marks within a longer paragraph.
 */
export function isInlineQuote(quote: ParsedQuote, paragraphs: Paragraph[]): boolean {
  const method = quote.attribution?.method;
  if (method === 'inline') return true;
  if (method && method !== 'override') return false;
  if (quote.anchors.length !== 1) return false;
  const p = paragraphs.find((x) => x.anchor === quote.anchors[0]);
  if (!p) return false;
  const at = p.text.indexOf(quote.text);
  return at > 0 && /["“‘]\s*$/.test(p.text.slice(0, at));
}

/**
 * The author's words that frame a quote: the nearest analysis paragraph before it in its section (its lead-in, skipping
 * other block quotes), and for a quotation inside the analysis also the paragraph around it. Search indexes this as a
 * weak keyword field because the lead-in often names the topic in words the quote never uses ("The survey highlights…
 * perceived threats… As Goroku argues:" before "It was surprising to find that Russia is ranked above China").
 */
export function framingText(paragraphs: Paragraph[], quote: ParsedQuote, blockAnchors: ReadonlySet<string>): string {
  const first = paragraphs.findIndex((p) => p.anchor === quote.anchors[0]);
  if (first < 0) return '';
  const own = isInlineQuote(quote, paragraphs) ? [paragraphs[first].text] : [];
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
  return new Set(quotes.filter((q) => !isInlineQuote(q, paragraphs)).flatMap((q) => q.anchors));
}
