// Public shapes that leave lib/: the JSON contract of DESIGN.md and what pages render.
export type QuoteKind = 'interview' | 'quote';
export type ChunkKind = QuoteKind | 'analysis';

export type AttributionMethod = 'note' | 'lead-in' | 'dialogue' | 'inline' | 'override';
export interface Attribution {
  method: AttributionMethod;
  evidence: string; // the words that show it: the note text, "As Kiba explains:", "Jimbo:", "said Jane Doe"
}
/** What the quote's own note says its date is. */
export type DateLabel = 'transcribed' | 'interviewed' | 'spoken' | 'published' | 'dated';

export interface SpeakerRef {
  id: string;
  name: string;
  affiliation: string | null;
}

export interface DocumentRef {
  id: string;
  title: string;
  authors: string[];
  date: string | null; // "2025-04", "2025-04-07" or null
}

export interface DocumentInfo extends DocumentRef {
  publisher: string | null;
  place: string | null;
  url: string | null;
  kind: string; // report | article | web-article | ...
}

export interface FootnoteRef {
  number: number;
  text: string | null; // null where the document carries the marker but not the note
}

export interface Citation {
  chicago: string;
  apa: string;
  mla: string;
}

/** A quote or chunk as export and search return it (DESIGN.md JSON contract). */
export interface QuoteRecord {
  id: string;
  kind: ChunkKind;
  text: string;
  speaker: SpeakerRef | null;
  interviewDate: string | null; // ISO yyyy-mm-dd
  document: DocumentRef;
  section: string | null;
  dateLabel: DateLabel | null; // what the quote's own note calls its date
  footnote: FootnoteRef | null;
  attribution: Attribution | null; // null exactly when speaker is null
  href: string; // /documents/<id>#<paragraph-anchor>
  citation: Citation;
  page: number | null; // the page it starts on, for paginated sources (PDF)
}

export interface AlsoIn {
  documentId: string;
  title: string;
  href: string;
}

export interface RelatedTerm {
  word: string;
  queryTerm: string;
}

/** Why a result cleared the relevance floor, as its label says it: every content word (in the quote, or with the author's lead-in), some, WordNet relatives, or meaning alone. */
export type MatchKind = 'all-words' | 'lead-in' | 'some-words' | 'related-words' | 'meaning';

/** Why a search has no (or only some) results: no letters, only common words, an unreadable script, nothing above the floor. */
export type SearchNotice = 'no-words' | 'common-words-only' | 'unreadable-language' | 'no-match';

export interface SearchResult extends QuoteRecord {
  score: number; // 0..1, higher is better
  /** Absent where a result answers a theme rather than a search (compare). */
  match?: MatchKind;
  matchedTerms: string[];
  bestSentence: string | null;
  /** Query words that only the author's paragraph framing the quote (its lead-in) has, when that is how it was found. */
  contextTerms: string[];
  /** Words of the quote that stand for a query word through WordNet ("sanction" for "penalties"), as written. */
  relatedTerms: RelatedTerm[];
  alsoIn: AlsoIn[];
}

export interface SearchResponse {
  query: string;
  embedder: string;
  tookMs: number;
  results: SearchResult[];
  /** Speakers the query names ("what does Koga say…"), whose quotes rank first; empty when none or when speakers are filtered. */
  namedSpeakers: SpeakerRef[];
  /** The query with misspelt words corrected from the corpus ("sanctons" → "sanctions"); null when every word is known. */
  suggestion: string | null;
  /** How many results clear the relevance floor (results holds at most `limit` of them, from `offset`). */
  total: number;
  /** The limit applied (requests above the cap get the cap). */
  limit: number;
  notice: SearchNotice | null;
}

export interface SpeakerInfo extends SpeakerRef {
  role: string | null;
  anonymous: boolean;
  aliases: string[];
  interviewDates: string[];
  documents: DocumentRef[];
  quoteCount: number;
}

export interface ReaderQuote {
  id: string;
  kind: QuoteKind;
  text: string;
  speaker: SpeakerRef | null;
  anchors: string[];
  interviewDate: string | null;
  footnoteNumber: number | null;
  attribution: Attribution | null; // null exactly when speaker is null
  dateLabel: DateLabel | null;
  leadIn: string | null;
}

export interface ReaderParagraph {
  anchor: string;
  kind: 'text' | 'list' | 'meta' | 'toc' | 'byline';
  text: string;
  footnoteRefs: { number: number; offset: number }[];
  quoteIds: string[]; // quotes that include this paragraph
  page?: number | null; // the page it starts on, for paginated sources (PDF)
}

export interface ReaderSection {
  heading: string | null;
  anchor: string;
  paragraphs: ReaderParagraph[];
}

export interface ReaderDocument {
  document: DocumentInfo;
  sections: ReaderSection[];
  footnotes: { number: number; text: string }[];
  quotes: ReaderQuote[];
}

export interface IndexSummary {
  embedder: string;
  dimension: number;
  builtAt: string;
  corpusHash: string;
  documents: number;
  speakers: number;
  quotes: number;
  chunks: number;
}
