import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { DocumentInfo } from '../types';
import type { SourceFile } from './types';

/** An input problem that names the file and, where known, the line. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}`);
    this.name = 'CorpusError';
  }
}

const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{0,120}$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Derives the document id from a file name: lower-case kebab, no extension. */
export function documentIdFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(md|markdown|txt|pdf|docx|html?)$/i, '');
  return base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Decodes bytes as UTF-8, refusing invalid sequences (they would corrupt verbatim quotes). */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '');
  } catch {
    let line = 1;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0a) line++;
      const b = bytes[i];
      if (b >= 0x80) {
        const slice = bytes.slice(i, i + 4);
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(slice.slice(0, utf8Length(b)));
        } catch {
          throw new CorpusError(file, line, `is not valid UTF-8 (byte 0x${b.toString(16)} at offset ${i}); save the file as UTF-8`);
        }
        i += utf8Length(b) - 1;
      }
    }
    throw new CorpusError(file, null, 'is not valid UTF-8; save the file as UTF-8');
  }
}

function utf8Length(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

function str(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || v instanceof Date) return String(v instanceof Date ? v.toISOString().slice(0, 10) : v);
  return null;
}

/**
 * Reads one corpus document: Markdown with YAML front matter, or plain text with an optional
 * sidecar (`name.meta.yaml`) whose YAML text the caller passes as `sidecar`.
 */
export function readSource(path: string, text: string, sidecar?: { path: string; text: string }): SourceFile {
  if (text.includes('\u0000')) throw new CorpusError(path, null, 'contains NUL bytes; it looks like a binary file, not a text document');
  const lines = text.split(/\r?\n/);
  let meta: Record<string, unknown> = {};
  let bodyStart = 0;
  let metaFile = path;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
    if (end < 0) throw new CorpusError(path, 1, 'front matter starts with "---" but has no closing "---" line');
    meta = parseMetaYaml(path, lines.slice(1, end).join('\n'), 2);
    bodyStart = end + 1;
  } else if (sidecar) {
    meta = parseMetaYaml(sidecar.path, sidecar.text, 1);
    metaFile = sidecar.path;
  }
  const body = lines.slice(bodyStart).join('\n');
  if (!body.trim()) throw new CorpusError(path, bodyStart + 1, 'is empty: there is no text after the front matter');
  return buildSourceFile(path, body, meta, metaFile, bodyStart + 1);
}

/** A source file from a body and its metadata (front matter, sidecar or what a PDF/DOCX/HTML file states), checked. */
export function buildSourceFile(path: string, body: string, meta: Record<string, unknown>, metaFile: string, bodyStartLine: number): SourceFile {
  const id = documentIdFromFileName(path);
  if (!DOCUMENT_ID.test(id))
    throw new CorpusError(path, null, `gives the document id "${id}", which is not usable; rename the file using letters, digits and hyphens`);
  const firstLine =
    body
      .split(/\r?\n/)
      .find((l) => l.trim())
      ?.trim() ?? id;
  const title = str(meta.title) ?? firstLine;
  const authorsRaw = meta.authors ?? meta.author ?? [];
  const authors = (Array.isArray(authorsRaw) ? authorsRaw : [authorsRaw]).map(str).filter((a): a is string => !!a);
  if (!Array.isArray(authorsRaw) && typeof authorsRaw !== 'string' && authorsRaw !== null)
    throw new CorpusError(metaFile, null, '"authors" must be a list of names');
  const date = str(meta.date);
  if (date && !DATE.test(date)) throw new CorpusError(metaFile, null, `"date" must look like 2025, 2025-04 or 2025-04-07, not "${date}"`);
  const url = str(meta.url);
  // the URL becomes a link in the pages: only web addresses, never javascript: or data:
  if (url && !/^https?:\/\/[^\s]+$/i.test(url)) throw new CorpusError(metaFile, null, `"url" must be an http(s) address, not "${url.slice(0, 80)}"`);
  const info: DocumentInfo = {
    id,
    title,
    authors,
    date,
    publisher: str(meta.publisher),
    place: str(meta.place),
    url,
    kind: str(meta.kind) ?? 'article',
  };
  return { path, id, meta: info, body, bodyStartLine };
}

export function parseMetaYaml(file: string, yamlText: string, firstLine: number): Record<string, unknown> {
  try {
    const v = parseYaml(yamlText);
    if (v === null || v === undefined) return {};
    if (typeof v !== 'object' || Array.isArray(v)) throw new CorpusError(file, firstLine, 'front matter must be YAML key: value pairs');
    return v as Record<string, unknown>;
  } catch (e) {
    if (e instanceof CorpusError) throw e;
    if (e instanceof YAMLParseError) {
      const line = e.linePos?.[0]?.line;
      // the file line is in the error's prefix; the parser's own "at line N" counts from the front matter
      const reason = e.message.split('\n')[0].replace(/\s*at line \d+, column \d+:?\s*$/, '');
      throw new CorpusError(file, line ? line + firstLine - 1 : firstLine, `broken front matter: ${reason}`);
    }
    throw new CorpusError(file, firstLine, `broken front matter: ${(e as Error).message}`);
  }
}
