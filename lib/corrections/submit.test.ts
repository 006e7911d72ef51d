import { describe, expect, it } from 'vitest';
import { parseCorrections } from '../corpus/corrections';
import { correctionRequestSchema, withCorrection } from './submit';

describe('withCorrection', () => {
  it('starts the file, then appends entries keeping comments and earlier ones; the result parses back', () => {
    const first = withCorrection(null, { document: 'a-report', quote: 'It was “surprising” to find: yes', speaker: 'Tsuyoshi Goroku' });
    const kept = `# my own note\n${first}`;
    const second = withCorrection(kept, { document: 'b-report', quote: 'Another one # not a comment', notQuote: true });
    expect(second).toContain('# my own note');
    expect(parseCorrections('corrections.yaml', second).map((c) => [c.document, c.quote, c.speaker, c.notQuote])).toEqual([
      ['a-report', 'It was “surprising” to find: yes', 'Tsuyoshi Goroku', false],
      ['b-report', 'Another one # not a comment', null, true],
    ]);
  });

  it('refuses to rewrite a file that is not valid YAML', () => {
    expect(() => withCorrection('corrections:\n  - document: "x\n', { document: 'a', quote: 'abc def ghi', speaker: 'X Y' })).toThrow(/not valid YAML/);
  });
});

describe('correctionRequestSchema', () => {
  const base = { documentId: 'a-report', quoteId: 'q-0123456789abcdef' };
  it('takes a speaker or notQuote, not both or neither, and no control characters', () => {
    expect(correctionRequestSchema.safeParse({ ...base, speaker: ' Lena Falk ' }).data?.speaker).toBe('Lena Falk');
    expect(correctionRequestSchema.safeParse({ ...base, notQuote: true }).success).toBe(true);
    expect(correctionRequestSchema.safeParse({ ...base }).success).toBe(false);
    expect(correctionRequestSchema.safeParse({ ...base, speaker: 'Lena Falk', notQuote: true }).success).toBe(false);
    expect(correctionRequestSchema.safeParse({ ...base, speaker: 'Lena\nFalk' }).success).toBe(false);
    expect(correctionRequestSchema.safeParse({ ...base, speaker: 'Lena Falk', extra: 1 }).success).toBe(false);
    expect(correctionRequestSchema.safeParse({ documentId: '../etc', quoteId: 'q-1', speaker: 'Lena Falk' }).success).toBe(false);
  });
});
