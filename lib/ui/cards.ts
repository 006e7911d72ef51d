// What a quote card shows, computed on the server so the card itself only renders (and the client stays small).
import { formatQuoteWithCitation } from '../cite';
import type { IndexReader } from '../db/index-reader';
import type { AlsoIn, AttributionMethod, Citation, ChunkKind, DateLabel, DocumentRef, FootnoteRef, QuoteRecord, RelatedTerm, SpeakerRef } from '../types';
import { attributionPhrase } from './attribution';
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
  /** How the speaker was found, in words ("Attributed by note 132: …"); null for the author's analysis. */
  evidence: string | null;
  attributionMethod: AttributionMethod | null;
  /** A quote the document gives no speaker for. */
  unattributed: boolean;
  dateLabel: DateLabel | null;
  /** Relevance 0..1 where the card answers a query. */
  score: number | null;
  alsoIn: AlsoIn[];
  /** Query words found only in the author's lead-in to the quote. */
  contextTerms: string[];
  savedAt: string | null;
}

type CardInput = QuoteRecord & {
  score?: number;
  matchedTerms?: string[];
  bestSentence?: string | null;
  alsoIn?: AlsoIn[];
  contextTerms?: string[];
  relatedTerms?: RelatedTerm[];
  savedAt?: string;
};

export function attributionLine(q: Pick<QuoteRecord, 'speaker' | 'kind' | 'interviewDate' | 'document'>): string {
  const who = q.speaker
    ? `${q.speaker.name}${q.speaker.affiliation ? ` (${q.speaker.affiliation})` : ''}`
    : q.kind === 'analysis'
      ? q.document.authors.join(', ') || q.document.title
      : 'Unattributed';
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
    evidence: q.kind === 'analysis' ? null : attributionPhrase(q.attribution, q.footnote?.number ?? null),
    attributionMethod: q.attribution?.method ?? null,
    unattributed: q.kind !== 'analysis' && !q.speaker,
    dateLabel: q.dateLabel,
    score: q.score ?? null,
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
