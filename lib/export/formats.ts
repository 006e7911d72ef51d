import { citableFromRecord, type CiteDateLabel, documentBibtex, documentRis, quoteBibtex, quoteRis, splitCitation } from '../cite';
import type { DocumentInfo, QuoteRecord } from '../types';
import { formatDate } from '../ui/format';
import { quoteContextHref } from '../ui/page-params';

export type ExportFormat = 'json' | 'csv' | 'md' | 'bibtex' | 'ris';
export type CitationStyle = 'chicago' | 'apa' | 'mla';

/** Where links in files point when no request says (the CLI): `--base-url`, else $PUBLIC_URL, else this. */
export const DEFAULT_BASE_URL = 'http://localhost:3000';

/** A record as exports read it: the fields other helpers add (date label, page, role) are used when present. */
export type ExportQuote = QuoteRecord & {
  dateLabel?: CiteDateLabel | null;
  page?: number | null;
  speaker: (QuoteRecord['speaker'] & { role?: string | null }) | null;
};

export const CSV_COLUMNS = [
  'id',
  'kind',
  'speaker_id',
  'speaker_name',
  'speaker_role',
  'speaker_affiliation',
  'date',
  'date_label',
  'text',
  'document_id',
  'document_title',
  'document_authors',
  'document_date',
  'section',
  'page',
  'footnote_number',
  'footnote_text',
  'link',
  'chicago',
  'apa',
  'mla',
  'attribution_method',
  'attribution_evidence',
] as const;

/** The absolute deep link that opens the document with the quote highlighted. */
export function quoteLink(q: Pick<QuoteRecord, 'id' | 'document'>, baseUrl: string): string {
  const base = new URL(baseUrl);
  return new URL(quoteContextHref(q.document.id, q.id), base).toString();
}

function csvCell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  // a leading =, +, - or @ would run as a formula in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per quote with every attribution field and an absolute link to the quote (RFC 4180, UTF-8). */
export function quotesToCsv(quotes: ExportQuote[], baseUrl: string): string {
  const rows = quotes.map((q) =>
    [
      q.id,
      q.kind,
      q.speaker?.id,
      q.speaker?.name,
      q.speaker?.role,
      q.speaker?.affiliation,
      // a date is exported only with what the note says it is
      q.dateLabel ? q.interviewDate : null,
      q.interviewDate ? q.dateLabel : null,
      q.text,
      q.document.id,
      q.document.title,
      q.document.authors.join('; '),
      q.document.date,
      q.section,
      q.page,
      q.footnote?.number,
      q.footnote?.text,
      quoteLink(q, baseUrl),
      q.citation.chicago,
      q.citation.apa,
      q.citation.mla,
      q.attribution?.method,
      q.attribution?.evidence,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

const KIND_WORDS = { interview: 'interview', quote: 'quoted statement', analysis: 'author’s analysis' } as const;
const LABEL_WORDS: Record<CiteDateLabel, string> = {
  transcribed: 'transcribed',
  interviewed: 'interviewed',
  spoken: 'spoken',
  published: 'published',
  dated: 'dated',
};

/** Who said it and what it is, stating only what the record states: "**Saya Kiba**, Kobe City University (interview, transcribed 3 December 2024)". */
export function speakerLine(q: ExportQuote): string {
  const who = q.speaker
    ? `**${q.speaker.name}**${[q.speaker.role, q.speaker.affiliation]
        .filter(Boolean)
        .map((p) => `, ${p}`)
        .join('')}`
    : '**Unattributed**';
  const what = [
    KIND_WORDS[q.kind],
    q.interviewDate && q.dateLabel ? `${LABEL_WORDS[q.dateLabel]} ${formatDate(q.interviewDate)}` : null,
    q.page ? `p. ${q.page}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return q.kind === 'analysis' ? `**${q.document.authors.join(', ') || 'The author'}** (${what})` : `${who} (${what})`;
}

/** Markdown: each quote as a block quote with its speaker, its citation in the chosen style and an absolute link to it. */
export function quotesToMarkdown(quotes: ExportQuote[], style: CitationStyle, baseUrl: string): string {
  const parts = quotes.map((q) => {
    const body = q.text
      .split(/\n\n+/)
      .map((p) => `> ${p}`)
      .join('\n>\n');
    const { inText, entry } = splitCitation(q.citation[style]);
    const cite = entry ? `${inText}\n\n${entry}` : inText;
    return `${speakerLine(q)}\n\n${body}\n\n${cite}\n\n[Open the quote in its document](${quoteLink(q, baseUrl)})\n`;
  });
  return parts.join('\n---\n\n');
}

/** BibTeX or RIS for the source documents, each document once. */
export function documentsExport(documents: DocumentInfo[], format: 'bibtex' | 'ris'): string {
  const seen = new Set<string>();
  const unique = documents.filter((d) => !seen.has(d.id) && seen.add(d.id));
  return `${unique.map((d) => (format === 'bibtex' ? documentBibtex(d) : documentRis(d)).trim()).join('\n\n')}\n`;
}

/** BibTeX or RIS with one record per quote: its document's record, its own key, the quote and speaker in the note. */
export function quotesExport(quotes: ExportQuote[], documentOf: (id: string) => DocumentInfo, format: 'bibtex' | 'ris'): string {
  if (!quotes.length) return '';
  const records = quotes.map((q) => {
    const citable = citableFromRecord(q, documentOf(q.document.id));
    return (format === 'bibtex' ? quoteBibtex(citable, q.id) : quoteRis(citable, q.id)).trim();
  });
  return `${records.join('\n\n')}\n`;
}
