import { documentIdFromFileName } from '../corpus/read-source';

/** Largest upload accepted from the browser, per request (all files together) and so per file. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1048576;
/** How many files one upload may carry. */
export const MAX_UPLOAD_FILES = 20;

export type UploadFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';

/** A refused upload or change: the HTTP status and a message that names the file and the reason. */
export class UploadRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefusal';
  }
}

const EXTENSIONS: Record<string, UploadFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
};
const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{0,120}$/;
const NOT_DOCUMENTS = /^(readme|license|licence|changelog)(\.|$)/i;
const MAX_NAME_LENGTH = 160;

/** Shows a client-supplied name safely inside a message (control characters escaped, length capped). */
export function shownName(name: string): string {
  const escaped = JSON.stringify(name.length > 80 ? `${name.slice(0, 77)}...` : name);
  return escaped;
}

/**
 * Checks a file name sent by a client before it is used as a path: a plain name inside the corpus
 * folder, never a path out of it, never hidden, with a document extension. Returns its format.
 */
export function checkFileName(name: string): UploadFormat {
  const shown = shownName(name);
  if (!name.trim()) throw new UploadRefusal(400, 'A file has no name; give it a name such as report.pdf.');
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new UploadRefusal(400, `The file name ${shown} contains control characters; rename the file.`);
  if (/[/\\]/.test(name) || /^[A-Za-z]:/.test(name))
    throw new UploadRefusal(400, `The file name ${shown} is a path; send a plain file name without folders (no "/", "\\" or drive letter).`);
  if (name.startsWith('.')) throw new UploadRefusal(400, `The file name ${shown} starts with a dot; hidden files are not added.`);
  if (name.includes(':')) throw new UploadRefusal(400, `The file name ${shown} contains ":"; rename the file.`);
  if (name !== name.trim()) throw new UploadRefusal(400, `The file name ${shown} starts or ends with a space; rename the file.`);
  if (Buffer.byteLength(name) > MAX_NAME_LENGTH) throw new UploadRefusal(400, `The file name ${shown} is longer than ${MAX_NAME_LENGTH} bytes; shorten it.`);
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const format = ext ? EXTENSIONS[ext] : undefined;
  if (!format)
    throw new UploadRefusal(
      415,
      `${shown} is not a document type that can be added; send PDF (.pdf), Word (.docx), web page (.html), Markdown (.md) or text (.txt) files.`,
    );
  if (NOT_DOCUMENTS.test(name)) throw new UploadRefusal(400, `${shown}: README, LICENSE and CHANGELOG files are not read as documents; rename the file.`);
  const id = documentIdFromFileName(name.replace(/\.[A-Za-z0-9]+$/, ''));
  if (!DOCUMENT_ID.test(id))
    throw new UploadRefusal(400, `The file name ${shown} gives no usable document id; name the file with letters, digits and hyphens.`);
  return format;
}

/** The document id a checked file name gives (the name without its extension, in lower-case kebab form). */
export function documentIdOfUpload(name: string): string {
  return documentIdFromFileName(name.replace(/\.[A-Za-z0-9]+$/, ''));
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The file names in a ZIP archive's central directory, or null when the bytes are not a readable ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (!startsWith(bytes, 'PK\u0003\u0004')) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record sits in the last 22 bytes plus an optional comment of up to 64 KB
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('latin1'));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** Why bytes are not usable as UTF-8 text, or null when they are. */
function textProblem(bytes: Uint8Array): string | null {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `contains a NUL byte (at offset ${nul}), so it is binary, not text`;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    return 'is not valid UTF-8 text; save it as UTF-8';
  }
}

const MARKUP = /<(!doctype\s+html|html|head|body|title|meta|article|main|section|div|p|h[1-6]|ul|ol|li|table|blockquote|span|a|br|em|strong)\b[^<>]*>/i;

/**
 * Checks that a file's content is what its name says (by content, not by name only): PDF starts
 * with %PDF-, DOCX is a ZIP holding word/document.xml, HTML, Markdown and text are UTF-8 text
 * without NUL bytes, and HTML holds markup.
 */
export function checkFileContent(name: string, format: UploadFormat, bytes: Uint8Array): void {
  const shown = shownName(name);
  if (bytes.length === 0) throw new UploadRefusal(422, `${shown} is empty (0 bytes).`);
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new UploadRefusal(413, `${shown} is ${(bytes.length / 1048576).toFixed(1)} MB; files over ${MAX_UPLOAD_MB} MB are refused.`);
  switch (format) {
    case 'pdf':
      if (!startsWith(bytes, '%PDF-')) throw new UploadRefusal(415, `${shown} is not a PDF: its content does not start with "%PDF-".`);
      return;
    case 'docx': {
      const names = zipEntryNames(bytes);
      if (!names) throw new UploadRefusal(415, `${shown} is not a Word document: its content is not a ZIP archive (.docx files are).`);
      if (!names.includes('word/document.xml'))
        throw new UploadRefusal(415, `${shown} is not a Word document: the ZIP archive has no word/document.xml (is it an old .doc or another Office file?).`);
      return;
    }
    default: {
      const problem = textProblem(bytes);
      if (problem) throw new UploadRefusal(415, `${shown} is not a ${format === 'html' ? 'web page' : `${format} file`}: it ${problem}.`);
      if (format === 'html' && !MARKUP.test(Buffer.from(bytes.subarray(0, 1 << 20)).toString('utf8')))
        throw new UploadRefusal(415, `${shown} is not a web page: it holds no HTML markup; name it .txt or .md if it is plain text.`);
    }
  }
}

/** Checks one uploaded file (name, then size and content) and returns its format. */
export function checkUpload(name: string, bytes: Uint8Array): UploadFormat {
  const format = checkFileName(name);
  checkFileContent(name, format, bytes);
  return format;
}
