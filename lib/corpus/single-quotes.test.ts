import { describe, expect, it } from 'vitest';
import { quotesInSingleMarks, singleQuotePairs, swapQuoteMarks } from './single-quotes';

describe('single quotation marks', () => {
  it('pairs ‘…’ and leaves apostrophes and a plural possessive inside a quotation alone', () => {
    const text = '‘We don’t know,’ she said. The officials’ view was ‘the ministers’ plans are late’.';
    expect(singleQuotePairs(text).map(([a, b]) => text.slice(a, b + 1))).toEqual(['‘We don’t know,’', '‘the ministers’ plans are late’']);
  });

  it('exchanges single and double marks without moving any offset', () => {
    const text = '‘The “fast track” is the only track,’ he said; the country’s view differs.';
    const swapped = swapQuoteMarks(text);
    expect(swapped).toBe('“The ‘fast track’ is the only track,” he said; the country’s view differs.');
    expect(swapped.length).toBe(text.length);
  });

  it('reads a document as British style only when single-quoted passages outnumber double-quoted ones', () => {
    expect(quotesInSingleMarks(['‘We bought the wrong things,’ he said.', 'It was ‘a very long process’ indeed.'])).toBe(true);
    expect(quotesInSingleMarks(['“We bought the wrong things,” he said, calling it ‘a long saga of delay’.', '“Time is short,” she said.'])).toBe(false);
  });
});
