import type { Paragraph, SourceFile } from '../types';

/** A page that begins inside a paragraph: after this many letters of its text. */
export interface PageBreak {
  letters: number;
  page: number | null;
}

/** Letters only: unchanged by the markers, emphasis stars and hyphens the parser strips, so offsets survive it. */
export function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** The page a body line of the file starts on, from the reader's page map (null for unpaginated sources). */
export function pageAtLine(source: SourceFile, line: number): number | null {
  if (!source.pages?.length) return null;
  const bodyLine = line - source.bodyStartLine + 1;
  let page: number | null = null;
  for (const p of source.pages) {
    if (p.line > bodyLine) break;
    page = p.page;
  }
  return page;
}

/** Pages that begin inside the paragraph written on this file line (a reader joined it across a page break). */
export function pageBreaksAtLine(source: SourceFile, line: number): PageBreak[] {
  const bodyLine = line - source.bodyStartLine + 1;
  return (source.pageBreaks ?? []).filter((b) => b.line === bodyLine).map((b) => ({ letters: b.letters, page: b.page }));
}

/** The page breaks of two blocks the parser joins into one paragraph (a page break cut it). */
export function joinPageBreaks(source: SourceFile, prevRaw: string, prev: PageBreak[], nextLine: number, next: PageBreak[]): PageBreak[] {
  if (!source.pages?.length) return prev;
  const base = letterCount(prevRaw);
  const nextPage = pageAtLine(source, nextLine);
  const prevEnd = prev.length ? prev[prev.length - 1].page : undefined;
  const joined = prevEnd === nextPage ? [] : [{ letters: base, page: nextPage }];
  return [...prev, ...joined, ...next.map((b) => ({ letters: base + b.letters, page: b.page }))];
}

/** The page a quote begins on: its paragraph's page, or a later one when the quoted words stand after a page break inside it. */
export function quotePage(paragraph: Paragraph | undefined, quoteText: string): number | null {
  if (!paragraph) return null;
  const breaks = paragraph.pageBreaks ?? [];
  if (!breaks.length) return paragraph.page;
  const head = quoteText.replace(/^[“"‘'\s]+/, '').slice(0, 40);
  const at = head ? paragraph.text.indexOf(head) : -1;
  if (at < 0) return paragraph.page;
  const before = letterCount(paragraph.text.slice(0, at));
  let page = paragraph.page;
  for (const b of breaks) if (b.letters <= before) page = b.page;
  return page;
}
