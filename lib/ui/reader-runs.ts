// Lays a reader paragraph out as runs: plain text and quotes, each with the footnote markers that fall inside.
import type { ReaderParagraph, ReaderQuote } from '../types';

export type RunPart = { text: string } | { footnote: number } | { badge: string };

export interface ReaderRun {
  quoteId: string | null;
  /** The quote begins in this run (its first paragraph) and ends in it (its last paragraph). */
  quoteStarts: boolean;
  quoteEnds: boolean;
  parts: RunPart[];
  /** The speaker badge of this quote stands in the next run, after the closing quotation mark and punctuation. */
  badgeMoved?: true;
}

// what closes a quotation: its marks, then the punctuation and note markers that follow it ("…severity.”¹ As")
const CLOSING = /^[”’"'»›)\]]*[.,;:!?…]*[”’"'»›)\]]*/;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Where a quote (or its share of a multi-paragraph quote) sits in a paragraph; the whole paragraph when not found verbatim. */
function quoteRange(paragraph: ReaderParagraph, quote: ReaderQuote): [number, number] {
  const text = paragraph.text;
  const parts = quote.text
    .split(/\n\s*\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const at = quote.anchors.indexOf(paragraph.anchor);
  const ordered = parts.length === quote.anchors.length && at >= 0 ? [parts[at], ...parts] : parts;
  for (const part of ordered) {
    const i = text.indexOf(part);
    if (i >= 0) return [i, i + part.length];
  }
  // whitespace may differ between the paragraph and the quote; find the same words
  for (const part of ordered) {
    const words = collapse(part).split(' ');
    if (!words.length) continue;
    const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
    const m = re.exec(text);
    if (m) return [m.index, m.index + m[0].length];
  }
  return [0, text.length];
}

/** Runs covering the paragraph in order; overlapping quotes are clipped so every character belongs to one run. */
export function paragraphRuns(paragraph: ReaderParagraph, quotesById: Map<string, ReaderQuote>): ReaderRun[] {
  const text = paragraph.text;
  const ranges = paragraph.quoteIds
    .map((id) => quotesById.get(id))
    .filter((q): q is ReaderQuote => !!q)
    .map((q) => {
      const [start, end] = quoteRange(paragraph, q);
      return { q, start, end };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const clipped: { q: ReaderQuote; start: number; end: number }[] = [];
  let cursor = 0;
  for (const r of ranges) {
    const start = Math.max(r.start, cursor);
    if (start >= r.end) continue;
    clipped.push({ ...r, start });
    cursor = r.end;
  }
  const spans: { quote: ReaderQuote | null; start: number; end: number }[] = [];
  let at = 0;
  for (const r of clipped) {
    if (r.start > at) spans.push({ quote: null, start: at, end: r.start });
    spans.push({ quote: r.q, start: r.start, end: r.end });
    at = r.end;
  }
  if (at < text.length || !spans.length) spans.push({ quote: null, start: at, end: text.length });

  const refs = [...paragraph.footnoteRefs].map((f) => ({ ...f, offset: Math.max(0, Math.min(text.length, f.offset)) })).sort((a, b) => a.offset - b.offset);
  // a marker follows the words it annotates: offset o belongs to the span with start < o <= end (o = 0: the first span)
  const owner = (o: number) => (o === 0 ? 0 : spans.findIndex((s) => s.start < o && o <= s.end));
  const runs = spans.map((s, i): ReaderRun => {
    const parts: RunPart[] = [];
    let pos = s.start;
    for (const f of refs) {
      if (owner(f.offset) !== i) continue;
      if (f.offset > pos) parts.push({ text: text.slice(pos, f.offset) });
      parts.push({ footnote: f.number });
      pos = f.offset;
    }
    if (s.end > pos) parts.push({ text: text.slice(pos, s.end) });
    const q = s.quote;
    return {
      quoteId: q?.id ?? null,
      quoteStarts: !!q && q.anchors[0] === paragraph.anchor,
      quoteEnds: !!q && q.anchors[q.anchors.length - 1] === paragraph.anchor,
      parts,
    };
  });
  // a speaker badge never stands inside the quotation marks: copied text must read as the document does
  runs.forEach((run, i) => {
    const next = runs[i + 1];
    if (!run.quoteId || !run.quoteEnds || !next || next.quoteId) return;
    const first = next.parts[0];
    const closing = first && 'text' in first ? (CLOSING.exec(first.text)?.[0] ?? '') : '';
    let at = 0;
    const parts: RunPart[] = [];
    if (closing) {
      parts.push({ text: closing });
      if (first && 'text' in first && first.text.length > closing.length) next.parts.splice(1, 0, { text: first.text.slice(closing.length) });
      at = 1;
    }
    while (at < next.parts.length && 'footnote' in next.parts[at]) parts.push(next.parts[at++]);
    parts.push({ badge: run.quoteId });
    next.parts = [...parts, ...next.parts.slice(at)];
    run.badgeMoved = true;
  });
  return runs;
}
