import type { FootnoteRefPos } from './types';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
/** A footnote definition line: superscript number at the start, then the note. */
export const FOOTNOTE_LINE = /^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/;
/** Other explicit note definitions: Markdown `[^12]: text`, bracketed `[12] text`, caret `^12 text`. */
const EXPLICIT_NOTE_LINE = /^\s*(?:\[\^?(\d{1,3})\]:?|\^(\d{1,3})[.:]?)\s+(\S.*)$/;

/** The number and text of a note definition line in any explicit style, or null. */
export function noteDefinition(line: string): { number: number; text: string } | null {
  const sup = FOOTNOTE_LINE.exec(line);
  if (sup) return { number: superscriptToNumber(sup[1]), text: sup[2].trim() };
  const m = EXPLICIT_NOTE_LINE.exec(line);
  if (m) return { number: Number(m[1] ?? m[2]), text: m[3].trim() };
  return null;
}

export function superscriptToNumber(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + SUPERSCRIPT_DIGITS.indexOf(ch);
  return n;
}

/**
 * Explicit marker styles: superscripts, Markdown `[^12]`, caret `^12`, bracketed `[12]` and a
 * parenthesised `(12)` glued after punctuation or a closing quote. Brackets and parentheses count only
 * for numbers the document has a note for, so "[2]" in a list or "(1990)" stays text.
 */
const EXPLICIT_MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^(\d{1,3})\]|\^(\d{1,3})(?!\d)|\[(\d{1,3})\]|(?<=[.,;:!?…”"’)]\*{0,2})\((\d{1,3})\)/g;

export function hasExplicitMarkers(text: string, noteNumbers: ReadonlySet<number>): boolean {
  for (const m of text.matchAll(EXPLICIT_MARKER)) {
    if (m[1] || m[2] || /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(m[0])) return true;
    const n = Number(m[3] ?? m[4]);
    if (noteNumbers.has(n)) return true;
  }
  return false;
}

/** Removes explicit markers of every style, recording where each stood. */
export function stripExplicitMarkers(raw: string, noteNumbers: ReadonlySet<number>): MarkerScan {
  const refs: FootnoteRefPos[] = [];
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(EXPLICIT_MARKER)) {
    let n: number;
    if (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(m[0])) n = superscriptToNumber(m[0]);
    else if (m[1] || m[2]) n = Number(m[1] ?? m[2]);
    else {
      n = Number(m[3] ?? m[4]);
      if (!noteNumbers.has(n)) continue;
    }
    // the space before a spaced bracket marker ("crisis [12]") goes with it
    const start =
      m[3] && /\s$/.test(raw.slice(last, m.index)) && /[\p{L}\p{N}.,;:!?”"’)]\s$/u.test(raw.slice(Math.max(0, m.index! - 2), m.index))
        ? m.index! - 1
        : m.index!;
    out += raw.slice(last, start);
    refs.push({ number: n, offset: out.length });
    last = m.index! + m[0].length;
  }
  out += raw.slice(last);
  return { text: out, refs };
}

export function hasSuperscriptMarkers(text: string): boolean {
  return /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(text);
}

/** A plain-digit marker candidate: digits glued after punctuation or a closing quote ("basis.”1", "crossings.)18"), or after a closing quote and one space ("alliance.” 24 A"). */
const PLAIN_MARKER = /(?<=[\p{L}\p{M}\p{N}%)\]”"’*][.,;:!?…]{0,2}[”"’)\]*]?)(\s?)(\d{1,3})(?=[\s.,;:)]|$)/gu;

export interface MarkerScan {
  text: string;
  refs: FootnoteRefPos[];
}

/**
 * Removes superscript footnote markers from a paragraph and records where each stood.
 * Superscripts are unambiguous, so every run is a marker.
 */
export function stripSuperscriptMarkers(raw: string): MarkerScan {
  const refs: FootnoteRefPos[] = [];
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(SUPERSCRIPT_RUN)) {
    out += raw.slice(last, m.index);
    refs.push({ number: superscriptToNumber(m[0]), offset: out.length });
    last = m.index! + m[0].length;
  }
  out += raw.slice(last);
  return { text: out, refs };
}

/**
 * Finds plain-digit markers across a document's paragraphs in reading order. Numbers must rise
 * (each within 3 of the last accepted one), which separates notes from years, counts and model names.
 */
export function stripPlainMarkers(paragraphs: string[], firstNote = 1): MarkerScan[] {
  // an excerpt whose notes start at 252 counts up from there, not from 1
  let lastAccepted = Math.max(0, firstNote - 1);
  return paragraphs.map((raw) => {
    const refs: FootnoteRefPos[] = [];
    let out = '';
    let last = 0;
    for (const m of raw.matchAll(PLAIN_MARKER)) {
      const n = Number(m[2]);
      const start = m.index!;
      const before = raw.slice(Math.max(0, start - 3), start);
      // the character cluster before the digits must contain punctuation or a closing quote, never a bare letter ("G7", "F35")
      if (!/[.,;:!?…”"’)\]*]$/.test(before)) continue;
      // after a number ("2013.14 It") only the very next note number counts, and only before a new sentence
      if (/\d[.,;:]$/.test(before) && !(n === lastAccepted + 1 && /^(\s+[A-Z“"]|\s*$)/.test(raw.slice(start + m[0].length)))) continue;
      const spaced = m[1] === ' ';
      if (spaced && !(/[”"]$/.test(before) && /^\s+[A-Z]/.test(raw.slice(start + m[0].length)))) continue;
      // one note may back two quotations in a row ("…,” she said.3 … “…”3"): the same number again, right after a closing quote
      const repeated = n === lastAccepted && n > 0 && /[”"’]$/.test(before);
      if (!repeated && !(n > lastAccepted && n <= lastAccepted + 3)) continue;
      lastAccepted = n;
      out += raw.slice(last, start);
      refs.push({ number: n, offset: out.length });
      last = start + m[0].length;
    }
    out += raw.slice(last);
    return { text: out, refs };
  });
}
