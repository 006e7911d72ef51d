import type { FootnoteRefPos } from './types';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
/** A footnote definition line: superscript number at the start, then the note. */
export const FOOTNOTE_LINE = /^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/;

export function superscriptToNumber(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + SUPERSCRIPT_DIGITS.indexOf(ch);
  return n;
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
export function stripPlainMarkers(paragraphs: string[]): MarkerScan[] {
  let lastAccepted = 0;
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
      if (!(n > lastAccepted && n <= lastAccepted + 3)) continue;
      lastAccepted = n;
      out += raw.slice(last, start);
      refs.push({ number: n, offset: out.length });
      last = start + m[0].length;
    }
    out += raw.slice(last);
    return { text: out, refs };
  });
}
