import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { CorpusError } from '../read-source';
import { collectNotes, type DomNode, htmlBlocks } from './html-text';
import { EMPTY_METADATA, type FileMetadata, normaliseDate, type ReaderOutput, toSuperscript, UnreadableDocumentError } from './types';

// Word's quotation styles and pandoc's "Block Text" are block quotes
const STYLE_MAP = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Block Quote'] => blockquote > p:fresh",
];
/** A paragraph indented this far (twips; 720 = half an inch) on the left is a block quote when it is no list item. */
const QUOTE_INDENT_TWIPS = 567;

interface MammothParagraph {
  type: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: unknown;
  indent?: { start?: string | null };
}

/** Reads one entry of a ZIP file (a .docx is one); null when absent. */
export function readZipEntry(bytes: Uint8Array, name: string): Buffer | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < count && p + 46 <= buf.length; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const entry = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (entry === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : method === 8 ? inflateRawSync(data) : null;
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

function xmlText(xml: string, tag: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))) {
    const v = m[1]
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .trim();
    if (v) out.push(v);
  }
  return out;
}

/** The core properties Word stores (docProps/core.xml): title, creator, created date. */
export function docxMetadata(bytes: Uint8Array): FileMetadata {
  const core = readZipEntry(bytes, 'docProps/core.xml')?.toString('utf8');
  if (!core) return { ...EMPTY_METADATA, authors: [] };
  const creators = xmlText(core, 'dc:creator').flatMap((c) => c.split(/\s*;\s*/));
  return {
    ...EMPTY_METADATA,
    title: xmlText(core, 'dc:title')[0] ?? null,
    authors: creators.filter(Boolean),
    // the date the file says the document was created; Word's "modified" changes with every save
    date: normaliseDate(xmlText(core, 'dcterms:created')[0]),
  };
}

/** Reads a Word document with its real footnotes and endnotes, italics and quotation styles. */
export async function readDocx(file: string, bytes: Uint8Array, options: { blockQuoteMarkers?: boolean } = {}): Promise<ReaderOutput> {
  let html: string;
  try {
    const transforms = (mammoth as unknown as { transforms: { paragraph(f: (p: MammothParagraph) => MammothParagraph): (e: unknown) => unknown } }).transforms;
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        transformDocument: transforms.paragraph((p) =>
          !p.styleName && !p.numbering && Number(p.indent?.start ?? 0) >= QUOTE_INDENT_TWIPS ? { ...p, styleName: 'Quote', styleId: 'Quote' } : p,
        ),
      },
    );
    html = result.value;
  } catch (e) {
    throw new CorpusError(file, null, `cannot be read as a Word document (.docx): ${(e as Error).message.split('\n')[0]}`);
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const byId = (id: string) => (document.getElementById(id) as unknown as DomNode | null) ?? null;
  const { notes, targets } = collectNotes(document as unknown as DomNode & { querySelectorAll(s: string): ArrayLike<DomNode> }, byId);
  const noteLists = new Set(targets.map((t) => t.parentNode).filter(Boolean));
  const blocks = htmlBlocks(document.body as unknown as DomNode, {
    notes,
    skip: (el) => noteLists.has(el),
    blockQuoteMarkers: options.blockQuoteMarkers,
  });
  const noteLines = [...notes.values()].sort((a, b) => a.number - b.number).map((n) => `${toSuperscript(n.number)} ${n.text}`);
  if (!blocks.length) throw new UnreadableDocumentError(file, 'holds no text; skipped');
  return { body: [...blocks.map((b) => b.text), ...noteLines].join('\n\n'), meta: docxMetadata(bytes), pages: null, pageNumbering: null, warnings: [] };
}
