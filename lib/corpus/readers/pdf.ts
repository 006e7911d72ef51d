import { createRequire } from 'node:module';
import path from 'node:path';
import { CorpusError } from '../read-source';
import { letterCount } from './pages';
import { renderSegments, type Segment } from './segments';
import {
  EMPTY_METADATA,
  type FileMetadata,
  normaliseDate,
  type PageNumbering,
  type PageStart,
  type ReaderOutput,
  toSuperscript,
  UnreadableDocumentError,
} from './types';

/** One piece of text as the PDF places it. */
interface Run {
  text: string;
  x: number;
  y: number; // baseline, from the page bottom
  w: number;
  size: number;
  italic: boolean;
}

interface Line {
  page: number; // physical index, 0-based
  y: number;
  size: number; // the line's own text size (superscripts excluded)
  x0: number;
  x1: number;
  segments: Segment[];
  text: string; // plain text, superscript digits as ¹²³
}

interface PdfParagraph {
  page: number;
  lines: Line[];
  heading: boolean;
}

const ITALIC_FONT = /italic|oblique|-it$|-ital|slanted/i;
const PAGE_NUMBER = /^(?:page\s+)?(\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:\/|of)\s*\d{1,4})?$/i;
const NOTE_START_PLAIN = /^(\d{1,3})[.)]?\s+\S/;
const SENTENCE_END = /[.!?…:;]$/;
const BULLET = /^[•●▪◦‣–-]\s/;

let pdfjsPromise: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;
function pdfjs() {
  // the legacy build runs in Node without a browser worker; loaded on first use only
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

function standardFontDataUrl(): string {
  const req = createRequire(import.meta.url);
  return `${path.join(path.dirname(req.resolve('pdfjs-dist/package.json')), 'standard_fonts')}${path.sep}`;
}

/** Opens a PDF with pdfjs, offline: no font downloads, no eval, fonts read from node_modules. */
export async function openPdf(bytes: Uint8Array) {
  const { getDocument } = await pdfjs();
  return getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl: standardFontDataUrl(),
    verbosity: 0,
  }).promise;
}

type PdfDocument = Awaited<ReturnType<typeof openPdf>>;

async function pageRuns(doc: PdfDocument, index: number): Promise<{ runs: Run[]; height: number }> {
  const page = await doc.getPage(index + 1);
  // the operator list loads the page's fonts, whose real names tell italic from roman
  await page.getOperatorList();
  const content = await page.getTextContent();
  const fontNames = new Map<string, string>();
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str) continue;
    let fontName = fontNames.get(item.fontName);
    if (fontName === undefined) {
      try {
        const font = page.commonObjs.get(item.fontName) as { name?: string } | undefined;
        fontName = font?.name ?? '';
      } catch {
        fontName = '';
      }
      fontNames.set(item.fontName, fontName);
    }
    const [a, b, c, d, e, f] = item.transform as number[];
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    if (!(size > 0)) continue;
    runs.push({ text: item.str, x: e, y: f, w: item.width, size, italic: ITALIC_FONT.test(fontName.replace(/^[A-Z]{6}\+/, '')) });
  }
  const [, , , height] = page.view;
  page.cleanup();
  return { runs, height };
}

