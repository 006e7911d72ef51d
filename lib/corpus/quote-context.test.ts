import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './fixtures/synthetic';
import { parseDocument } from './parse-document';
import { blockQuoteAnchors, framingText } from './quote-context';
import { readSource } from './read-source';
import type { ParsedDocument } from './types';

const framingOf = (d: ParsedDocument) => {
  const blocks = blockQuoteAnchors(d.quotes, d.paragraphs);
  return d.quotes.map((q) => [q.speaker?.name, q.attribution?.method, framingText(d.paragraphs, q, blocks)]);
};

describe('the words that frame a quote', () => {
  const d = parseMarkdown(`1. The Ferries

Ferry timetables decide what the island towns can buy in winter. As Lindqvist explains:

Every harbour on this coast was built for a fleet that no longer exists.¹

The ministry speaks of budgets instead. As Halvorsen put it, “the fleet is the only ministry that still visits the islands every month.”²

2. The Coast Guard

Lindqvist: The coast guard should take over the ferries before the next winter.¹

¹ Interview with Marta Lindqvist, Professor at the University of Bergenholm. Transcribed on 4 May 2023.
² Interview with Ingrid Halvorsen. Transcribed on 8 December 2023.`);
  const [lead, ministry] = d.paragraphs.filter((p) => /Ferry timetables|The ministry speaks/.test(p.text)).map((p) => p.text);

  it('is the lead-in before a block quote, and for a quotation inside the analysis its paragraph and the one before, skipping block quotes', () => {
    expect(framingOf(d)).toEqual([
      ['Marta Lindqvist', 'note', lead],
      ['Ingrid Halvorsen', 'inline', `${lead}\n${ministry}`],
      ['Marta Lindqvist', 'dialogue', ''], // first in its section: the previous section frames something else
    ]);
  });

  it('holds the words a quote leaves to its lead-in, on the bundled report', () => {
    const file = path.join(process.cwd(), 'corpus', 'leidenasiacentre-2025-shaping-a-new-alliance.md');
    const report = parseDocument(readSource(file, readFileSync(file, 'utf8')));
    const russia = framingOf(report).find((_, i) => report.quotes[i].text.startsWith('It was surprising to find that Russia'))!;
    expect(russia[2]).toMatch(/^The survey highlights a growing sense of insecurity in Japan.*As Goroku argues:$/);
    // three dialogue lines in a row share the paragraph that introduces them
    const dialogue = framingOf(report).filter(([, method]) => method === 'dialogue');
    expect(new Set(dialogue.map(([, , text]) => text)).size).toBeLessThan(dialogue.length);
    expect(dialogue.every(([, , text]) => text !== '')).toBe(true);
  });
});
