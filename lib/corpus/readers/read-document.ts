import { buildSourceFile, CorpusError, decodeUtf8, parseMetaYaml, readSource } from '../read-source';
import type { SourceFile } from '../types';
import type { FileMetadata, ReaderOutput } from './types';

/** Every document format the corpus takes, by file name. */
export const DOCUMENT_FILE = /\.(md|markdown|txt|pdf|docx|html?)$/i;
export const DOCUMENT_FORMATS_TEXT = '.md, .markdown, .txt, .pdf, .docx, .html or .htm';

export type DocumentFormat = 'markdown' | 'text' | 'pdf' | 'docx' | 'html';

export function formatOf(file: string): DocumentFormat | null {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'txt') return 'text';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm') return 'html';
  return null;
}

/** The sidecar metadata file of a document: "report.pdf" → "report.meta.yaml". */
export function sidecarPathOf(file: string): string {
  return file.replace(DOCUMENT_FILE, '.meta.yaml');
}

/** Options for the readers: block quotes are written as Markdown "> " lines, which the parser reads as set-off quotations. */
export interface ReadOptions {
  blockQuoteMarkers?: boolean;
}

/**
 * Reads a corpus file of any supported format into a SourceFile. The file's own metadata is used
 * where it states it; a sidecar (`name.meta.yaml`) overrides it field by field.
 */
export async function readDocument(
  file: string,
  bytes: Uint8Array,
  sidecar?: { path: string; bytes: Uint8Array },
  options: ReadOptions = { blockQuoteMarkers: true },
): Promise<SourceFile> {
  const format = formatOf(file);
  if (!format) throw new CorpusError(file, null, `is not a supported document; use ${DOCUMENT_FORMATS_TEXT}`);
  if (format === 'markdown' || format === 'text') {
    const text = decodeUtf8(file, bytes);
    const side = sidecar && format === 'text' ? { path: sidecar.path, text: decodeUtf8(sidecar.path, sidecar.bytes) } : undefined;
    return { ...readSource(file, text, side), format, pages: null, pageNumbering: null };
  }
  let out: ReaderOutput;
  // a PDF's indentation also marks list continuations, so its block quotes are left to the lead-in rule (measured: a bullet's second line came out as a quote)
  if (format === 'pdf') out = await (await import('./pdf')).readPdf(file, bytes, { ...options, blockQuoteMarkers: false });
  else if (format === 'docx') out = await (await import('./docx')).readDocx(file, bytes, options);
  else out = (await import('./html')).readHtml(file, decodeUtf8(file, bytes), options);
  const fromFile = metadataRecord(out.meta);
  const overrides = sidecar ? parseMetaYaml(sidecar.path, decodeUtf8(sidecar.path, sidecar.bytes), 1) : {};
  const source = buildSourceFile(file, out.body, { ...fromFile, ...overrides }, sidecar && Object.keys(overrides).length ? sidecar.path : file, 1);
  return { ...source, format, pages: out.pages, pageBreaks: out.pageBreaks ?? [], pageNumbering: out.pageNumbering };
}

function metadataRecord(m: FileMetadata): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  if (m.title) r.title = m.title;
  if (m.authors.length) r.authors = m.authors;
  if (m.date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(m.date)) r.date = m.date;
  if (m.publisher) r.publisher = m.publisher;
  if (m.url && /^https?:\/\/\S+$/i.test(m.url)) r.url = m.url;
  if (m.kind) r.kind = m.kind;
  return r;
}
