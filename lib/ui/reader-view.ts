// The document reader's view: sections laid out as runs (text, quotes, note markers), the table of contents,
// the notes, who is quoted, and the passage a deep link asks to highlight.
import type { IndexReader } from '../db/index-reader';
import { noteOfAnchor } from '../corpus/note-quotes';
import { toQuoteRecord } from '../records';
import type { Citation, DocumentInfo, ReaderParagraph, ReaderQuote, SpeakerRef } from '../types';
import { toCard, type QuoteCardData } from './cards';
import { paragraphRuns, type ReaderRun } from './reader-runs';

export interface ReaderParagraphView {
  anchor: string;
  kind: ReaderParagraph['kind'];
  runs: ReaderRun[];
  /** The highlighted passage covers this whole paragraph (analysis passages are highlighted by paragraph). */
  highlighted: boolean;
  /** The highlighted passage starts in this paragraph. */
  highlightStartsHere: boolean;
  /** The highlighted quote ends in this paragraph: its actions go after it. */
  highlightEndsHere: boolean;
  /** A new page of a paginated source starts with this paragraph: its number, shown as a marker. */
  pageStart: number | null;
}

export interface ReaderSectionView {
  heading: string | null;
  anchor: string;
  quoteCount: number;
  paragraphs: ReaderParagraphView[];
}

export interface ReaderHighlight {
  id: string;
  kind: 'quote' | 'passage';
  card: QuoteCardData;
}

export interface ReaderView {
  document: DocumentInfo;
  sections: ReaderSectionView[];
  notes: Map<number, string>;
  /** Quotes that stand inside a note (their anchor is the note's), by note number: the reader marks them in the notes. */
  noteQuotes: Map<number, ReaderQuote[]>;
  quotes: Map<string, ReaderQuote>;
  speakers: (SpeakerRef & { quotes: number })[];
  /** Quotes the document gives no speaker for, in reading order, with the words that introduce them. */
  unattributed: { id: string; text: string; leadIn: string | null; anchor: string }[];
  highlight: ReaderHighlight | null;
  /** Why a requested highlight could not be shown, or null. */
  highlightProblem: 'unknown' | null;
  citation: Citation & { bibtex: string; ris: string };
}

export type ReaderLookup = { found: false } | { found: true; view: ReaderView } | { found: true; redirectTo: string };

/**
 * Builds the reader for a document and an optional quote (or passage) id to highlight. An id that belongs to
 * another document redirects there; an id the index does not know is reported on the page.
 */
export function readerView(
  reader: IndexReader,
  documentId: string,
  highlightId: string | null,
  contextHref: (documentId: string, id: string) => string,
): ReaderLookup {
  const doc = reader.readerDocument(documentId);
  if (!doc) return { found: false };
  let highlight: ReaderHighlight | null = null;
  let highlightAnchors: string[] = [];
  let highlightProblem: ReaderView['highlightProblem'] = null;
  if (highlightId) {
    const chunk = reader.chunkById(highlightId);
    if (!chunk) highlightProblem = 'unknown';
    else if (chunk.documentId !== documentId) return { found: true, redirectTo: contextHref(chunk.documentId, chunk.id) };
    else {
      highlight = { id: chunk.id, kind: chunk.kind === 'analysis' ? 'passage' : 'quote', card: toCard(toQuoteRecord(reader, chunk)) };
      highlightAnchors = chunk.anchors;
    }
  }
  const quotes = new Map(doc.quotes.map((q) => [q.id, q]));
  const lastAnchor = highlightAnchors[highlightAnchors.length - 1];
  let lastPage: number | null = null;
  const pageStart = (page: number | null | undefined): number | null => {
    if (page == null || page === lastPage) return null;
    lastPage = page;
    return page;
  };
  const sections = doc.sections.map((s) => ({
    heading: s.heading,
    anchor: s.anchor,
    quoteCount: new Set(s.paragraphs.flatMap((p) => p.quoteIds)).size,
    paragraphs: s.paragraphs.map((p) => ({
      anchor: p.anchor,
      kind: p.kind,
      runs: paragraphRuns(p, quotes),
      highlighted: highlight?.kind === 'passage' && highlightAnchors.includes(p.anchor),
      highlightStartsHere: !!highlight && p.anchor === highlightAnchors[0],
      highlightEndsHere: !!highlight && p.anchor === lastAnchor,
      pageStart: pageStart(p.page),
    })),
  }));
  const bySpeaker = new Map<string, SpeakerRef & { quotes: number }>();
  for (const q of doc.quotes) {
    if (!q.speaker) continue;
    const s = bySpeaker.get(q.speaker.id) ?? { ...q.speaker, quotes: 0 };
    s.quotes += 1;
    bySpeaker.set(q.speaker.id, s);
  }
  const noteQuotes = new Map<number, ReaderQuote[]>();
  for (const q of doc.quotes) {
    const n = noteOfAnchor(q.anchors[0]);
    if (n !== null) noteQuotes.set(n, [...(noteQuotes.get(n) ?? []), q]);
  }
  const d = doc.document;
  return {
    found: true,
    view: {
      document: d,
      sections,
      notes: new Map(doc.footnotes.map((f) => [f.number, f.text])),
      noteQuotes,
      quotes,
      speakers: [...bySpeaker.values()].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name)),
      unattributed: doc.quotes.filter((q) => !q.speaker).map((q) => ({ id: q.id, text: q.text, leadIn: q.leadIn, anchor: q.anchors[0] })),
      highlight,
      highlightProblem,
      citation: readerCitation(reader, d.id),
    },
  };
}

/** The document's own citations, built at ingest. */
function readerCitation(reader: IndexReader, id: string): Citation & { bibtex: string; ris: string } {
  const c = reader.documentCitations(id);
  if (!c) throw new Error(`document ${id} has no citations in the index`);
  return { ...c, bibtex: c.bibtex.trim(), ris: c.ris.trim() };
}
