/** How the page numbers of a paginated document were found. */
export type PageNumbering = 'labels' | 'printed' | 'physical';

/** From this body line on (1-based, counted in the body text), the text stands on this page. */
export interface PageStart {
  line: number;
  page: number | null; // null where the printed number is not an arabic numeral (front matter in roman numerals)
}

/** Facts a file states about itself; absent fields are null. */
export interface FileMetadata {
  title: string | null;
  authors: string[];
  date: string | null; // 2025, 2025-04 or 2025-04-07
  publisher: string | null;
  url: string | null;
  kind: string | null;
}

/** What a format reader produces: a body the structure parser understands, metadata, and pages where the source has them. */
export interface ReaderOutput {
  body: string;
  meta: FileMetadata;
  pages: PageStart[] | null;
  pageBreaks?: { line: number; letters: number; page: number | null }[];
  pageNumbering: PageNumbering | null;
  warnings: string[];
}

/** A file that can be opened but yields no text (a scanned PDF without a text layer): skipped with a warning, never an empty document. */
export class UnreadableDocumentError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'UnreadableDocumentError';
  }
}

export const EMPTY_METADATA: FileMetadata = { title: null, authors: [], date: null, publisher: null, url: null, kind: null };

/** Normalises a date a file states ("D:20250514…", "2025-05-14T10:00", "May 14, 2025") to 2025-05-14 / 2025-05 / 2025; null when unclear. */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const t = raw.trim();
  let m = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(t);
  if (m) return [m[1], m[2], m[3]].filter(Boolean).join('-');
  // Google Scholar's citation tags write 2025/05/20
  m = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T\s].*)?$/.exec(t);
  if (m) return [m[1], m[2]?.padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
  const d = new Date(t);
  if (!Number.isNaN(d.getTime()) && /\d{4}/.test(t) && /[A-Za-z]{3}/.test(t))
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; // parsed as a local date
  return null;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 12 → "¹²": note numbers in the form the structure parser reads as markers and note lines. */
export function toSuperscript(n: number | string): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]);
}
