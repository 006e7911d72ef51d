import { FOOTNOTE_LINE, hasExplicitMarkers, noteDefinition, stripExplicitMarkers, stripPlainMarkers } from './footnote-markers';
import { joinSoftWraps } from './soft-wraps';
import { joinPageBreaks, type PageBreak, pageAtLine, pageBreaksAtLine } from './readers/pages';
import type { Footnote, Paragraph, ParagraphKind, Section, SourceFile } from './types';

interface Line {
  text: string;
  line: number; // 1-based file line
  quote: boolean; // set off as a quotation: a Markdown `>` line or an indented block
  mdHeading: boolean; // a Markdown `#` heading
}

interface Block {
  raw: string;
  line: number;
  afterFootnotes: boolean; // a footnote block (page break) stood between this and the previous text block
  heading: boolean;
  kind: ParagraphKind;
  pageBreaks?: PageBreak[]; // pages that begin inside it (paginated sources)
  quote: boolean;
  mdHeading: boolean;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE_LINE = new RegExp(
  `^(?:(?:\\d{1,2}\\s+)?(?:${MONTHS}),?\\s+\\d{4}|(?:${MONTHS})\\s+\\d{1,2},\\s+\\d{4}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})$`,
  'i',
);
const URL_OR_EMAIL = /^(?:<?https?:\/\/\S+>?|www\.\S+|\S+@\S+\.\S+)$/i;
const LIST_ITEM = /^\s*(?:[-•*–]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)/;
const NUMBERED_HEADING = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+\p{Lu}/u;
const NAMED_HEADING =
  /^(?:Appendix|Annex|Chapter|Part|Section)\b|^(?:Conclusions?|Introduction|References|Bibliography|Notes|Endnotes|Footnotes|Executive Summary|Recommendations|Summary|Abstract|Acknowledgements?|Preface|Foreword)\b/;
const NOTES_HEADING = /^(?:Notes|Endnotes|Footnotes|References)$/i;
/** A note marker left at the end of a paragraph's raw text, in any style. */
const TRAILING_MARKERS = /(?:\[\^?\d{1,3}\]|\^\d{1,3}|\(\d{1,3}\)|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)+\s*$/;
/** Sections of the scholarly apparatus: no quotes are read from them and they are not chunked for search. */
export const APPARATUS_SECTION = /^(?:References|Bibliography|Notes|Endnotes|Footnotes|Table of Contents|Contents)$/i;
const BYLINE = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:van|von|der|den|de|da|di|du|le|la|\p{Lu}[\p{L}.'’-]*)){1,4}\s+[–—-]\s+\S/u;
const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'for',
  'with',
  'at',
  'by',
  'from',
  'as',
  'vs',
  'versus',
  'toward',
  'towards',
  'into',
  'between',
  'its',
  'van',
  'der',
  'de',
]);
/** Words that cannot end a sentence: a paragraph ending in one was cut by a page break. */
const DANGLING = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'and',
  'or',
  'in',
  'on',
  'for',
  'with',
  'by',
  'at',
  'from',
  'that',
  'as',
  'its',
  'their',
  'his',
  'her',
  'our',
  'both',
  'between',
  'into',
  'which',
  'who',
  'whose',
  'this',
  'these',
  'those',
  'than',
  'but',
  'is',
  'are',
  'was',
  'were',
  'be',
  'has',
  'have',
  'had',
  'not',
  'such',
  'more',
  'most',
  'very',
]);

