import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk';
import { parseMarkdown } from './fixtures/synthetic';
import { handlePerson, noteCredit } from './note-quotes';
import { framingText } from './quote-context';

// Invented people: a governor, two witnesses, a mayor known only by title in the running text.
const REPORT = `Governor Alma Reyes met Tomas Berg and Lena Ostrova at the harbour office in March.[^1] The Varga administration stayed away.

Berg wrote down what was said that evening.[^2] The Harbour Office answered later.[^3]

Berg noted that "the gate stays shut until the ledger is sealed."[^6]

On May 2, the Mayor tweeted, "The harbour gate stays open for every boat this summer!"[^4] Later the Mayor said, "Nobody will close it while I hold this office."[^5]

## Notes

[^1]: Ostrova 4/2/19 Interview Notes, at 3 (the harbour master was "afraid of his own ledger"); Ostrova 4/3/19 Interview Notes, at 1 (the "harbour tax" again); Ostrova recalled that the Governor told her the gate "stays shut all winter long."

[^2]: HX_0001 (Berg 3/4/19 Memorandum for the Record) ("I told the clerk that the gate stays shut until the ledger is sealed."); HX_0002 (3/5/19 Draft Memorandum from the Harbour Office) ("The clerk refused to open the gate for anyone that night.").

[^3]: In a statement on May 3, the Harbour Office said: "The Governor has never asked anyone to close the northern gate." @realAlmaReyes 5/3/19 (6:15 a.m. ET) Tweet ("I never closed the northern gate. More false news from the harbour!").

[^4]: @realIlseVarga 5/2/19 (7:04 a.m. ET) Tweet; see Harbour Gazette (May 2, 2019).

[^6]: Berg 3/4/19 Notes ("the gate stays shut until the ledger is sealed.").

[^5]: Harbour Gazette (May 3, 2019); @HarbourOffice 5/3/19 Tweet ("The gate opens at dawn for every boat in the harbour.").
`;

describe('quotations inside notes', () => {
  const doc = parseMarkdown(REPORT);
  const quote = (start: string) => doc.quotes.find((q) => q.text.startsWith(start));

  it('credits the words in the parenthesis after a record to the one person the citation names, placed in that note', () => {
    const q = quote('I told the clerk');
    expect(q?.speaker?.name).toBe('Tomas Berg');
    expect(q).toMatchObject({ kind: 'quote', anchors: ['note-2'], inNote: 2, footnoteNumber: 2, attribution: { method: 'note' } });
    // words in an interview record are said to the report's authors
    expect(quote('afraid of his own')).toMatchObject({ kind: 'interview', speaker: { name: 'Lena Ostrova' } });
    // a term the record's summary sets in quotation marks is nobody's statement
    expect(quote('harbour tax')).toBeUndefined();
    // a record by an office names no person: its words are nobody's
    expect(quote('The clerk refused')?.speaker ?? null).toBeNull();
  });

  it("reads a note's prose with the body's reported-speech rules", () => {
    expect(quote('stays shut all winter')?.speaker?.name).toBe('Alma Reyes');
  });

  it("gives a handle's post to the person the handle spells; an organisation's statement to nobody", () => {
    expect(quote('I never closed the northern gate')?.speaker?.name).toBe('Alma Reyes');
    expect(quote('The Governor has never asked')?.speaker ?? null).toBeNull();
    expect(quote('The gate opens at dawn')?.speaker ?? null).toBeNull(); // an office's account
  });

  it('names a titled poster by the one handle their own note credits, and leaves the same title without such a note unattributed', () => {
    expect(quote('The harbour gate stays open')?.speaker?.name).toBe('Ilse Varga');
    expect(quote('Nobody will close it')?.speaker ?? null).toBeNull();
  });

  it('adds no second quote for words the paragraph that refers to the note already quotes', () => {
    expect(doc.quotes.filter((q) => q.text.startsWith('the gate stays shut until'))).toMatchObject([{ anchors: [doc.paragraphs[2].anchor] }]);
  });

  it('frames a note quote, for search, by the paragraph that refers to the note', () => {
    expect(framingText(doc.paragraphs, quote('I told the clerk')!, new Set())).toBe(doc.paragraphs[1].text);
  });

  it('chunks a note quote after the paragraph that refers to the note', () => {
    const chunks = chunkDocument(doc);
    const at = chunks.findIndex((c) => c.text.startsWith('I told the clerk'));
    const referring = chunks.findIndex((c) => c.kind === 'analysis' && c.anchors.includes(doc.paragraphs[1].anchor));
    expect(referring).toBeGreaterThanOrEqual(0);
    expect(at).toBeGreaterThan(referring);
    expect(at).toBeLessThan(chunks.findIndex((c) => c.text.startsWith('The harbour gate')));
  });
});

describe('note credits', () => {
  const nobody = () => false;
  it('does not take a record for the speaker when a speech verb inside the parenthesis hands the words on', () => {
    const text = 'Gazette (May 3, 2019) (quoting Lena Ostrova as saying, "the ledger stays sealed")';
    expect(noteCredit(text, text.indexOf('"'), nobody)).toBeNull();
    const memo = 'Berg 3/4/19 Interview Notes, at 2 (the ledger was "sealed twice over")';
    expect(noteCredit(memo, memo.indexOf('"'), nobody)?.name).toBe('Berg');
    // a person's own papers record others' doings too: only words in the first person are the author's
    const own = 'Berg 3/4/19 Memorandum, at 2 ("Governor in a rage over the gate")';
    expect(noteCredit(own, own.indexOf('"'), nobody)).toBeNull();
    const first = 'Berg 3/4/19 Memorandum, at 2 ("I kept the gate shut")';
    expect(noteCredit(first, first.indexOf('"'), nobody)?.name).toBe('Berg');
    // notes taken at a meeting write down others' words in their own first person: not the note-taker's
    const minutes = 'Berg 3/4/19 Notes, at 2 ("I need the gate shut")';
    expect(noteCredit(minutes, minutes.indexOf('"'), nobody)).toBeNull();
    const relayed = 'Berg 3/4/19 Notes ("the ledger was sealed twice") (quoting Ostrova)';
    expect(noteCredit(relayed, relayed.indexOf('"'), nobody)).toBeNull();
    const joint = 'Remarks by Governor Reyes and Mayor Varga at the Pier (May 2, 2019) ("we open the gate today")';
    expect(noteCredit(joint, joint.indexOf('"'), nobody)).toBeNull();
    const single = 'Remarks by Governor Reyes at the Pier (May 2, 2019) ("we open the gate today")';
    expect(noteCredit(single, single.indexOf('"'), nobody)?.name).toBe('Reyes');
  });

  it('spells a handle as a name only when the document writes that surname', () => {
    expect(handlePerson('@realIlseVarga', 'the Varga family')).toBe('Ilse Varga');
    expect(handlePerson('@realIlseVarga', 'nobody of that name')).toBeNull();
    expect(handlePerson('@harbournews', 'Harbour')).toBeNull();
    expect(handlePerson('@SenVarga', 'Senator Varga')).toBeNull();
    expect(handlePerson('@GovIlseVarga', 'the Varga family')).toBe('Ilse Varga');
  });
});