/** Groups runs into lines by baseline; smaller runs raised above a line are its superscripts. */
function buildLines(runs: Run[], page: number): Line[] {
  const lines: { y: number; size: number; runs: { run: Run; sup: boolean }[] }[] = [];
  const ordered = [...runs].sort((p, q) => q.size - p.size || q.y - p.y);
  for (const run of ordered) {
    let best: (typeof lines)[number] | null = null;
    let bestDist = Number.POSITIVE_INFINITY;
    for (const l of lines) {
      const dist = Math.abs(run.y - l.y);
      if (dist <= 0.5 * Math.max(l.size, run.size) && run.size <= l.size * 1.05 && dist < bestDist) {
        best = l;
        bestDist = dist;
      }
    }
    if (!best) {
      lines.push({ y: run.y, size: run.size, runs: [{ run, sup: false }] });
      continue;
    }
    const sup = run.size < 0.85 * best.size && run.y - best.y > 0.15 * best.size;
    best.runs.push({ run, sup });
  }
  return lines
    .map((l) => {
      const sorted = l.runs.sort((p, q) => p.run.x - q.run.x);
      const segments: Segment[] = [];
      let prevEnd: number | null = null;
      for (const { run, sup } of sorted) {
        const gap = prevEnd === null ? 0 : run.x - prevEnd;
        const last = segments[segments.length - 1];
        if (last && gap > 0.2 * l.size && !/\s$/.test(last.text) && !/^\s/.test(run.text) && !sup) segments.push({ text: ' ', italic: false, sup: false });
        const text = sup && /^\s*\d{1,3}\s*$/.test(run.text) ? toSuperscript(run.text.trim()) : run.text;
        segments.push({ text, italic: run.italic, sup });
        prevEnd = run.x + run.w;
      }
      const bodyRuns = sorted.filter((r) => !r.sup).map((r) => r.run);
      const sizeOf = bodyRuns.length ? dominant(bodyRuns.map((r) => [round(r.size), r.text.length])) : l.size;
      const text = segments
        .map((s) => s.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      return { page, y: l.y, size: sizeOf, x0: sorted[0].run.x, x1: Math.max(...sorted.map((r) => r.run.x + r.run.w)), segments, text };
    })
    .filter((l) => l.text)
    .sort((p, q) => q.y - p.y || p.x0 - q.x0);
}

function round(n: number, step = 0.5): number {
  return Math.round(n / step) * step;
}

/** The value with the largest weight: [value, weight] pairs. */
function dominant(pairs: [number, number][]): number {
  const w = new Map<number, number>();
  for (const [v, n] of pairs) w.set(v, (w.get(v) ?? 0) + n);
  return [...w.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

function romanToNumber(s: string): number | null {
  const map: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let n = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const v = map[t[i]];
    const next = map[t[i + 1]] ?? 0;
    if (!v) return null;
    n += v < next ? -v : v;
  }
  return n;
}

/**
 * Reads a PDF into the text form the structure parser understands: one paragraph per line,
 * notes as lines starting with superscript numbers, note markers as superscripts, italics as *…*,
 * and the page each paragraph starts on.
 */
export async function readPdf(file: string, bytes: Uint8Array, options: { blockQuoteMarkers?: boolean } = {}): Promise<ReaderOutput> {
  let doc: PdfDocument;
  try {
    doc = await openPdf(bytes);
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new CorpusError(file, null, 'is a password-protected PDF; save an unprotected copy and add that');
    throw new CorpusError(file, null, `cannot be read as a PDF: ${(e as Error).message}`);
  }
  try {
    const pages: { lines: Line[]; height: number }[] = [];
    for (let i = 0; i < doc.numPages; i++) {
      const { runs, height } = await pageRuns(doc, i);
      pages.push({ lines: buildLines(runs, i), height });
    }
    const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);
    if (chars < 40)
      throw new UnreadableDocumentError(
        file,
        `has no text layer (${doc.numPages} page${doc.numPages === 1 ? '' : 's'} of images, as a scanned document); run OCR on it (for example with ocrmypdf) and add the result; skipped`,
      );
    const meta = await pdfMetadata(doc);
    const labels = await doc.getPageLabels().catch(() => null);
    const result = layoutToText(pages, labels, options.blockQuoteMarkers ?? false);
    if (!meta.title) meta.title = result.title;
    return { body: result.body, meta, pages: result.pages, pageBreaks: result.pageBreaks, pageNumbering: result.numbering, warnings: result.warnings };
  } finally {
    await doc.destroy();
  }
}

async function pdfMetadata(doc: PdfDocument): Promise<FileMetadata> {
  const meta: FileMetadata = { ...EMPTY_METADATA, authors: [] };
  const { info, metadata } = (await doc.getMetadata().catch(() => ({ info: {}, metadata: null }))) as {
    info: Record<string, unknown>;
    metadata: { get(name: string): unknown } | null;
  };
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const xmp = (name: string) => {
    const v = metadata?.get(name);
    if (Array.isArray(v)) return v.map(str).filter((s): s is string => !!s);
    const s = str(v);
    return s ? [s] : [];
  };
  meta.title = xmp('dc:title')[0] ?? str(info.Title);
  const authors = xmp('dc:creator');
  meta.authors = authors.length
    ? authors
    : (str(info.Author)
        ?.split(/\s*;\s*|\s+and\s+/)
        .map((a) => a.trim())
        .filter(Boolean) ?? []);
  // a browser's print-to-PDF stamps the day of printing, which is not the document's date
  const producer = `${str(info.Producer) ?? ''} ${str(info.Creator) ?? ''}`;
  const printed = /chrom|skia|firefox|webkit|safari|print/i.test(producer);
  meta.date = normaliseDate(xmp('prism:publicationDate')[0] ?? xmp('dc:date')[0] ?? (printed ? null : str(info.CreationDate)));
  return meta;
}

/** Lines that repeat at the same place on many pages (running heads and feet), and page numbers. */
function stripPageFurniture(pages: { lines: Line[]; height: number }[]): { printed: (number | null)[]; romanPrinted: boolean[] } {
  const edge = (p: { lines: Line[] }, l: Line) => {
    const i = p.lines.indexOf(l);
    return i <= 1 || i >= p.lines.length - 2;
  };
  const key = (l: Line) => `${l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase()}@${Math.round(l.y / 4)}`;
  const counts = new Map<string, Set<number>>();
  pages.forEach((p, i) => {
    for (const l of p.lines) {
      if (!edge(p, l)) continue;
      const k = key(l);
      if (!counts.has(k)) counts.set(k, new Set());
      counts.get(k)!.add(i);
    }
  });
  const minRepeats = Math.max(2, Math.ceil(pages.length * 0.4));
  const printed: (number | null)[] = pages.map(() => null);
  const romanPrinted = pages.map(() => false);
  pages.forEach((p, i) => {
    const first = p.lines[0];
    const last = p.lines[p.lines.length - 1];
    p.lines = p.lines.filter((l) => {
      if (l === first || l === last) {
        const m = PAGE_NUMBER.exec(l.text);
        if (m) {
          if (/^\d+$/.test(m[1])) printed[i] = Number(m[1]);
          else romanPrinted[i] = romanToNumber(m[1]) !== null;
          return false;
        }
      }
      return !(pages.length > 1 && edge(p, l) && (counts.get(key(l))?.size ?? 0) >= minRepeats);
    });
  });
  return { printed, romanPrinted };
}

/** Page numbers: the PDF's own page labels, else the numbers printed on the pages when they run in step, else the physical page. */
function pageNumbers(count: number, labels: string[] | null, printed: (number | null)[], romanPrinted: boolean[]) {
  if (labels?.length === count && labels.some((l, i) => l !== String(i + 1))) {
    return { numbering: 'labels' as PageNumbering, numbers: labels.map((l) => (/^\d+$/.test(l.trim()) ? Number(l.trim()) : null)) };
  }
  const offsets = new Map<number, number>();
  printed.forEach((n, i) => {
    if (n !== null) offsets.set(n - (i + 1), (offsets.get(n - (i + 1)) ?? 0) + 1);
  });
  const [offset, agree] = [...offsets.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  const withNumbers = printed.filter((n) => n !== null).length;
  if (agree >= 2 && agree >= 0.6 * withNumbers && withNumbers >= 0.5 * count) {
    return {
      numbering: 'printed' as PageNumbering,
      numbers: printed.map((_, i) => (romanPrinted[i] || i + 1 + offset < 1 ? null : i + 1 + offset)),
    };
  }
  return { numbering: 'physical' as PageNumbering, numbers: printed.map((_, i) => i + 1) };
}

function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹\s]+$/, '').replace(/[*”"’)\]]+$/, ''));
}

function noteNumber(l: Line): number | null {
  const first = l.segments.find((s) => s.text.trim());
  if (first?.sup && /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(first.text.trim()))
    return Number(first.text.trim().replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))));
  const m = NOTE_START_PLAIN.exec(l.text);
  return m ? Number(m[1]) : null;
}

