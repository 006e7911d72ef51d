import type { Attribution, DateLabel, DocumentInfo, QuoteKind } from '../types';
import type { PageNumbering, PageStart } from './readers/types';

export type { Attribution, AttributionMethod, DateLabel } from '../types';

/** A corpus file read from disk, before parsing. */
export interface SourceFile {
  path: string; // as given, for error messages
  id: string; // document id: the file name without extension
  meta: DocumentInfo;
  body: string;
  bodyStartLine: number; // 1-based file line of the body's first line
  format?: string; // 'markdown' | 'text' | 'pdf' | 'docx' | 'html'
  pages?: PageStart[] | null; // paginated sources: the page each body line stands on (lines counted in the body)
  pageNumbering?: PageNumbering | null;
  pageBreaks?: { line: number; letters: number; page: number | null }[]; // pages that begin inside the paragraph on a body line
}

export type ParagraphKind = 'text' | 'list' | 'meta' | 'toc' | 'byline';

export interface FootnoteRefPos {
  number: number;
  offset: number; // character offset in the cleaned paragraph text where the marker stood
}

export interface Paragraph {
  anchor: string; // "p12": stable for the same text
  ordinal: number;
  sectionIndex: number;
  kind: ParagraphKind;
  text: string; // footnote markers and *emphasis* asterisks removed
  refs: FootnoteRefPos[];
  line: number; // file line where it starts
  italic: boolean; // the whole paragraph was wrapped in *…*
  page: number | null; // the page it starts on, for paginated sources
  pageBreaks?: { letters: number; page: number | null }[]; // pages that begin inside it, after so many letters
  blockQuote: boolean; // the paragraph was set off as a quotation: Markdown `>` lines or an indented block
}

export interface Section {
  index: number;
  heading: string | null;
  anchor: string;
  line: number;
}

export interface Footnote {
  number: number;
  text: string;
  line: number;
}

/** Who a quote is by, as the text of one document names them. */
export interface SpeakerMention {
  key: string; // document-scoped identity: "person:ken jimbo" or "anon:official|mfa"
  name: string; // display form ("Ken Jimbo", "MFA official")
  anonymous: boolean;
  role: string | null;
  affiliation: string | null;
}

export interface InterviewFootnote {
  number: number;
  text: string; // the note as written
  speaker: SpeakerMention;
  written: string; // the name as this note spells it ("Tusyoshi Goroku")
  date: string | null; // ISO
  dateLabel: DateLabel | null;
  byAuthor: boolean; // the note says the author held the interview ("interview by the author", "told the author")
}

export interface ParsedQuote {
  kind: QuoteKind; // 'interview' | 'quote'
  text: string;
  anchors: string[]; // paragraphs it spans
  sectionIndex: number;
  speaker: SpeakerMention | null; // null: the quote is kept, searchable, shown as unattributed
  attribution: Attribution | null; // null exactly when speaker is null
  footnoteNumber: number | null; // the quote's OWN note only (never borrowed from another quote)
  inNote?: number; // the quote stands in the text of this note (anchors then hold the note's anchor, "note-N", not a paragraph's)
  interviewDate: string | null; // ISO; only from the quote's own note, never from the speaker's other quotes
  dateLabel: DateLabel | null; // what that note calls the date ("Transcribed on" -> 'transcribed')
  leadIn: string | null; // the sentence that introduces the quote, if any (shown for unattributed quotes)
  line: number;
  page?: number | null; // the page its first paragraph starts on (set by parseDocument from the paragraphs)
}

export interface ParseWarning {
  line: number;
  message: string;
}

export interface ParsedDocument {
  source: SourceFile;
  sections: Section[];
  paragraphs: Paragraph[];
  footnotes: Footnote[];
  interviews: InterviewFootnote[];
  quotes: ParsedQuote[];
  warnings: ParseWarning[];
}
