// One quote as a BibTeX or RIS record: its document's record (made by the CSL engine at ingest)
// under the quote's own key, with the quote and its speaker in the note. Pure string work with no
// citation engine, so the copy button can build it in the browser from the document's record.
import type { CitableQuote } from './citable';
import { speakerForms } from './speaker';
import { formatDateUs, parseIsoDate } from './text';

/** The quote in typographic quotation marks; marks already around it are replaced, double quotes inside become single. */
export function quoteText(text: string): string {
  let body = text.replace(/\s+/g, ' ').trim();
  const wrapped = /^["“„«]([\s\S]*)["”“»]$/.exec(body);
  if (wrapped && quotesBalanced(wrapped[1])) body = wrapped[1].trim();
  body = body
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/(^|[\s([{—–-])"/g, '$1‘')
    .replace(/"/g, '’');
  return `“${body}”`;
}

/** Whether the quotation marks inside a text pair up, opening before closing. */
function quotesBalanced(inner: string): boolean {
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    const opening = ch === '“' || (ch === '"' && (i === 0 || /[\s([{—–-]/.test(inner[i - 1])));
    const closing = ch === '”' || (ch === '"' && !opening);
    if (opening) depth++;
    else if (closing && --depth < 0) return false;
  }
  return depth === 0;
}

const KIND_WORDS = { interview: 'interview', quote: 'quoted statement', analysis: 'the author’s analysis' } as const;

/**
 * What the note field says about a quote, only what the record states: who said it (with the role
 * and affiliation the text gives), what it is, the date with what the note calls it, the note and
 * page, then the quote: "Saya Kiba, Kobe City University; interview; transcribed December 3, 2024;
 * note 132, p. 41: “…”".
 */
export function quoteNote(q: Pick<CitableQuote, 'kind' | 'text' | 'speaker' | 'interviewDate' | 'dateLabel' | 'footnote' | 'page'>): string {
  const forms = q.kind === 'analysis' ? null : speakerForms(q.speaker);
  const who =
    forms && q.speaker
      ? [forms.natural, q.speaker.role, forms.described ? null : q.speaker.affiliation]
          .filter((p): p is string => !!p && (p === forms.natural || !forms.natural.includes(p)))
          .join(', ')
      : null;
  const date = parseIsoDate(q.interviewDate);
  const when = date && q.dateLabel ? `${q.dateLabel} ${formatDateUs(date)}` : null;
  const where = [q.footnote ? `note ${q.footnote.number}` : null, q.page ? `p. ${q.page}` : null].filter(Boolean).join(', ');
  const head = [who, KIND_WORDS[q.kind], when, where].filter(Boolean).join('; ');
  return `${head.charAt(0).toUpperCase()}${head.slice(1)}: ${quoteText(q.text)}`;
}

/** The key of one quote's record: the document's key and the quote id ("vanderveere2025shaping-3f2a9c1b"). */
export function quoteKeyFrom(documentKey: string, quoteId: string): string {
  const suffix = quoteId
    .replace(/^q-/, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 8);
  return suffix ? `${documentKey}-${suffix}` : documentKey;
}

const LATEX: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // braces count even when escaped, so they become commands with balanced braces
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** LaTeX for a plain-text BibTeX value (plugin-bibtex leaves %, & and # as they are, which break LaTeX). */
export function latexEscape(s: string): string {
  return s.replace(/[\\{}~^%&#$_]/g, (c) => LATEX[c] ?? `\\${c}`);
}

/** A document's BibTeX entry as one quote's: the quote's key, and the note added after the generated fields. */
export function bibtexWithQuote(documentBibtex: string, quoteId: string, note: string): string {
  const bib = documentBibtex.trim();
  const keyed = bib.replace(/^(@\w+\{)([^,]*),/, (_m, head: string, key: string) => `${head}${quoteKeyFrom(key, quoteId)},`);
  return `${keyed.replace(/,?\s*\}$/, `,\n\tnote = {${latexEscape(note)}},\n}`)}\n`;
}

/** A document's RIS record as one quote's: the quote's key as ID, the note as N1. */
export function risWithQuote(documentRis: string, quoteId: string, note: string): string {
  const ris = documentRis.trim();
  const key = /^ID {2}- (.*)$/m.exec(ris)?.[1]?.trim();
  const withId = key ? ris.replace(/^ID {2}- .*$/m, `ID  - ${quoteKeyFrom(key, quoteId)}`) : ris;
  return `${withId.replace(/\n?ER {2}- ?$/, `\nN1  - ${note.replace(/\s+/g, ' ')}\nER  - `)}\n`;
}
