// Minimal per-document ingest report (the "records" helper owns the full version of this file; the
// shapes below are the agreed ones, filled from what ParsedDocument carries on this branch).
import type { ParsedDocument, SpeakerMention } from '../corpus/types';

export type ReportAttributionMethod = 'note' | 'lead-in' | 'dialogue' | 'inline' | 'override';

export interface DocumentIngestReport {
  documentId: string;
  title: string;
  file: string; // path as given
  format: string; // 'markdown' | 'text' | 'pdf' | 'docx' | 'html'
  quotes: number; // all quotes found, attributed or not
  byMethod: Record<ReportAttributionMethod, number>;
  bySpeaker: { speakerId: string; name: string; count: number }[];
  unattributed: { anchor: string; text: string; leadIn: string | null }[];
  interviewNotesWithoutQuote: { number: number; text: string }[];
  corrections: { applied: number; unmatched: { quoteStart: string; reason: string }[] };
  warnings: { line: number | null; message: string }[];
}

const METHOD_NAMES: Record<string, ReportAttributionMethod> = { footnote: 'note', 'lead-in': 'lead-in', dialogue: 'dialogue', inline: 'inline' };

/** What ingest found in one document: quotes per speaker and per kind of evidence, notes left over, warnings. */
export function buildDocumentReport(doc: ParsedDocument, speakerIdOf: (m: SpeakerMention) => string, format: string): DocumentIngestReport {
  const byMethod: Record<ReportAttributionMethod, number> = { note: 0, 'lead-in': 0, dialogue: 0, inline: 0, override: 0 };
  const bySpeaker = new Map<string, { speakerId: string; name: string; count: number }>();
  for (const q of doc.quotes) {
    byMethod[METHOD_NAMES[q.method] ?? 'inline'] += 1;
    const id = speakerIdOf(q.speaker);
    const entry = bySpeaker.get(id) ?? { speakerId: id, name: q.speaker.name, count: 0 };
    entry.count += 1;
    bySpeaker.set(id, entry);
  }
  const quoted = new Set(doc.quotes.map((q) => q.footnoteNumber).filter((n): n is number => n !== null));
  const noteText = new Map(doc.footnotes.map((f) => [f.number, f.text]));
  return {
    documentId: doc.source.id,
    title: doc.source.meta.title,
    file: doc.source.path,
    format,
    quotes: doc.quotes.length,
    byMethod,
    bySpeaker: [...bySpeaker.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    unattributed: [],
    interviewNotesWithoutQuote: doc.interviews.filter((i) => !quoted.has(i.number)).map((i) => ({ number: i.number, text: noteText.get(i.number) ?? '' })),
    corrections: { applied: 0, unmatched: [] },
    warnings: doc.warnings.map((w) => ({ line: w.line, message: w.message })),
  };
}
