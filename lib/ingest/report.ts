// What ingest found in one document, for the person who added it: how many quotes, how each was attributed, who
// speaks, which quotes name nobody, which interview notes back no quote, what corrections did, and the warnings.
import path from 'node:path';
import type { CorrectionOutcome } from '../corpus/corrections';
import type { ParsedDocument, SpeakerMention } from '../corpus/types';
import type { AttributionMethod } from '../types';

export interface DocumentIngestReport {
  documentId: string;
  title: string;
  file: string; // path as given
  format: string; // 'markdown' | 'text' | 'pdf' | 'docx' | 'html'
  quotes: number; // all quotes found, attributed or not
  byMethod: Record<AttributionMethod, number>;
  bySpeaker: { speakerId: string; name: string; count: number }[];
  unattributed: { anchor: string; text: string; leadIn: string | null }[];
  interviewNotesWithoutQuote: { number: number; text: string }[];
  corrections: { applied: number; unmatched: { quoteStart: string; reason: string }[] };
  warnings: { line: number | null; message: string }[];
}

const FORMATS: Record<string, string> = { md: 'markdown', markdown: 'markdown', txt: 'text', pdf: 'pdf', docx: 'docx', html: 'html', htm: 'html' };

/** The reader format a file goes through, by its extension. */
export function formatOf(file: string): string {
  const ext = path.extname(file).slice(1).toLowerCase();
  return FORMATS[ext] ?? (ext || 'text');
}

/** Builds the report of one parsed (and corrected) document; `corrections` is what corrections.yaml did to it. */
export function buildDocumentReport(
  doc: ParsedDocument,
  speakerIdOf: (m: SpeakerMention) => string,
  format: string,
  corrections: CorrectionOutcome = { applied: 0, unmatched: [] },
): DocumentIngestReport {
  const byMethod: Record<AttributionMethod, number> = { note: 0, 'lead-in': 0, dialogue: 0, inline: 0, override: 0 };
  const bySpeaker = new Map<string, { speakerId: string; name: string; count: number }>();
  const unattributed: DocumentIngestReport['unattributed'] = [];
  for (const q of doc.quotes) {
    if (!q.speaker || !q.attribution) {
      unattributed.push({ anchor: q.anchors[0], text: q.text, leadIn: q.leadIn });
      continue;
    }
    byMethod[q.attribution.method] += 1;
    const id = speakerIdOf(q.speaker);
    const entry = bySpeaker.get(id) ?? { speakerId: id, name: q.speaker.name, count: 0 };
    entry.count += 1;
    bySpeaker.set(id, entry);
  }
  const quotedNotes = new Set(doc.quotes.map((q) => q.footnoteNumber).filter((n): n is number => n !== null));
  const noteText = new Map(doc.footnotes.map((f) => [f.number, f.text]));
  return {
    documentId: doc.source.id,
    title: doc.source.meta.title,
    file: doc.source.path,
    format,
    quotes: doc.quotes.length,
    byMethod,
    bySpeaker: [...bySpeaker.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    unattributed,
    interviewNotesWithoutQuote: doc.interviews.filter((i) => !quotedNotes.has(i.number)).map((i) => ({ number: i.number, text: noteText.get(i.number) ?? '' })),
    corrections: { applied: corrections.applied, unmatched: corrections.unmatched.map((u) => ({ quoteStart: u.quoteStart, reason: u.reason })) },
    warnings: doc.warnings.map((w) => ({ line: w.line, message: w.message })),
  };
}

const METHOD_WORDS: [AttributionMethod, string][] = [
  ['note', 'by note'],
  ['lead-in', 'by lead-in'],
  ['dialogue', 'by dialogue label'],
  ['inline', 'by sentence'],
  ['override', 'corrected'],
];

/** A few lines per document for the terminal. */
export function formatDocumentReport(r: DocumentIngestReport): string[] {
  const out: string[] = [];
  const methods = METHOD_WORDS.filter(([m]) => r.byMethod[m] > 0).map(([m, w]) => `${r.byMethod[m]} ${w}`);
  out.push(
    `${r.documentId} (${r.format}): ${r.quotes} quotes${methods.length ? ` — ${methods.join(', ')}` : ''}${r.unattributed.length ? `, ${r.unattributed.length} unattributed` : ''}`,
  );
  if (r.bySpeaker.length) out.push(`  speakers: ${r.bySpeaker.map((s) => `${s.name} ${s.count}`).join(', ')}`);
  for (const u of r.unattributed.slice(0, 5)) out.push(`  unattributed ${u.anchor}: “${clip(u.text, 70)}”${u.leadIn ? ` after ${clip(u.leadIn, 60)}` : ''}`);
  if (r.unattributed.length > 5) out.push(`  … and ${r.unattributed.length - 5} more unattributed (--report-json FILE lists them all)`);
  for (const n of r.interviewNotesWithoutQuote) out.push(`  interview note ${n.number} backs no quote: ${clip(n.text, 80)}`);
  if (r.corrections.applied || r.corrections.unmatched.length)
    out.push(`  corrections: ${r.corrections.applied} applied, ${r.corrections.unmatched.length} no longer match`);
  for (const u of r.corrections.unmatched) out.push(`  correction "${clip(u.quoteStart, 50)}" no longer matches: ${u.reason}`);
  for (const w of r.warnings) out.push(`  warning${w.line !== null ? ` line ${w.line}` : ''}: ${w.message}`);
  return out;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}
