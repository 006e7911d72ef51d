// Metamorphic tests: each bundled report, re-rendered by code into the house styles other publishers use,
// must give the same speakers for the same quotes. The rendering works from the parsed document (its
// sections, paragraphs, note markers and notes), so only the style changes, never the words.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document';
import { readSource } from './read-source';
import type { ParsedDocument, Paragraph } from './types';

const CORPUS = path.join(process.cwd(), 'corpus');
const FILES = readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'README.md');
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

interface Style {
  marker: (n: number) => string;
  note: (n: number, text: string) => string;
  blockQuote: 'italic' | 'markdown';
  straightQuotes: boolean;
}

const superscript = (n: number) => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');

const STYLES: Record<string, Style> = {
  'bracketed [n] markers, endnotes under "Notes"': {
    marker: (n) => `[${n}]`,
    note: (n, t) => `${n}. ${t}`,
    blockQuote: 'italic',
    straightQuotes: false,
  },
  'caret ^n markers and notes': { marker: (n) => `^${n}`, note: (n, t) => `^${n} ${t}`, blockQuote: 'italic', straightQuotes: false },
  'Markdown footnotes [^n] and > block quotes': {
    marker: (n) => `[^${n}]`,
    note: (n, t) => `[^${n}]: ${t}`,
    blockQuote: 'markdown',
    straightQuotes: false,
  },
  'superscripts, > block quotes and straight quotation marks': {
    marker: superscript,
    note: (n, t) => `${superscript(n)} ${t}`,
    blockQuote: 'markdown',
    straightQuotes: true,
  },
};

function withMarkers(p: Paragraph, marker: (n: number) => string): string {
  let out = '';
  let last = 0;
  for (const r of [...p.refs].sort((a, b) => a.offset - b.offset)) {
    out += p.text.slice(last, r.offset) + marker(r.number);
    last = r.offset;
  }
  return out + p.text.slice(last);
}

/** The document in another house style: Markdown headings, the chosen markers, every note at the end under "Notes". */
function render(doc: ParsedDocument, style: Style): string {
  const fm = readFileSync(doc.source.path, 'utf8').split(/\r?\n/);
  const end = fm.indexOf('---', 1);
  const lines: string[] = [...fm.slice(0, end + 1), ''];
  const straight = (s: string) => (style.straightQuotes ? s.replace(/[“”]/g, '"') : s);
  for (const section of doc.sections) {
    if (section.heading) lines.push(`## ${section.heading}`, '');
    for (const p of doc.paragraphs.filter((x) => x.sectionIndex === section.index)) {
      const text = straight(withMarkers(p, style.marker));
      if (p.italic) lines.push(style.blockQuote === 'markdown' ? `> ${text}` : `*${text.replace(/(\S)$/, '$1*')}`, '');
      else lines.push(text, '');
    }
  }
  if (doc.footnotes.length) {
    lines.push('## Notes', '');
    for (const f of doc.footnotes) lines.push(style.note(f.number, straight(f.text.replace(/\n/g, ' '))), '');
  }
  return lines.join('\n');
}

/** Attributed quotes as "speaker ← text" (quotation marks folded, so the straight-quote style compares). */
function attributed(doc: ParsedDocument): string[] {
  return doc.quotes.filter((q) => q.speaker).map((q) => `${q.speaker!.name} ← ${q.text.replace(/[“”]/g, '"').replace(/\s+/g, ' ')}`);
}

describe('the bundled reports re-rendered in other house styles give the same speakers for the same quotes', () => {
  for (const file of FILES) {
    const full = path.join(CORPUS, file);
    const original = parseDocument(readSource(full, readFileSync(full, 'utf8')));
    const expected = attributed(original);
    for (const [name, style] of Object.entries(STYLES)) {
      it(`${file}: ${name}`, () => {
        const rendered = parseDocument(readSource(full, render(original, style)));
        expect(attributed(rendered)).toEqual(expected);
        // the note of each quote survives the change of marker style
        expect(rendered.quotes.filter((q) => q.speaker).map((q) => q.footnoteNumber)).toEqual(
          original.quotes.filter((q) => q.speaker).map((q) => q.footnoteNumber),
        );
      });
    }
  }
});
