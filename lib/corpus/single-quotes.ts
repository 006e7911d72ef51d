import type { Paragraph, ParsedQuote } from './types';

const OPENS_AFTER = /[\s([{\u2014\u2013“"/-]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where each ‘single’ quotation opens and closes; an apostrophe inside a word ("don’t") is neither. */
export function singleQuotePairs(text: string): [number, number][] {
  const pairs: [number, number][] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '‘' && (i === 0 || OPENS_AFTER.test(text[i - 1])) && i + 1 < text.length && !/\s/.test(text[i + 1])) open.push(i);
    else if (ch === '’' && open.length && i > 0 && !/\s/.test(text[i - 1]) && (i + 1 === text.length || !WORD_CHAR.test(text[i + 1]))) {
      // "the officials’ views": a plural possessive, when a later mark can still close the quotation
      const possessive = text[i - 1] === 's' && /^\s\p{L}/u.test(text.slice(i + 1, i + 3)) && laterCloser(text, i + 1);
      if (!possessive) pairs.push([open.pop()!, i]);
    }
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

function laterCloser(text: string, from: number): boolean {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '‘') return false;
    if (text[j] === '’' && !/\s/.test(text[j - 1]) && (j + 1 === text.length || !WORD_CHAR.test(text[j + 1]))) return true;
  }
  return false;
}

const wordsIn = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * British house style quotes in ‘single’ marks and nests “double” ones inside. The document is read that way when its
 * single-quoted passages of three words or more outnumber its double-quoted ones.
 */
export function quotesInSingleMarks(texts: string[]): boolean {
  let single = 0;
  let double = 0;
  for (const t of texts) {
    for (const [a, b] of singleQuotePairs(t)) if (wordsIn(t.slice(a + 1, b)) >= 3) single++;
    for (const m of t.matchAll(/“([^“”]+)”/g)) if (wordsIn(m[1]) >= 3) double++;
  }
  return single > double;
}

/** The same text with ‘single’ and “double” quotation marks exchanged (same length, same offsets; apostrophes stay). */
export function swapQuoteMarks(text: string): string {
  const out = text.split('');
  for (const [a, b] of singleQuotePairs(text)) {
    out[a] = '“';
    out[b] = '”';
  }
  for (const m of text.matchAll(/“([^“”]*)”/g)) {
    out[m.index!] = '‘';
    out[m.index! + m[0].length - 1] = '’';
  }
  return out.join('');
}

/** Paragraphs to attribute in, with the document's quotation marks turned into the double marks the rules read. */
export function paragraphsForAttribution(paragraphs: Paragraph[]): { paragraphs: Paragraph[]; swapped: boolean } {
  if (!quotesInSingleMarks(paragraphs.map((p) => p.text))) return { paragraphs, swapped: false };
  return { paragraphs: paragraphs.map((p) => ({ ...p, text: swapQuoteMarks(p.text) })), swapped: true };
}

/** A quote found in swapped text, given back the document's own characters (its nested quotation marks included). */
export function verbatimQuote(q: ParsedQuote, original: Map<string, string>, swapped: Map<string, string>): ParsedQuote {
  const parts = q.text.split('\n\n');
  const restored = parts.map((part, k) => {
    const anchor = q.anchors[Math.min(k, q.anchors.length - 1)];
    const at = swapped.get(anchor)?.indexOf(part) ?? -1;
    return at >= 0 ? original.get(anchor)!.slice(at, at + part.length) : part;
  });
  return { ...q, text: restored.join('\n\n') };
}
