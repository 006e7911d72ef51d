import { describe, expect, it } from 'vitest';
import { CorpusError, decodeUtf8, documentIdFromFileName, readSource } from './read-source';

function corpusError(fn: () => unknown): CorpusError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CorpusError);
    return e as CorpusError;
  }
  throw new Error('expected a CorpusError');
}

describe('readSource: front matter and metadata', () => {
  it('reads the front matter fields and the body, with the body’s first file line', () => {
    const src = readSource(
      'corpus/nordic-harbours-2024.md',
      '---\ntitle: "Harbours: A Northern View"\nauthors: ["Anna Lind", "Karl Brandt"]\npublisher: Northern Institute\nplace: Oslo\ndate: "2024-05"\nurl: https://example.org/harbours\nkind: report\n---\nHarbours: A Northern View\n\nThe text begins here.\n',
    );
    expect(src.id).toBe('nordic-harbours-2024');
    expect(src.meta).toEqual({
      id: 'nordic-harbours-2024',
      title: 'Harbours: A Northern View',
      authors: ['Anna Lind', 'Karl Brandt'],
      date: '2024-05',
      publisher: 'Northern Institute',
      place: 'Oslo',
      url: 'https://example.org/harbours',
      kind: 'report',
    });
    expect(src.bodyStartLine).toBe(10);
    expect(src.body.split('\n')[0]).toBe('Harbours: A Northern View');
  });

  it('defaults missing fields: title from the first line, no authors, kind article', () => {
    const src = readSource('plain.md', '\n\nThe Coast in Winter\n\nSome text about the coast.\n');
    expect(src.meta).toMatchObject({ title: 'The Coast in Winter', authors: [], date: null, kind: 'article', publisher: null });
    expect(src.bodyStartLine).toBe(1);
  });

  it('accepts a single author string, a byte-order mark and CRLF line ends', () => {
    const src = readSource('crlf.md', '\uFEFF---\r\ntitle: Winter\r\nauthor: Anna Lind\r\n---\r\nBody line.\r\n');
    expect(src.meta.title).toBe('Winter');
    expect(src.meta.authors).toEqual(['Anna Lind']);
    expect(src.body.trim()).toBe('Body line.');
    expect(src.bodyStartLine).toBe(5);
  });

  it('reads the metadata of a plain-text file from its sidecar', () => {
    const src = readSource('corpus/winter.txt', 'The Coast in Winter\n\nText.', {
      path: 'corpus/winter.meta.yaml',
      text: 'title: The Coast in Winter\nauthors: [Anna Lind]\ndate: 2023\n',
    });
    expect(src.meta).toMatchObject({ id: 'winter', title: 'The Coast in Winter', authors: ['Anna Lind'], date: '2023' });
  });

  it('derives document ids from file names: lower-case kebab, accents folded, no extension', () => {
    expect(documentIdFromFileName('corpus/Japan & Europe – Überblick.md')).toBe('japan-europe-uberblick');
    expect(documentIdFromFileName('/x/y/Report_2024.final.TXT')).toBe('report-2024-final');
    expect(documentIdFromFileName('notes.markdown')).toBe('notes');
  });
});

describe('readSource and decodeUtf8: bad input names the file and, where it can, the line', () => {
  it('refuses a document with no text after the front matter', () => {
    const e = corpusError(() => readSource('corpus/empty-body.md', '---\ntitle: Empty\n---\n\n   \n'));
    expect(e.file).toBe('corpus/empty-body.md');
    expect(e.line).toBe(4);
    expect(e.message).toBe('corpus/empty-body.md:4: is empty: there is no text after the front matter');
  });

  it('refuses a binary file (NUL bytes)', () => {
    const e = corpusError(() => readSource('corpus/image.md', 'PNG\u0000\u0001\u0002'));
    expect(e.message).toMatch(/^corpus\/image\.md: contains NUL bytes/);
  });

  it('refuses bytes that are not UTF-8, naming the line and the byte', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: Latin\n---\nLine one is fine.\nLine two has caf'), Buffer.from([0xe9]), Buffer.from(' in it.\n')]);
    const e = corpusError(() => decodeUtf8('corpus/latin1.md', bytes));
    expect(e.file).toBe('corpus/latin1.md');
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^corpus\/latin1\.md:5: is not valid UTF-8 \(byte 0xe9 at offset \d+\); save the file as UTF-8$/);
  });

  it('decodes valid UTF-8 (multi-byte characters) and strips a byte-order mark', () => {
    expect(decodeUtf8('x.md', Buffer.from('\uFEFFSøren Ærø – “quoted”', 'utf8'))).toBe('Søren Ærø – “quoted”');
  });

  it('refuses broken YAML front matter with the file line of the error', () => {
    const e = corpusError(() => readSource('corpus/broken.md', '---\ntitle: ok\ndate: "2024-05"\nauthors: [Anna Lind\n---\nBody.\n'));
    expect(e.file).toBe('corpus/broken.md');
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/^corpus\/broken\.md:4: broken front matter: /);
  });

  it('refuses front matter that is opened but never closed', () => {
    const e = corpusError(() => readSource('corpus/open.md', '---\ntitle: ok\nBody text.\n'));
    expect(e.message).toBe('corpus/open.md:1: front matter starts with "---" but has no closing "---" line');
  });

  it('refuses front matter that is not key: value pairs, a bad date and bad authors', () => {
    expect(corpusError(() => readSource('corpus/list.md', '---\n- a\n- b\n---\nBody.\n')).message).toMatch(
      /^corpus\/list\.md:2: front matter must be YAML key: value pairs/,
    );
    expect(corpusError(() => readSource('corpus/date.md', '---\ndate: April 2025\n---\nBody.\n')).message).toBe(
      'corpus/date.md: "date" must look like 2025, 2025-04 or 2025-04-07, not "April 2025"',
    );
    expect(corpusError(() => readSource('corpus/authors.md', '---\nauthors: {name: Anna}\n---\nBody.\n')).message).toMatch(
      /^corpus\/authors\.md: "authors" must be a list of names/,
    );
  });

  it('refuses a broken sidecar, naming the sidecar', () => {
    const e = corpusError(() => readSource('corpus/winter.txt', 'Text.', { path: 'corpus/winter.meta.yaml', text: 'title: [unclosed\n' }));
    expect(e.file).toBe('corpus/winter.meta.yaml');
  });

  it('refuses a file name that gives no usable document id', () => {
    expect(corpusError(() => readSource('corpus/---.md', 'Body text.')).message).toMatch(/^corpus\/---\.md: gives the document id ""/);
  });
});
