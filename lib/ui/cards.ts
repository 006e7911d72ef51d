// What a quote card shows, computed on the server so the card itself only renders (and the client stays small).
// the pure parts of lib/cite only: pages need no citation engine (citations are built at ingest)
import type { CiteDateLabel } from '../cite/citable';
import type { CardCitation } from '../cite/clipboard';
import { quoteText } from '../cite/quote-records';
import { speakerForms } from '../cite/speaker';
import type { IndexReader } from '../db/index-reader';
import type { AlsoIn, AttributionMethod, Citation, ChunkKind, DocumentRef, FootnoteRef, MatchKind, QuoteRecord, RelatedTerm, SpeakerRef } from '../types';
import { attributionPhrase } from './attribution';
import { quoteContextHref } from './hrefs';
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
  /** How the speaker was found, in words ("Attributed by note 132: …"); null for the author's analysis. */
  evidence: string | null;
  attributionMethod: AttributionMethod | null;
  /** A quote the document gives no speaker for. */
  unattributed: boolean;
  /** What the date is, as the quote's own note says (null: the date is not labelled, so not shown as one). */
  dateLabel: CiteDateLabel | null;
  page: number | null;
  /** Everything "copy with citation" needs, in every style. */
  cite: CardCitation;
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
  dateLabel?: CiteDateLabel | null;
  page?: number | null;
  speaker: (SpeakerRef & { role?: string | null }) | null;
  score?: number;
  match?: MatchKind;
  matchedTerms?: string[];
  bestSentence?: string | null;
  alsoIn?: AlsoIn[];
  contextTerms?: string[];
  relatedTerms?: RelatedTerm[];
  savedAt?: string;
};

/** MLA names the original speaker in the sentence ("According to Saya Kiba, …"), since "qtd. in" names only the work read. */
function signalPhrase(q: CardInput): string | null {
  if (q.kind === 'analysis' || !q.speaker) return null;
  const forms = speakerForms({ name: q.speaker.name, affiliation: q.speaker.affiliation });
  if (!forms) return null;
  return forms.described ? forms.natural.replace(/^(A|An|The) /, (m) => m.toLowerCase()) : forms.natural;
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
    quoted: quoteText(q.text),
    evidence: q.kind === 'analysis' ? null : attributionPhrase(q.attribution, q.footnote?.number ?? null),
    attributionMethod: q.attribution?.method ?? null,
    unattributed: q.kind !== 'analysis' && !q.speaker,
    dateLabel: q.dateLabel ?? null,
    page: q.page ?? null,
    cite: {
      quoted: quoteText(q.text),
      citation: q.citation,
      signal: signalPhrase(q),
      documentId: q.document.id,
      quoteId: q.id,
      note: {
        kind: q.kind,
        speaker: q.speaker ? { name: q.speaker.name, role: q.speaker.role ?? null, affiliation: q.speaker.affiliation } : null,
        interviewDate: q.interviewDate,
        dateLabel: q.dateLabel ?? null,
        footnote: q.footnote ? { number: q.footnote.number, text: null } : null,
        page: q.page ?? null,
      },
    },
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
