import type { IndexReader, StoredChunk } from './db/index-reader';
import type { QuoteRecord } from './types';

const cache = new WeakMap<IndexReader, Map<string, QuoteRecord>>();

export function quoteHref(documentId: string, anchor: string): string {
  return `/documents/${encodeURIComponent(documentId)}#${anchor}`;
}

/** A stored chunk as the JSON contract shows it: attributed, located and cited. */
export function toQuoteRecord(reader: IndexReader, chunk: StoredChunk): QuoteRecord {
  let perReader = cache.get(reader);
  if (!perReader) {
    perReader = new Map();
    cache.set(reader, perReader);
  }
  const hit = perReader.get(chunk.id);
  if (hit) return hit;
  const document = reader.document(chunk.documentId)!;
  const speaker = chunk.speakerId ? reader.speaker(chunk.speakerId) : null;
  const record: QuoteRecord = {
    id: chunk.id,
    kind: chunk.kind,
    text: chunk.text,
    speaker: speaker ? { id: speaker.id, name: speaker.name, affiliation: speaker.affiliation } : null,
    interviewDate: chunk.interviewDate,
    document: { id: document.id, title: document.title, authors: document.authors, date: document.date },
    section: chunk.sectionHeading,
    dateLabel: chunk.dateLabel,
    footnote: chunk.footnoteNumber !== null ? { number: chunk.footnoteNumber, text: chunk.footnoteText } : null,
    // a quote whose speaker is missing from the index is shown unattributed, never with another's evidence
    attribution: speaker ? chunk.attribution : null,
    href: quoteHref(chunk.documentId, chunk.anchors[0]),
    citation: chunk.citation,
    page: chunk.page,
  };
  perReader.set(chunk.id, record);
  return record;
}
