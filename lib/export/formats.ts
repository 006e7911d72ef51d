import { documentBibtex, documentRis } from '../cite';
import type { DocumentInfo, QuoteRecord } from '../types';

export type ExportFormat = 'json' | 'csv' | 'md' | 'bibtex' | 'ris';
export type CitationStyle = 'chicago' | 'apa' | 'mla';

export const CSV_COLUMNS = [
  'id',
  'kind',
  'speaker_id',
  'speaker_name',
  'speaker_affiliation',
  'interview_date',
  'text',
  'document_id',
  'document_title',
  'document_authors',
  'document_date',
  'section',
  'footnote_number',
  'footnote_text',
  'href',
  'chicago',
  'apa',
  'mla',
  'attribution_method',
  'attribution_evidence',
  'date_label',
  'page',
] as const;

function csvCell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  // a leading =, +, - or @ would run as a formula in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per quote with every attribution field (RFC 4180, UTF-8). */
export function quotesToCsv(quotes: QuoteRecord[]): string {
  const rows = quotes.map((q) =>
    [
      q.id,
      q.kind,
      q.speaker?.id,
      q.speaker?.name,
      q.speaker?.affiliation,
      q.interviewDate,
      q.text,
      q.document.id,
      q.document.title,
      q.document.authors.join('; '),
      q.document.date,
      q.section,
      q.footnote?.number,
      q.footnote?.text,
      q.href,
      q.citation.chicago,
      q.citation.apa,
      q.citation.mla,
      q.attribution?.method,
      q.attribution?.evidence,
      q.dateLabel,
      q.page,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Markdown: each quote as a block quote with its speaker and its citation in the chosen style. */
export function quotesToMarkdown(quotes: QuoteRecord[], style: CitationStyle = 'chicago', baseUrl = ''): string {
  const parts = quotes.map((q) => {
    const who = q.speaker
      ? `**${q.speaker.name}**${q.speaker.affiliation ? ` (${q.speaker.affiliation})` : ''}`
      : q.kind === 'analysis'
        ? '**Analysis**'
        : '**Unattributed**';
    const when = q.interviewDate ? `, interviewed ${q.interviewDate}` : '';
    const body = q.text
      .split(/\n\n+/)
      .map((p) => `> ${p}`)
      .join('\n>\n');
    return `${who}${when}\n\n${body}\n\n${q.citation[style]}${baseUrl ? ` [Context](${baseUrl}${q.href})` : ''}\n`;
  });
  return parts.join('\n---\n\n');
}

/** BibTeX or RIS for the source documents of the quotes, each document once. */
export function documentsExport(documents: DocumentInfo[], format: 'bibtex' | 'ris'): string {
  const seen = new Set<string>();
  const unique = documents.filter((d) => !seen.has(d.id) && seen.add(d.id));
  return `${unique.map((d) => (format === 'bibtex' ? documentBibtex(d) : documentRis(d)).trim()).join('\n\n')}\n`;
}
