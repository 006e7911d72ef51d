// What a quote card shows, computed on the server so the card itself only renders (and the client stays small).
import { formatQuoteWithCitation } from '../cite';
import type { IndexReader } from '../db/index-reader';
import type { AlsoIn, Citation, ChunkKind, DocumentRef, FootnoteRef, MatchKind, QuoteRecord, RelatedTerm, SpeakerRef } from '../types';
import { formatDate } from './format';
import { quoteContextHref } from './page-params';
import { highlightRuns, type HighlightRun } from './quote-segments';

export interface QuoteCardData {
  id: string;
  kind: ChunkKind;
  runs: HighlightRun[];
  speaker: SpeakerRef | null;
  interviewDate: string | null;
  document: DocumentRef;
  section: string | null;
  footnote: FootnoteRef | null;
  contextHref: string;
  citation: Citation;
  /** The quote in typographic quotation marks, as the clipboard gets it. */
  quoted: string;
  /** Who said it and when, one line, for clipboard formats without a prose citation (BibTeX, RIS). */
  attribution: string;
  /** Relevance 0..1 where the card answers a query. */
  score: number | null;
  /** How a search result matched the query (its label); null for theme quotes and lists. */
  match: MatchKind | null;
  alsoIn: AlsoIn[];
  /** Query words found only in the author's lead-in to the quote. */
  contextTerms: string[];
  savedAt: string | null;
}

type CardInput = QuoteRecord & {
  score?: number;
  match?: MatchKind;
  matchedTerms?: string[];
  bestSentence?: string | null;
  alsoIn?: AlsoIn[];
  contextTerms?: string[];
  relatedTerms?: RelatedTerm[];
  savedAt?: string;
};

export function attributionLine(q: Pick<QuoteRecord, 'speaker' | 'kind' | 'interviewDate' | 'document'>): string {
  const who = q.speaker ? `${q.speaker.name}${q.speaker.affiliation ? ` (${q.speaker.affiliation})` : ''}` : q.document.authors.join(', ') || q.document.title;
  const what =
    q.kind === 'interview'
      ? `interview${q.interviewDate ? `, ${formatDate(q.interviewDate)}` : ''}`
      : q.kind === 'quote'
        ? `quoted in ${q.document.title}`
        : q.document.title;
  return `${who}, ${what}`;
}

export function toCard(q: CardInput): QuoteCardData {
  return {
    id: q.id,
    kind: q.kind,
    runs: highlightRuns(q.text, q.matchedTerms ?? [], q.bestSentence ?? null, q.relatedTerms ?? []),
    speaker: q.speaker,
    interviewDate: q.interviewDate,
    document: q.document,
    section: q.section,
    footnote: q.footnote,
    contextHref: quoteContextHref(q.document.id, q.id),
    citation: q.citation,
    quoted: formatQuoteWithCitation(q.text, ''),
    attribution: attributionLine(q),
    score: q.score ?? null,
    match: q.match ?? null,
    alsoIn: q.alsoIn ?? [],
    contextTerms: q.contextTerms ?? [],
    savedAt: q.savedAt ?? null,
  };
}

export type CitationSources = Record<string, { bibtex: string; ris: string }>;

/** BibTeX and RIS of the documents on a page, once each, for "copy with citation" in those formats. */
export function citationSources(reader: IndexReader, documentIds: Iterable<string>): CitationSources {
  const out: CitationSources = {};
  for (const id of new Set(documentIds)) {
    // built at ingest, so pages need no citation engine
    const c = reader.documentCitations(id);
    if (c) out[id] = { bibtex: c.bibtex.trim(), ris: c.ris.trim() };
  }
  return out;
}
