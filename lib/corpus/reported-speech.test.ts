import { describe, expect, it } from 'vitest';
import { maskQuotations } from './attribution';
import { parseMarkdown } from './fixtures/synthetic';
import { stripPlainMarkers } from './footnote-markers';
import { findSpeechAttributions } from './names';
import { relationBinding, reportedSpeaker, surnamesShownAsPeople } from './reported-speech';

// Invented people: a governor and two witnesses who recall what she said.
const REPORT = `Governor Alma Reyes met Tomas Berg and Lena Ostrova at the harbour office in March.

According to Berg, the Governor said, "We will close the northern gate before winter."

Ostrova recalled that the Governor told her, "You must keep the ledger sealed until spring."

Berg called Ostrova and told Ostrova, "The ledger stays sealed for now, whatever happens."

Ostrova recalled that the Governor was angry with Berg and he said, "This cannot happen again in my harbour."

According to Ostrova, he said, "The gate will not open again this year at all."

Berg recalled that before the meeting, he told the Governor something like, "do not mention the gate, whatever you do."

Later in the meeting, the Governor brought up Berg and said, "the man has poor judgment."

The Governor said, "That is what I want, an honest harbour."
`;

const chain = (sentence: string) => {
  const masked = maskQuotations(sentence);
  const at = masked.search(/["“]/);
  return reportedSpeaker(masked, at, findSpeechAttributions(masked));
};

describe('reporting chains', () => {
  const doc = parseMarkdown(REPORT);
  const speakerOf = (start: string) => {
    const q = doc.quotes.find((x) => x.text.startsWith(start));
    expect(q, start).toBeDefined();
    return q!.speaker?.name ?? null;
  };

  it('gives the words to the innermost speaker, never to the witness who recalls them', () => {
    expect(speakerOf('We will close')).toBe('Alma Reyes');
    expect(speakerOf('You must keep')).toBe('Alma Reyes');
  });

  it('never gives the words to the person spoken to ("told Ostrova")', () => {
    expect(speakerOf('The ledger stays')).toBe('Tomas Berg');
    expect(chain('Berg called Ostrova and told Ostrova, "The ledger stays sealed."')).toMatchObject({ kind: 'speaker', ref: { name: 'Berg' } });
  });

  it('leaves "he said" unattributed when someone else stands between the reporter and the pronoun, or after "according to"', () => {
    expect(speakerOf('This cannot happen')).toBeNull();
    expect(speakerOf('The gate will not')).toBeNull();
    expect(chain('According to Ostrova, he said, "The gate will not open."')).toMatchObject({ kind: 'unsettled' });
    expect(chain('Berg told Ostrova that he said, "The gate will not open."')).toMatchObject({ kind: 'unsettled' });
    expect(chain('Ostrova and Berg said, "The gate will not open."')).toMatchObject({ kind: 'unsettled' });
    expect(chain('Berg told a visitor that he said, "I never wanted the gate closed."')).toMatchObject({ kind: 'unsettled' });
    // a listener that cannot be "he" leaves the teller
    expect(chain('Berg told reporters that he said, "I never wanted the gate closed."')).toMatchObject({ kind: 'speaker', ref: { name: 'Berg' } });
    expect(chain('Berg told the Harbour Courier that he said, "I never wanted it."')).toMatchObject({ kind: 'speaker', ref: { name: 'Berg' } });
    // what X told someone, in X's words, is X's whoever "he" is
    expect(chain('Berg told a visitor that he "never wanted the gate closed."')).toMatchObject({ kind: 'speaker', ref: { name: 'Berg' } });
  });

  it('reads "X recalled that … he told Y" as X, and a verb that shares its subject ("brought up Berg and said")', () => {
    expect(speakerOf('do not mention the gate')).toBe('Tomas Berg');
    expect(speakerOf('the man has poor judgment')).toBe('Alma Reyes');
    expect(chain('Lena Ostrova arrived late and said, "the gate was open."')).toMatchObject({ ref: { kind: 'person', name: 'Lena Ostrova' } });
    // another clause may own the verb: not settled here
    expect(chain('The Governor was angry at what Berg had told the office and said, "not again."')).toBeNull();
  });

  it('takes "The President"-style titles at the start of a sentence, and clefts ("it was you, Lena, who said")', () => {
    expect(speakerOf('That is what I want')).toBe('Alma Reyes');
    expect(chain('I think it was you, Lena, who eventually said "We should stop."')).toMatchObject({ ref: { name: 'Lena' } });
  });

  it('gives "X described Y as “…”" to the describer, and still takes no term after "known as"', () => {
    const doc = parseMarkdown(
      `Tomas Berg met Governor Alma Reyes in March.\n\nBerg described the Governor as "furious about the whole inquiry." The plan, known as "the northern harbour option," was shelved.\n`,
    );
    expect(doc.quotes.find((q) => q.text.startsWith('furious'))?.speaker?.name).toBe('Tomas Berg');
    expect(doc.quotes.some((q) => q.text.startsWith('the northern harbour') && q.speaker)).toBe(false);
  });

  it('reads "quoting X as saying, “…”" as X, and leaves an unnamed one unsettled', () => {
    expect(chain('The Courier ran the story (quoting Lena Ostrova as saying, "We never closed the gate.")')).toMatchObject({ ref: { name: 'Lena Ostrova' } });
    expect(chain('The Courier quoted the Governor as saying, "We never closed the gate."')).toMatchObject({ ref: { kind: 'role', name: 'Governor' } });
    expect(chain('The Courier quoted a harbour pilot as saying, "We never closed the gate."')).toMatchObject({ kind: 'unsettled' });
  });

  it('does not take a view ("thought the plan was") for reported words', () => {
    expect(chain('Berg thought the harbour plan was "a reckless gamble with public money."')).toBeNull();
  });

  it('does not take a verb far from the quotation, across another named person, as governing it', () => {
    expect(chain('Berg recalled that he felt pressure because Ostrova had spoken to the "boss" about it.')).toBeNull();
  });
});

describe('a quotation paragraph after a sentence that reports on someone else', () => {
  it("is left unattributed: it may be the witness's words or the other person's", () => {
    for (const lead of [
      'According to Berg, the Governor was angry.',
      'Berg recalled that the Governor was angry.',
      'According to Berg, the Governor grew angry and said the inquiry had to end.',
    ]) {
      const doc = parseMarkdown(
        `Governor Alma Reyes met Tomas Berg at the harbour office in March.\n\n${lead}\n\n"We are finished with this inquiry and I want it closed."\n`,
      );
      const q = doc.quotes.find((x) => x.text.startsWith('We are finished'));
      expect(q, lead).toBeDefined();
      expect(q?.speaker ?? null, lead).toBeNull();
    }
  });
});

describe('surnames the document shows to be people', () => {
  const body = `Okafor recalled that he felt pressure because Lindqvist had spoken to the "chief" and said Okafor needed to "drop the matter."[^1] Lindqvist said, "we are finished with this file."[^2]`;
  const notes = `\n\n## Notes\n\n[^1]: Okafor 3/14/19 302, at 2.\n[^2]: Lindqvist 4/2/19 302, at 5.\n`;

  it("reads a title of address or a note citing the person's dated record, not a lone capitalised word", () => {
    expect(
      [...surnamesShownAsPeople('Mr. Okafor left. As Norway argues, the gate stays shut.', ['Lindqvist 4/2/19 302, at 5; Report 2019, at 3.'])].sort(),
    ).toEqual(['Lindqvist', 'Okafor']);
  });

  it("gives the words to the speaker inside the witness's clause, and names a lone surname only with such evidence", () => {
    const doc = parseMarkdown(body + notes);
    const speakerOf = (start: string) => doc.quotes.find((x) => x.text.startsWith(start))?.speaker?.name ?? null;
    expect(speakerOf('drop the matter')).toBe('Lindqvist');
    expect(speakerOf('we are finished')).toBe('Lindqvist');
    expect(doc.quotes.some((x) => x.text.startsWith('chief'))).toBe(false);
    const bare = parseMarkdown(body.replace(/\[\^\d\]/g, ''));
    expect(bare.quotes.find((x) => x.text.startsWith('we are finished'))?.speaker ?? null).toBeNull();
  });
});

describe('speakers named by a relation or as one of a group', () => {
  it('binds "his son" to the one name the text gave that relation, and nothing when it gave two', () => {
    expect(relationBinding('At noon Ivo Marsh took a call from his son Anton, a crew member on the ferry.', 'his son')).toBe('Anton');
    expect(relationBinding('Ivo Marsh called his son Anton and later his son Pavel.', 'his son')).toBeNull();
    const doc =
      parseMarkdown(`At noon Ivo Marsh took a call from his son Anton, a crew member on the ferry. His son told him: "The engine room is flooding and we are turning back."

Later one of the engineers said, "We will not reach the harbour before dark tonight."`);
    const speakerOf = (start: string) => doc.quotes.find((x) => x.text.startsWith(start))?.speaker ?? null;
    expect(speakerOf('The engine room')?.name).toBe('Anton');
    expect(speakerOf('We will not reach')).toMatchObject({ name: 'one of the engineers', anonymous: true });
  });
});

describe('quotations inside a transcript turn', () => {
  it('gives them a quote of their own when the turn names another speaker, or nobody', () => {
    const doc = parseMarkdown(`**Mara Quist:** Welcome back to the show, it is good to have you both here today.

**Olek Brandt:** Thanks for having us, it has been a long year for the whole team.

**Mara Quist:** So how did the first release come together in the end?

**Olek Brandt:** I think it was you, Mara, who finally said "We ship on Friday whatever the state of the docs is." And one of us said "We should stop arguing and just write the parser now."
`);
    const nested = doc.quotes.filter((q) => q.attribution?.method !== 'dialogue');
    expect(nested.find((q) => q.text.startsWith('We ship'))?.speaker?.name).toBe('Mara Quist');
    const unnamed = nested.find((q) => q.text.startsWith('We should stop'));
    expect(unnamed).toBeDefined();
    expect(unnamed?.speaker).toBeNull();
    // the turn itself stays its speaker's
    expect(doc.quotes.find((q) => q.attribution?.method === 'dialogue' && q.text.startsWith('I think it was you'))?.speaker?.name).toBe('Olek Brandt');
  });
});

describe('names with an inner capital and excerpts whose notes start late', () => {
  it('reads "McDowell", "O’Hara" as names after a speech verb', () => {
    expect(findSpeechAttributions('As documented by McDowell in a memo').map((a) => a.speaker.name)).toEqual(['McDowell']);
    expect(findSpeechAttributions('O’Hara said that').map((a) => a.speaker.name)).toEqual(['O’Hara']);
  });

  it('counts plain note numbers up from the first note the excerpt holds', () => {
    expect(stripPlainMarkers(['The gate closed.252 Then it opened.253'], 252)[0]).toEqual({
      text: 'The gate closed. Then it opened.',
      refs: [
        { number: 252, offset: 16 },
        { number: 253, offset: 32 },
      ],
    });
    expect(stripPlainMarkers(['The gate closed.252 Then it opened.253'])[0].refs).toEqual([]);
  });
});
