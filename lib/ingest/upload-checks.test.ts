// Every reason an uploaded file is refused, with the message the user sees: names that try to
// leave the corpus folder, types checked by content (not by name only), size.
import { describe, expect, it } from 'vitest';
import { storedZip } from './fixtures/zip';
import { checkFileName, checkUpload, MAX_UPLOAD_BYTES, UploadRefusal, zipEntryNames } from './upload-checks';

function refusal(f: () => unknown): { status: number; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof UploadRefusal) return { status: e.status, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

const text = (s: string) => Buffer.from(s, 'utf8');
const DOCX = storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });

describe('file names', () => {
  it('accepts plain document names and gives their format', () => {
    expect(checkFileName('report.pdf')).toBe('pdf');
    expect(checkFileName('Interview Notes 2024.DOCX')).toBe('docx');
    expect(checkFileName('page.htm')).toBe('html');
    expect(checkFileName('page.html')).toBe('html');
    expect(checkFileName('notes.md')).toBe('markdown');
    expect(checkFileName('notes.txt')).toBe('text');
    expect(checkFileName('Études_de_cas.md')).toBe('markdown');
  });

  it.each([
    ['../x.pdf', 'is a path'],
    ['../../etc/passwd.txt', 'is a path'],
    ['/etc/report.md', 'is a path'],
    ['sub/report.md', 'is a path'],
    ['..\\x.pdf', 'is a path'],
    ['C:\\Users\\x.md', 'is a path'],
    ['C:x.md', 'is a path'],
    ['x.md\u0000.pdf', 'control characters'],
    ['line\nbreak.md', 'control characters'],
    ['.hidden.md', 'starts with a dot'],
    ['..', 'starts with a dot'],
    ['.md', 'starts with a dot'],
    ['', 'has no name'],
    ['   ', 'has no name'],
    ['report.md:stream', 'contains ":"'],
    [' report.md', 'starts or ends with a space'],
    [`${'a'.repeat(200)}.md`, 'longer than 160 bytes'],
    ['README.md', 'README, LICENSE and CHANGELOG'],
    ['---.md', 'no usable document id'],
  ])('refuses %j (%s) with a 400', (name, reason) => {
    const r = refusal(() => checkFileName(name));
    expect(r.status).toBe(400);
    expect(r.message).toContain(reason);
  });

  it.each(['report.exe', 'report.doc', 'report', 'report.pdf.exe', 'speakers.yaml', 'x.meta.yaml'])(
    'refuses %j as a type that cannot be added (415)',
    (name) => {
      const r = refusal(() => checkFileName(name));
      expect(r.status).toBe(415);
      expect(r.message).toContain('PDF (.pdf), Word (.docx), web page (.html), Markdown (.md) or text (.txt)');
    },
  );

  it('shows a hostile name escaped in the message', () => {
    const r = refusal(() => checkFileName('a\u0000<script>.md'));
    expect(r.message).toContain('"a\\u0000<script>.md"');
  });
});

describe('content', () => {
  it('accepts each format when the content matches', () => {
    expect(checkUpload('a.pdf', text('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
    expect(checkUpload('a.docx', DOCX)).toBe('docx');
    expect(checkUpload('a.html', text('<!doctype html><title>x</title><p>Hello</p>'))).toBe('html');
    expect(checkUpload('a.md', text('# Title\n\nSome “quoted” text, 日本.'))).toBe('markdown');
    expect(checkUpload('a.txt', text('Plain text.'))).toBe('text');
  });

  it('refuses a file whose content is not what its name says (415)', () => {
    const cases: [string, Uint8Array, string][] = [
      ['a.pdf', text('Just some text pretending to be a PDF'), 'is not a PDF: its content does not start with "%PDF-"'],
      ['a.pdf', DOCX, 'is not a PDF'],
      ['a.docx', text('%PDF-1.4 …'), 'is not a Word document: its content is not a ZIP archive'],
      ['a.docx', storedZip({ 'xl/workbook.xml': '<workbook/>' }), 'has no word/document.xml'],
      ['a.docx', text('PK\u0003\u0004 truncated'), 'is not a ZIP archive'],
      ['a.md', text('%PDF-1.4\n\u0000\u0001binary'), 'contains a NUL byte (at offset 9)'],
      ['a.txt', Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21]), 'is not valid UTF-8'],
      ['a.md', DOCX, 'contains a NUL byte'],
      ['a.html', text('Only words here, no markup at all.'), 'holds no HTML markup'],
      ['a.html', Buffer.from([0x3c, 0x70, 0x3e, 0xc3, 0x28]), 'is not valid UTF-8'],
    ];
    for (const [name, bytes, message] of cases) {
      const r = refusal(() => checkUpload(name, bytes));
      expect(r.status, name).toBe(415);
      expect(r.message, name).toContain(message);
      expect(r.message, name).toContain(JSON.stringify(name));
    }
  });

  it('refuses an empty file (422) and one over 50 MB (413)', () => {
    expect(refusal(() => checkUpload('a.md', new Uint8Array(0)))).toEqual({ status: 422, message: '"a.md" is empty (0 bytes).' });
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61);
    const r = refusal(() => checkUpload('big.txt', big));
    expect(r.status).toBe(413);
    expect(r.message).toBe('"big.txt" is 50.0 MB; files over 50 MB are refused.');
  });

  it('reads the entry names of a ZIP archive from its central directory', () => {
    expect(zipEntryNames(DOCX)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(zipEntryNames(DOCX.subarray(0, DOCX.length - 30))).toBeNull();
    expect(zipEntryNames(text('not a zip'))).toBeNull();
  });
});
