// Plain-text clean-up of processor output, and the date helpers the speaker phrases need.

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text from CSL processor output: no HTML tags or entities, single spaces, no doubled
 * periods (".." but an ellipsis "..." is kept), no space before punctuation.
 */
export function cleanText(s: string): string {
  return decodeEntities(s.replace(/<[^>]*>/g, ''))
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/(?<!\.)\.\.(?!\.)/g, '.')
    .replace(/ ([,.;:])/g, '$1')
    .replace(/,,+/g, ',')
    .trim();
}

export interface IsoDate {
  year: number;
  month?: number;
  day?: number;
}

/** Parses "2025", "2025-04" or "2025-04-07"; anything else (or null) is null. */
export function parseIsoDate(value: string | null | undefined): IsoDate | null {
  if (!value) return null;
  const m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return { year };
  if (day !== undefined && (day < 1 || day > 31)) return { year, month };
  return { year, month, day };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// MLA 9 abbreviates months longer than four letters (MLA Handbook appendix 1).
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** "December 3, 2024" (Chicago and APA), "December 2024", "2024". */
export function formatDateUs(date: IsoDate): string {
  if (!date.month) return String(date.year);
  const month = MONTHS[date.month - 1];
  return date.day ? `${month} ${date.day}, ${date.year}` : `${month} ${date.year}`;
}

/** "3 Dec. 2024" (MLA 9), "Dec. 2024", "2024". */
export function formatDateMla(date: IsoDate): string {
  if (!date.month) return String(date.year);
  const month = MLA_MONTHS[date.month - 1];
  return date.day ? `${date.day} ${month} ${date.year}` : `${month} ${date.year}`;
}
