// What a citation may say about a quote: only what the source states. Filled by the caller from
// the quote record; every field that the text does not state is null, and then nothing is said.
import type { DocumentInfo, QuoteRecord } from '../types';

/** What the quote's own note says its date is (same union as lib/types DateLabel in SHAPES.md). */
export type CiteDateLabel = 'transcribed' | 'interviewed' | 'spoken' | 'published' | 'dated';

export interface CitableSpeaker {
  name: string;
  /** The role the text gives this speaker in this document ("then Prime Minister", "President"). */
  role: string | null;
  affiliation: string | null;
  /** Described rather than named ("MFA official"). */
  anonymous?: boolean;
}

export interface CitableQuote {
  kind: 'interview' | 'quote' | 'analysis';
  /** The verbatim quote (used by BibTeX/RIS notes; the prose styles cite, they do not repeat it). */
  text: string;
  /** Null: nobody is named as the speaker, and no citation names one. */
  speaker: CitableSpeaker | null;
  /** The quote's OWN note only (never one borrowed from another quote of the same speaker). */
  footnote: { number: number; text: string | null } | null;
  /** ISO date from the quote's own note. Printed only with a dateLabel that says what it is. */
  interviewDate: string | null;
  dateLabel: CiteDateLabel | null;
  /** Named only where the text names who interviewed. */
  interviewer: string | null;
  /** Page of the source the quote stands on (paginated sources only). */
  page: number | null;
  document: DocumentInfo;
}

export type StyleId = 'chicago' | 'apa' | 'mla';

/** One style's citation: what goes in the text (Chicago: the full note) and the list entry of the work consulted. */
export interface StyledCitation {
  /** Chicago: the full note; APA 7 and MLA 9: the parenthetical citation. */
  inText: string;
  /** Chicago bibliography, APA reference list or MLA works-cited entry of the document. */
  entry: string;
  /** MLA: who to name in the sentence before the quote ("qtd. in" names only the work consulted). */
  signal: string | null;
}

export type StyledCitations = Record<StyleId, StyledCitation>;

/**
 * A QuoteRecord (with the full document) as citation input. `dateLabel`, `page` and the speaker's
 * `role` are read when the record carries them; without a label the date is not cited.
 */
export function citableFromRecord(
  record: QuoteRecord & { dateLabel?: CiteDateLabel | null; page?: number | null; speaker: (QuoteRecord['speaker'] & { role?: string | null }) | null },
  document: DocumentInfo,
): CitableQuote {
  return {
    kind: record.kind,
    text: record.text,
    speaker: record.speaker ? { name: record.speaker.name, role: record.speaker.role ?? null, affiliation: record.speaker.affiliation } : null,
    footnote: record.footnote ? { number: record.footnote.number, text: record.footnote.text } : null,
    interviewDate: record.interviewDate,
    dateLabel: record.dateLabel ?? null,
    interviewer: null,
    page: record.page ?? null,
    document,
  };
}