/** Turns laid-out lines into the parser's text, with a page for every paragraph line. */
function layoutToText(pagesIn: { lines: Line[]; height: number }[], labels: string[] | null, blockQuoteMarkers: boolean) {
  const pages = pagesIn;
  const { printed, romanPrinted } = stripPageFurniture(pages);
  const { numbering, numbers } = pageNumbers(pages.length, labels, printed, romanPrinted);
  const all = pages.flatMap((p) => p.lines);
  const bodySize = dominant(all.map((l) => [round(l.size), l.text.length]));
  const words = new Map<string, number>();
  for (const l of all) for (const w of l.text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []) words.set(w, (words.get(w) ?? 0) + 1);

  // the notes area: smaller lines at the foot of the page from the first one that starts with a number
  const bodyLines: Line[][] = [];
  const notesByPage: { number: number | null; lines: Line[] }[][] = [];
  for (const p of pages) {
    let start = p.lines.length;
    while (start > 0 && p.lines[start - 1].size < 0.92 * bodySize) start--;
    let firstNote = p.lines.findIndex((l, i) => i >= start && noteNumber(l) !== null);
    if (firstNote < 0) firstNote = p.lines.length;
    const notes: { number: number | null; lines: Line[] }[] = [];
    // a note carried over from the previous page opens the area without a number
    const carried = p.lines.slice(start, firstNote);
    const keepAsBody = firstNote === p.lines.length ? p.lines.length : start;
    if (firstNote < p.lines.length && carried.length && start > 0) notes.push({ number: null, lines: carried });
    for (const l of p.lines.slice(firstNote)) {
      const n = noteNumber(l);
      if (n !== null) notes.push({ number: n, lines: [l] });
      else notes[notes.length - 1]?.lines.push(l);
    }
    bodyLines.push(p.lines.slice(0, firstNote < p.lines.length ? keepAsBody : p.lines.length));
    notesByPage.push(notes);
  }

  const bodyAll = bodyLines.flat();
  const marginOf = (lines: Line[]) => dominant(lines.filter((l) => Math.abs(l.size - bodySize) < 0.1 * bodySize).map((l) => [round(l.x0, 2), 1]));
  const globalLeft = marginOf(bodyAll);
  const ends = bodyAll
    .filter((l) => Math.abs(l.size - bodySize) < 0.1 * bodySize)
    .map((l) => l.x1)
    .sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.9)] ?? 0;
  const width = Math.max(1, right - globalLeft);
  const pageLeft = new Map(bodyLines.map((lines, i) => [i, marginOf(lines) || globalLeft]));
  const gaps: [number, number][] = [];
  for (const lines of bodyLines)
    for (let i = 1; i < lines.length; i++) {
      const g = lines[i - 1].y - lines[i].y;
      if (Math.abs(lines[i].size - bodySize) < 0.1 * bodySize && g > 0) gaps.push([round(g), 1]);
    }
  const lineGap = dominant(gaps) || bodySize * 1.2;

  const pendingNotes: { number: number | null; lines: Line[]; page: number }[] = [];
  const output: { text: string; page: number; breaks?: { letters: number; page: number }[] }[] = [];
  const flushNotes = () => {
    for (const n of pendingNotes) {
      const text = renderParagraph({ page: n.lines[0].page, lines: n.lines, heading: false }, words);
      if (n.number === null) {
        // the rest of a note begun on the previous page
        const prev = output.findLast((o) => /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(o.text));
        if (prev) prev.text = joinText(prev.text, text, words);
        continue;
      }
      const body = text.replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*/, '').replace(/^\d{1,3}[.)]?\s+/, '');
      output.push({ text: `${toSuperscript(n.number)} ${body}`, page: n.page });
    }
    pendingNotes.length = 0;
  };
  // a paragraph indented on the left (and, over full lines, on the right) is a block quote
  const isBlockQuote = (para: PdfParagraph) => {
    if (para.heading) return false;
    const size = para.lines[0].size;
    const left = pageLeft.get(para.page) ?? globalLeft;
    return para.lines.every((l) => l.x0 - left >= 1.5 * size) && para.lines.slice(0, -1).every((l) => l.x1 <= right - size);
  };
  const emit = (para: PdfParagraph) => {
    const text = renderParagraph(para, words);
    // pages that begin inside the paragraph, by letters before them (a quote in its second half is cited on its own page)
    const breaks: { letters: number; page: number }[] = [];
    let letters = 0;
    para.lines.forEach((l, i) => {
      if (i > 0 && l.page !== para.lines[i - 1].page) breaks.push({ letters, page: l.page });
      letters += letterCount(l.text);
    });
    output.push({ text: blockQuoteMarkers && isBlockQuote(para) ? `> ${text}` : text, page: para.page, breaks });
  };

  let current: PdfParagraph | null = null;
  bodyLines.forEach((lines, pageIndex) => {
    const left = pageLeft.get(pageIndex) ?? globalLeft;
    lines.forEach((line, i) => {
      const heading = line.size > bodySize * 1.1;
      const prev = current?.lines[current.lines.length - 1];
      let breaks = !current || !prev || current.heading !== heading || Math.abs(prev.size - line.size) > 0.1 * bodySize;
      if (!breaks && prev && current) {
        const indentRise = line.x0 - prev.x0 > 0.8 * line.size;
        const outdent = prev.x0 - line.x0 > 0.8 * line.size && current.lines.length > 1 && current.lines[0].x0 - line.x0 > 0.8 * line.size;
        const bullet = BULLET.test(line.text);
        if (i === 0) {
          // a page break: the paragraph goes on unless the new page starts a new one
          const indented = line.x0 - left > 0.8 * line.size && !(prev.x0 - globalLeft > 0.8 * line.size);
          const full = prev.x1 >= right - 0.03 * width;
          breaks = indented || bullet || !(!endsSentence(prev.text) || /^[*“"‘(]?\p{Ll}/u.test(line.text) || full);
        } else {
          const gap = prev.y - line.y;
          const shortEnd = prev.x1 < right - 0.35 * width && endsSentence(prev.text);
          // a heading's lines stand further apart than the body's
          const gapLimit = heading ? line.size * 1.6 : lineGap * 1.3 + 0.5;
          breaks = gap > gapLimit || (!heading && (indentRise || outdent || bullet || shortEnd));
        }
      }
      if (breaks) {
        if (current) {
          emit(current);
          flushNotes();
        }
        current = { page: pageIndex, lines: [line], heading };
      } else current!.lines.push(line);
    });
    for (const n of notesByPage[pageIndex]) pendingNotes.push({ ...n, page: pageIndex });
    // notes of a page follow the paragraph that is open at its foot, once that paragraph ends
    if (!current) flushNotes();
  });
  if (current) emit(current);
  flushNotes();

  const bodyParts: string[] = [];
  const pageStarts: PageStart[] = [];
  const pageBreaks: { line: number; letters: number; page: number | null }[] = [];
  let lineNo = 1;
  let lastPage: number | null | undefined;
  for (const o of output) {
    const page = numbers[o.page] ?? null;
    if (page !== lastPage) {
      pageStarts.push({ line: lineNo, page });
      lastPage = page;
    }
    for (const b of o.breaks ?? []) pageBreaks.push({ line: lineNo, letters: b.letters, page: numbers[b.page] ?? null });
    bodyParts.push(o.text, '');
    lineNo += 2;
  }
  const firstPage = pages[0]?.lines ?? [];
  const largest = Math.max(0, ...firstPage.map((l) => l.size));
  const titleLines = largest > bodySize * 1.2 ? firstPage.filter((l) => l.size >= largest - 0.5) : [];
  return {
    body: bodyParts.join('\n'),
    pages: pageStarts,
    pageBreaks,
    numbering,
    title: titleLines.length ? titleLines.map((l) => l.text).join(' ') : null,
    warnings: [] as string[],
  };
}

/** A paragraph's lines as one line of text: words cut at a line end rejoined, italics as *…*. */
function renderParagraph(para: PdfParagraph, words: Map<string, number>): string {
  const segments: Segment[] = [];
  para.lines.forEach((l, i) => {
    if (i > 0) {
      const prevText = segments.map((s) => s.text).join('');
      const joint = jointBetween(prevText, l.text, words);
      if (joint.dropHyphen) {
        const last = segments.findLast((s) => s.text.trim());
        if (last) last.text = last.text.replace(/-\s*$/, '');
      }
      if (joint.space) segments.push({ text: ' ', italic: false, sup: false });
    }
    segments.push(...l.segments.map((s) => ({ ...s })));
  });
  // LaTeX sets an ellipsis as spaced dots ("[. . . ]"); the words are the same with "..."
  return renderSegments(segments)
    .replace(/(?<!\.)\.\s\.\s\.(?!\s?\.)/g, '...')
    .replace(/\.\.\.\s+\]/g, '...]');
}