function normalizeForCompare(s: string): string {
  return s.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

function wordsOf(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** Headings are short, unpunctuated at the end, mostly capitalised lines. */
function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 130 || t.includes('\t')) return false;
  if (FOOTNOTE_LINE.test(t) || URL_OR_EMAIL.test(t) || DATE_LINE.test(t) || BYLINE.test(t)) return false;
  if (/[.,;:!]$/.test(t) || /[⁰¹²³⁴⁵⁶⁷⁸⁹]$/.test(t)) return false;
  if (LIST_ITEM.test(text) && !NUMBERED_HEADING.test(t)) return false;
  if (!/^[\p{Lu}\d“"']/u.test(t)) return false;
  const words = wordsOf(t.replace(/^[\d.IVX]+\s+/, ''));
  if (words.length === 0 || words.length > 16) return false;
  if (t.includes(', ') && !NUMBERED_HEADING.test(t) && !NAMED_HEADING.test(t)) return false;
  const significant = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')));
  if (significant.length === 0) return false;
  const capitalised = significant.filter((w) => /^[“"'(]?[\p{Lu}\d]/u.test(w)).length;
  return words.length <= 3 || capitalised / significant.length >= 0.6 || NUMBERED_HEADING.test(t) || NAMED_HEADING.test(t);
}

function isProse(text: string | undefined): boolean {
  if (!text) return false;
  return wordsOf(text).length >= 10 && /\p{Ll}/u.test(text);
}

function blockKind(text: string): ParagraphKind {
  if (text.includes('\t')) return 'toc';
  if (LIST_ITEM.test(text)) return 'list';
  if (BYLINE.test(text.trim())) return 'byline';
  const t = text.trim();
  if (URL_OR_EMAIL.test(t) || DATE_LINE.test(t)) return 'meta';
  return 'text';
}

/** True when a paragraph's text ends a sentence (after markers, closing quotes and italics). */
function endsSentence(raw: string): boolean {
  const t = raw
    .replace(TRAILING_MARKERS, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹\s]+$/, '')
    .replace(/[*_”"’)\]]+$/, '');
  return /[.!?:;…]$/.test(t) || /\.\.\.$/.test(t);
}

function shouldRejoin(prev: Block, next: Block): boolean {
  if (prev.heading || next.heading || prev.kind !== 'text' || next.kind === 'toc' || next.kind === 'byline' || next.kind === 'meta') return false;
  if (prev.quote !== next.quote) return false; // a block quote never runs on into the author's text
  if (endsSentence(prev.raw)) return false;
  if (/^(?:\*\*|__)\p{Lu}[^:*_\n]{0,40}(?::(?:\*\*|__)|(?:\*\*|__):)/u.test(next.raw.trimStart())) return false; // a bold speaker label opens a new turn
  if (/[”"“]\s*(?:[—―–]|-{1,2})[^“”"\n]{1,80}$/.test(prev.raw.trim())) return false; // a quotation closed by its credit ("“…” - Jane Doe") is whole
  const prevText = prev.raw.replace(TRAILING_MARKERS, '').trimEnd();
  if (!/\s/.test(prevText)) return false; // a lone token (a URL, a name) is not a cut sentence
  const nextStart = next.raw.replace(/^[*“"‘'([]+/, '');
  if (/^\p{Ll}/u.test(nextStart)) return true;
  if (/(?:^|[^-])[-‐,]$/.test(prevText)) return true; // "So--" is a speaker cut off, not a word split at a line end
  const lastWord = prevText
    .split(/\s+/)
    .pop()!
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
  if (DANGLING.has(lastWord)) return true;
  return next.afterFootnotes && next.kind === 'text';
}

function joinRaw(a: string, b: string): string {
  const left = a.trimEnd();
  // "Sino-" + "Japanese" and "surface-" + "to-air" are one word split at a line end
  if (/\p{L}-$/u.test(left)) return left + b.trimStart();
  return `${left} ${b.trimStart()}`;
}

/** Strips a paragraph-wide *…* and inline *emphasis* markers, keeping the words verbatim. */
function stripEmphasis(text: string): { text: string; italic: boolean } {
  const t = text.trim();
  const italic = (/^\*[^*]/.test(t) && /\*[⁰¹²³⁴⁵⁶⁷⁸⁹\d\s]*$/.test(t)) || (/^_[^_]/.test(t) && /_[⁰¹²³⁴⁵⁶⁷⁸⁹\d\s]*$/.test(t));
  return { text: t.replace(/\*([^*\n]+?)\*/g, '$1').replace(/^\*|\*(?=[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*$)/g, ''), italic };
}

export interface DocumentStructure {
  sections: Section[];
  paragraphs: Paragraph[];
  footnotes: Footnote[];
}

/**
 * Splits a document body into sections, paragraphs and footnotes. Footnote blocks that a page
 * break put into the running text are taken out, and the paragraph they split is joined again.
 */
export function parseStructure(source: SourceFile): DocumentStructure {
  const lines = readLines(source);
  const nonEmpty = lines.filter((l) => l.text.trim());
  const title = normalizeForCompare(source.meta.title);
  const authors = source.meta.authors.map(normalizeForCompare);

  // 1. footnote definitions and their continuation lines
  const footnotes: Footnote[] = [];
  const isFootnoteLine = nonEmpty.map((l) => !l.quote && !l.mdHeading && noteDefinition(l.text) !== null);
  const role: ('footnote' | 'continuation' | 'text')[] = nonEmpty.map((_, i) => (isFootnoteLine[i] ? 'footnote' : 'text'));
  for (let i = 1; i < nonEmpty.length - 1; i++) {
    // a plain line between two notes belongs to the note above it
    if (role[i] === 'text' && role[i - 1] !== 'text' && isFootnoteLine[i + 1]) role[i] = 'continuation';
  }
  let inNotesSection = false;
  let lastWasNote = false;
  const blocks: Block[] = [];
  let sawFootnotes = false;
  for (let i = 0; i < nonEmpty.length; i++) {
    const l = nonEmpty[i];
    if (role[i] === 'footnote') {
      const def = noteDefinition(l.text)!;
      footnotes.push({ number: def.number, text: def.text, line: l.line });
      sawFootnotes = true;
      continue;
    }
    if (role[i] === 'continuation') {
      const last = footnotes[footnotes.length - 1];
      last.text = `${last.text}\n${l.text.trim()}`;
      continue;
    }
    // plain-text endnotes under a "Notes" heading: "1. Text" or "1 Text"
    if (inNotesSection && !l.mdHeading) {
      const m = /^\s*(?:(\d{1,3})[.)]?|\((\d{1,3})\))\s+(\S.*)$/.exec(l.text); // "1. Text", "1 Text", "(1) Text"
      if (m) {
        footnotes.push({ number: Number(m[1] ?? m[2]), text: m[3].trim(), line: l.line });
        lastWasNote = true;
        continue;
      }
      // a wrapped note or a bare URL line under the last note continues it
      if (lastWasNote && !looksLikeHeading(l.text)) {
        const last = footnotes[footnotes.length - 1];
        last.text = `${last.text}\n${l.text.trim()}`;
        continue;
      }
    }
    lastWasNote = false;
    const heading = l.mdHeading || (!l.quote && looksLikeHeading(l.text));
    blocks.push({
      raw: l.text.trim(),
      line: l.line,
      afterFootnotes: sawFootnotes,
      heading,
      kind: l.quote ? 'text' : blockKind(l.text),
      quote: l.quote,
      mdHeading: l.mdHeading,
      pageBreaks: pageBreaksAtLine(source, l.line),
    });
    sawFootnotes = false;
    if (heading) inNotesSection = NOTES_HEADING.test(l.text.trim().replace(/:$/, ''));
  }

  // 2. confirm headings: a heading introduces prose (or a byline, a list, a table of contents)
  const tocTitles = new Set(blocks.filter((b) => b.kind === 'toc').map((b) => normalizeForCompare(b.raw.split('\t')[0])));
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const norm = normalizeForCompare(b.raw);
    if (norm === title || authors.includes(norm)) {
      b.heading = false;
      b.kind = 'meta';
      continue;
    }
    if (!b.heading || b.mdHeading) continue;
    if (tocTitles.has(norm)) continue;
    const next = blocks[i + 1];
    const afterNext = blocks[i + 2];
    const numbered = NUMBERED_HEADING.test(b.raw) || NAMED_HEADING.test(b.raw);
    const introduces =
      !next ||
      isProse(next.raw) ||
      (/:\s*$/.test(next.raw) && afterNext?.kind === 'text' && !afterNext.heading) || // a short lead-in ("As Aaltonen warns:") before a quote
      (numbered && next.kind === 'text' && !next.heading) ||
      next.kind === 'toc' ||
      next.kind === 'list' ||
      (next.kind === 'byline' && isProse(afterNext?.raw)) ||
      (next.heading && looksLikeHeading(next.raw) && isProse(afterNext?.raw));
    if (!introduces) {
      b.heading = false;
      b.kind = wordsOf(b.raw).length <= 12 ? 'meta' : b.kind;
    }
  }

  // 3. rejoin paragraphs split by page breaks
  const merged: Block[] = [];
  for (const b of blocks) {
    const prev = merged[merged.length - 1];
    if (prev && shouldRejoin(prev, b)) {
      prev.pageBreaks = joinPageBreaks(source, prev.raw, prev.pageBreaks ?? [], b.line, b.pageBreaks ?? []);
      prev.raw = joinRaw(prev.raw, b.raw);
    } else merged.push({ ...b });
  }

  // 4. footnote markers: explicit ones (superscript, [^n], ^n, [n]) where the document uses them, rising plain digits otherwise
  const bodyBlocks = merged.filter((b) => !b.heading);
  const noteNumbers = new Set(footnotes.map((f) => f.number));
  if (!noteNumbers.size) {
    // bracketed markers in a document whose notes are missing count when they rise like note numbers ([1] … [2] … [3])
    let last = 0;
    for (const b of bodyBlocks)
      for (const m of b.raw.matchAll(/\[(\d{1,3})\]/g)) {
        const n = Number(m[1]);
        if (n > last && n <= last + 3) {
          noteNumbers.add(n);
          last = n;
        }
      }
    if (noteNumbers.size < 3) noteNumbers.clear();
  }
  const explicit = bodyBlocks.some((b) => hasExplicitMarkers(b.raw, noteNumbers)) || footnotes.some((f) => f.number > 0 && /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(source.body));
  const scans = explicit
    ? bodyBlocks.map((b) => stripExplicitMarkers(b.raw, noteNumbers))
    : stripPlainMarkers(
        bodyBlocks.map((b) => b.raw),
        footnotes.length ? Math.min(...footnotes.map((f) => f.number)) : 1,
      );

  // 5. sections and paragraphs with stable anchors
  const sections: Section[] = [{ index: 0, heading: null, anchor: 'top', line: merged[0]?.line ?? source.bodyStartLine }];
  const paragraphs: Paragraph[] = [];
  const usedAnchors = new Set<string>(['top']);
  let k = 0;
  for (const b of merged) {
    if (b.heading) {
      const base = `s-${slug(b.raw)}` || `s-${sections.length}`;
      let anchor = base;
      for (let n = 2; usedAnchors.has(anchor); n++) anchor = `${base}-${n}`;
      usedAnchors.add(anchor);
      sections.push({ index: sections.length, heading: b.raw, anchor, line: b.line });
      continue;
    }
    const scan = scans[k++];
    const { text, italic } = stripEmphasisKeepingOffsets(scan.text, scan.refs);
    paragraphs.push({
      anchor: `p${paragraphs.length + 1}`,
      ordinal: paragraphs.length + 1,
      sectionIndex: sections.length - 1,
      kind: b.kind,
      text: text.text,
      refs: text.refs,
      line: b.line,
      italic,
      page: pageAtLine(source, b.line),
      ...(b.pageBreaks?.length ? { pageBreaks: b.pageBreaks } : {}),
      blockQuote: b.quote,
    });
  }
  return { sections, paragraphs, footnotes };
}

/** Removes *…* markers and shifts the footnote offsets that follow them. */
function stripEmphasisKeepingOffsets(text: string, refs: { number: number; offset: number }[]) {
  const { italic } = stripEmphasis(text);
  let out = '';
  const shifted = refs.map((r) => ({ ...r }));
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === '*' && isEmphasisStar(text, i)) || (ch === '_' && isEmphasisUnderscore(text, i))) {
      for (let j = 0; j < refs.length; j++) if (refs[j].offset > i) shifted[j].offset--;
      continue;
    }
    out += ch;
  }
  const lead = out.length - out.trimStart().length;
  return {
    text: { text: out.trim(), refs: shifted.map((r) => ({ number: r.number, offset: Math.max(0, Math.min(out.trim().length, r.offset - lead)) })) },
    italic,
  };
}

/** A * that opens or closes emphasis (touching a word on one side), not a literal asterisk between spaces. */
function isEmphasisStar(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  return !(/\s/.test(before) && /\s/.test(after));
}

/** A _ that opens or closes emphasis: at a word's edge, not inside snake_case or between spaces. */
function isEmphasisUnderscore(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  const word = (c: string) => /[\p{L}\p{N}]/u.test(c);
  return word(before) !== word(after) && !(/\s/.test(before) && /\s/.test(after));
}

const HTML_TAGS_ONLY = /^\s*(?:<\/?[a-zA-Z][^>]*>\s*)+$/;

/** Markdown links and images keep only their words: "[the guide](url)" → "the guide", "![alt](src)" → "alt". */
function markdownInline(text: string): string {
  return text.replace(/!?\[((?:[^[\]]|\[[^\]]*\])*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1');
}

const MD_HEADING = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/;
const QUOTE_LINE = /^\s{0,3}>\s?(.*)$/;
const INDENTED = /^(?: {4,}|\t)(\S.*)$/;

/**
 * The body's lines with Markdown block-quote marks and heading hashes taken off: consecutive `>` lines
 * are one paragraph (an empty `>` line separates paragraphs), and an indented prose line is a block
 * quote when the document does not indent its ordinary paragraphs too.
 */
function readLines(source: SourceFile): Line[] {
  const lines = source.body.split(/\r?\n/).map((text, i) => ({ text: text.replace(/\s+$/, ''), line: source.bodyStartLine + i }));
  // Markdown wrapped at a fixed width is read paragraph by paragraph, as Markdown means it
  const raw = !source.format || source.format === 'markdown' ? joinSoftWraps(lines) : lines;
  const proseLines = raw.filter((l) => wordsOf(l.text).length >= 8 && !QUOTE_LINE.test(l.text));
  const indentedProse = proseLines.filter((l) => INDENTED.test(l.text) && !l.text.trim().includes('\t'));
  const indentMeansQuote = indentedProse.length > 0 && indentedProse.length * 3 < proseLines.length;
  const out: Line[] = [];
  let prevQuote = false;
  for (const l of raw) {
    const q = QUOTE_LINE.exec(l.text);
    if (q) {
      const inner = markdownInline(q[1].replace(/^\s*>\s?/, '').trim()); // a nested quote is still quoted text
      const last = out[out.length - 1];
      if (!inner) {
        prevQuote = false;
        continue;
      }
      if (prevQuote && last?.quote) last.text = `${last.text} ${inner}`;
      else out.push({ text: inner, line: l.line, quote: true, mdHeading: false });
      prevQuote = true;
      continue;
    }
    prevQuote = false;
    // layout tags of Markdown written for the web (<aside>, <p class=…>, <img …>) carry no text of their own
    if (HTML_TAGS_ONLY.test(l.text)) {
      out.push({ text: '', line: l.line, quote: false, mdHeading: false });
      continue;
    }
    const h = MD_HEADING.exec(l.text);
    if (h) {
      out.push({ text: h[1].replace(/[*_]+/g, ''), line: l.line, quote: false, mdHeading: true });
      continue;
    }
    l.text = markdownInline(l.text);
    const ind = INDENTED.exec(l.text);
    const indentedQuote =
      indentMeansQuote && !!ind && wordsOf(ind[1]).length >= 6 && !ind[1].includes('\t') && !LIST_ITEM.test(ind[1]) && !FOOTNOTE_LINE.test(ind[1]);
    out.push({ text: indentedQuote ? ind![1] : l.text, line: l.line, quote: indentedQuote, mdHeading: false });
  }
  return out;
}

export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
