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
  footnote: FootnoteRef | null;
  href: string; // /documents/<id>#<paragraph-anchor>
  citation: Citation;
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

export interface SearchResult extends QuoteRecord {
  score: number; // 0..1, higher is better
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
}

export interface ReaderParagraph {
  anchor: string;
  kind: 'text' | 'list' | 'meta' | 'toc' | 'byline';
  text: string;
  footnoteRefs: { number: number; offset: number }[];
  quoteIds: string[]; // quotes that include this paragraph
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