/** How two lines meet: a space, nothing ("Sino-" + "Japanese", a URL), or a hyphen of a cut word dropped. */
function jointBetween(prev: string, next: string, words: Map<string, number>): { space: boolean; dropHyphen: boolean } {
  const left = prev.trimEnd();
  const right = next.trimStart();
  const cut = /(\p{L}+)-$/u.exec(left);
  if (cut) {
    const nextWord = /^(\p{Ll}+)/u.exec(right)?.[1];
    if (!nextWord) return { space: false, dropHyphen: false };
    const joined = (cut[1] + nextWord).toLowerCase();
    const hyphenated = `${cut[1]}-${nextWord}`.toLowerCase();
    // a word the text also writes whole was hyphenated by the typesetter; a compound it writes with a hyphen keeps it
    const keep = (words.get(hyphenated) ?? 0) > (words.get(joined) ?? 0);
    return { space: false, dropHyphen: !keep };
  }
  if (/\p{L}[—/]$/u.test(left) || /(?:https?:\/\/|www\.)\S*[^\s.,;:)]$/.test(left.split(/\s+/).pop() ?? '')) return { space: false, dropHyphen: false };
  return { space: true, dropHyphen: false };
}

function joinText(prev: string, next: string, words: Map<string, number>): string {
  const j = jointBetween(prev, next, words);
  const left = j.dropHyphen ? prev.trimEnd().replace(/-$/, '') : prev.trimEnd();
  return left + (j.space ? ' ' : '') + next.trimStart();
}
