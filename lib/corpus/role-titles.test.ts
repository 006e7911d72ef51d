import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './fixtures/synthetic';

// Invented cabinet: a prime minister linked to her name, two ministers, a chairman the text never names.
const REPORT = `Prime Minister Lena Falk opened the session. Minister Ana Kos and Minister Piet Lund sat beside her.

At the close, the Prime Minister said, "We will open the northern port before the winter comes."[^1]

The Chairman told the room, "Nobody leaves before the ledger is signed by all of us."

Asked about the port, the Minister said, "The budget for the harbour is already spent this year."

## Notes

[^1]: Kos recalled that the Prime Minister told the envoy, "The northern port stays ours whatever the council decides."
`;

describe('a role title as speaker', () => {
  const doc = parseMarkdown(REPORT);
  const speakerOf = (start: string) => {
    const q = doc.quotes.find((x) => x.text.startsWith(start));
    expect(q, start).toBeDefined();
    return q!.speaker?.name ?? null;
  };

  it('is the one person the document writes after that title, in the body and in a note', () => {
    expect(speakerOf('We will open the northern port')).toBe('Lena Falk');
    expect(speakerOf('The northern port stays ours')).toBe('Lena Falk');
  });

  it('names nobody when the document never links the title to a name, or links it to two people', () => {
    expect(speakerOf('Nobody leaves before the ledger')).toBeNull();
    expect(speakerOf('The budget for the harbour')).toBeNull();
  });
});
