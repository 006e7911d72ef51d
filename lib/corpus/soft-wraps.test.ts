// Hard-wrapped Markdown and HTML embeds broken over lines. Every text is invented.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './fixtures/synthetic';
import { joinSoftWraps, wrapWidth } from './soft-wraps';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));
const quotes = (body: string) => parseMarkdown(body).quotes.map((q) => ({ speaker: q.speaker?.name ?? null, text: q.text }));

const WRAPPED = `The harbour board opened the new ferry terminal on Monday after three years
of delays, two lawsuits and a long argument about where the buses would stop.

“We waited a long time for this, and the people of the Northern Islands
deserve it,” said Tova Brandt, the chair of the Harbour Board of the
Eastern Coast. “It will change how the islands work and how they grow.”

The terminal cost more than planned, and the final bill is still disputed.
Inspectors found problems with the ramps in the second year of the works.

That delay “taught us to check everything twice before we pour concrete,” [Hallvard
Moen](https://example.org/staff) said.
`;

describe('hard-wrapped Markdown', () => {
  it('reads a wrapped paragraph as one, so the quotation meets its speaker and a name inside a broken link', () => {
    expect(quotes(WRAPPED)).toEqual([
      { speaker: 'Tova Brandt', text: 'We waited a long time for this, and the people of the Northern Islands deserve it' },
      { speaker: 'Tova Brandt', text: 'It will change how the islands work and how they grow.' },
      { speaker: 'Hallvard Moen', text: 'taught us to check everything twice before we pour concrete' },
    ]);
  });

  it('keeps apart consecutive lines of a document whose paragraphs are one line each', () => {
    const body = [
      'The ferry terminal opened on Monday after three years of delays, two lawsuits and a long argument about where the buses would stop in the harbour.',
      'Inspectors found problems with the ramps in the second year of the works, and the final bill is still disputed by the contractor and the board.',
      'Annual Report 2021',
      'Harbour Board of the Eastern Coast',
    ].join('\n');
    expect(wrapWidth(lines(body))).toBeNull();
    expect(joinSoftWraps(lines(body))).toHaveLength(4);
  });

  it('joins a raw HTML embed broken over lines into one block', () => {
    const embed =
      '<blockquote class="post"><p>Great evening at the\nlibrary hack night, fixed two bugs.</p>&mdash;\nJane Roe (@janeroe) <a\nhref="https://example.org/1">May 2,\n2019</a></blockquote>\nAfter the embed.';
    const joined = joinSoftWraps(lines(embed));
    expect(joined.map((l) => l.line)).toEqual([1, 6]);
    expect(joined[0].text).toContain('Jane Roe (@janeroe) <a href=');
  });

  it('leaves a block tag alone on its line to the Markdown blocks inside it', () => {
    const body = '<blockquote>\nThe new reading room changed how the whole village spends its winter evenings.\n\n— Jane Roe\n</blockquote>';
    expect(joinSoftWraps(lines(body))).toHaveLength(5);
    expect(quotes(body)).toEqual([{ speaker: 'Jane Roe', text: 'The new reading room changed how the whole village spends its winter evenings.' }]);
  });
});
