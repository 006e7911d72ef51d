// What "copy with citation" puts on the clipboard, and the parts a card previews. Pure string work
// with no citation engine, so client components can import it (lib/cite/index pulls citation-js).
import type { StyleId } from './citable';
import { bibtexWithQuote, quoteNote, risWithQuote } from './quote-records';

/** A style's stored citation: the in-text form (Chicago: the note), a blank line, the list entry. */
export function joinCitation(inText: string, entry: string): string {
  return entry ? `${inText}\n\n${entry}` : inText;
}

export function splitCitation(citation: string): { inText: string; entry: string } {
  const at = citation.indexOf('\n\n');
  if (at < 0) return { inText: citation.trim(), entry: '' };
  return { inText: citation.slice(0, at).trim(), entry: citation.slice(at + 2).trim() };
}

/** What each style calls the list its entry goes in. */
export const ENTRY_LABELS: Record<StyleId, { inText: string; entry: string }> = {
  chicago: { inText: 'Note', entry: 'Bibliography' },
  apa: { inText: 'In text', entry: 'Reference list' },
  mla: { inText: 'In text', entry: 'Works cited' },
};

/**
 * The quote and its citation as a writer pastes them:
 * Chicago: the quote, then the full note and the bibliography entry, each on its own paragraph;
 * APA 7:   “…” (Kiba, as cited in van der Veere, 2025, p. 41). + the reference entry;
 * MLA 9:   According to Saya Kiba, “…” (qtd. in van der Veere 41). + the works-cited entry
 *          (MLA names the original speaker in the sentence, since "qtd. in" names only the work read).
 * A full stop closing the quote moves after the parenthesis, as both manuals place it.
 */
export function clipboardText(quoted: string, style: StyleId, citation: string, signal: string | null): string {
  const { inText, entry } = splitCitation(citation.replace(/[ \t]+/g, ' '));
  const tail = entry ? `\n\n${entry}` : '';
  if (style === 'chicago') return `${quoted}\n\n${inText}${tail}`;
  const m = /^([\s\S]*?)[.]([’”]+)$/.exec(quoted);
  const body = m ? `${m[1]}${m[2]}` : quoted;
  const stop = m || /[’”]$/.test(quoted) ? '.' : '';
  const lead = style === 'mla' && signal ? `According to ${signal}, ` : '';
  return `${lead}${body} ${inText}${stop}${tail}`;
}

export type ClipboardStyle = StyleId | 'bibtex' | 'ris';

/** What a quote card knows for "copy with citation", in every style. */
export interface CardCitation {
  /** The quote in typographic quotation marks. */
  quoted: string;
  /** Stored citations (in-text form, blank line, entry) per prose style. */
  citation: Record<StyleId, string>;
  /** MLA: the speaker to name in the sentence; null when nobody is named. */
  signal: string | null;
  documentId: string;
  /** The quote id (the key suffix of its BibTeX/RIS record). */
  quoteId: string;
  /** What the BibTeX/RIS note says besides the quote (see quoteNote). */
  note: Omit<Parameters<typeof quoteNote>[0], 'text'>;
}

export interface CopyParts {
  /** Labelled parts the card previews. */
  preview: { label: string; text: string }[];
  /** BibTeX and RIS preview as code. */
  code: boolean;
  /** Exactly what is copied. */
  text: string;
}

/** The preview and the clipboard text of a quote in one style; BibTeX and RIS need the document's record. */
export function copyParts(c: CardCitation, style: ClipboardStyle, records: { bibtex: string; ris: string } | undefined): CopyParts {
  if (style === 'bibtex' || style === 'ris') {
    const record = records?.[style];
    const note = quoteNote({ ...c.note, text: c.quoted });
    if (!record) return { preview: [{ label: 'Note', text: note }], code: false, text: `${c.quoted}\n\n${note}` };
    const out = style === 'bibtex' ? bibtexWithQuote(record, c.quoteId, note) : risWithQuote(record, c.quoteId, note);
    return { preview: [{ label: style === 'bibtex' ? 'BibTeX' : 'RIS', text: out.trim() }], code: true, text: out };
  }
  const { inText, entry } = splitCitation(c.citation[style]);
  const labels = ENTRY_LABELS[style];
  const shown = style === 'chicago' ? inText : clipboardText('“…”', style, inText, c.signal);
  return {
    preview: [{ label: labels.inText, text: shown }, ...(entry ? [{ label: labels.entry, text: entry }] : [])],
    code: false,
    text: clipboardText(c.quoted, style, c.citation[style], c.signal),
  };
}
