import { describe, expect, it } from 'vitest';
import { maskQuotations, parseDate, parseInterviewFootnote, sentenceSpans } from './attribution';
import { parseMarkdown, summarize } from './fixtures/synthetic';
import { findAcronyms } from './names';

const note = (text: string, acronyms = new Map<string, string>()) => parseInterviewFootnote({ number: 7, text, line: 1 }, acronyms);

describe('interview footnotes', () => {
  it('reads "Interview with NAME, ROLE. Transcribed on DATE." with the affiliation from the role', () => {
    const iv = note(
      'Interview with Henrik Aaltonen, Professor of Maritime Strategy at the University of Bergenholm, and former adviser to the Harbour Board (2019-2021). Transcribed on 4 May 2023.',
    );
    expect(iv).toMatchObject({
      number: 7,
      written: 'Henrik Aaltonen',
      date: '2023-05-04',
      speaker: { key: 'person:henrik aaltonen', name: 'Henrik Aaltonen', anonymous: false, affiliation: 'University of Bergenholm' },
    });
    expect(iv!.speaker.role).toMatch(/^Professor of Maritime Strategy at the University of Bergenholm/);
  });

  it('reads the note without "with" ("Interview NAME, ROLE …") and keeps an acronym in the affiliation', () => {
    expect(
      note('Interview Ingrid Halvorsen, Senior Researcher at the Nordic Defence Institute (NDI) focusing on Arctic security. Transcribed on 5 May 2023.'),
    ).toMatchObject({
      written: 'Ingrid Halvorsen',
      date: '2023-05-05',
      speaker: { name: 'Ingrid Halvorsen', affiliation: 'Nordic Defence Institute (NDI)' },
    });
  });

  it('reads a short note (name only) and strips academic titles', () => {
    expect(note('Interview with Ingrid Halvorsen. Transcribed on 5 May 2023.')).toMatchObject({
      written: 'Ingrid Halvorsen',
      date: '2023-05-05',
      speaker: { role: null, affiliation: null },
    });
    expect(note('Interview with Dr. Jane Whitfield, Director of the Fleet Review Office. Transcribed on 7 December 2023.')?.speaker).toMatchObject({
      name: 'Jane Whitfield',
      affiliation: 'Fleet Review Office',
    });
  });

  it('reads the date in several spellings', () => {
    expect(note('Interview with Jan van der Berg. Transcribed on December 3, 2023.')?.date).toBe('2023-12-03');
    expect(note('Interview with Luis Núñez. Conducted on 2023-12-04.')?.date).toBe('2023-12-04');
    expect(note('Interview with Søren Ærø. Interviewed 6 December 2023.')?.date).toBe('2023-12-06');
    expect(note('Interview with Ingrid Halvorsen, 8 December 2023.')).toMatchObject({ written: 'Ingrid Halvorsen', date: '2023-12-08' });
    expect(note('Interview with Ingrid Halvorsen. Transcribed on 3rd December 2023.')?.date).toBe('2023-12-03');
    expect(note('Interview with Ingrid Halvorsen.')).toMatchObject({ written: 'Ingrid Halvorsen', date: null });
  });

  it('reads anonymous sources and names them by their organisation’s acronym', () => {
    const acronyms = findAcronyms('the Ministry of Coastal Affairs (MCA) and the Nordic Defence Institute (NDI)');
    expect(note('Interview with an official of the Ministry of Coastal Affairs (MCA), Valdoria. Transcribed on 7 May 2023.', acronyms)).toMatchObject({
      written: 'an official of the Ministry of Coastal Affairs (MCA)',
      date: '2023-05-07',
      speaker: { key: 'anon:official|mca', name: 'MCA official', anonymous: true, affiliation: 'Ministry of Coastal Affairs (MCA), Valdoria' },
    });
    expect(note('Interview with MCA official. Transcribed on 7 May 2023. Highlights by author.', acronyms)?.speaker).toMatchObject({
      key: 'anon:official|mca',
      name: 'MCA official',
    });
    expect(note('Interview with an official at the Ministry of Coastal Affairs. Transcribed on 7 May 2023.', acronyms)?.speaker.key).toBe('anon:official|mca');
    expect(note('Interview with the spokesperson of the Nordic Defence Institute. Transcribed on 5 December 2023.', acronyms)?.speaker).toMatchObject({
      key: 'anon:spokesperson|ndi',
      name: 'NDI spokesperson',
    });
  });

  it('ignores notes that are not interviews', () => {
    expect(note('Harbour Policy Centre, Annual Report 2021.')).toBeNull();
    expect(note('See the interview with the minister in the Coastal Times, 4 May 2023.')).toBeNull();
    expect(note('Ibid.')).toBeNull();
  });

  it('parses dates and rejects what is no date', () => {
    expect(parseDate('3 December 2024')).toBe('2024-12-03');
    expect(parseDate('December 3, 2024')).toBe('2024-12-03');
    expect(parseDate('3 Dec. 2024')).toBe('2024-12-03');
    expect(parseDate('2024-12-03')).toBe('2024-12-03');
    expect(parseDate('Transcribed')).toBeNull();
    expect(parseDate('40 December 2024')).toBeNull();
    expect(parseDate('3 Smarch 2024')).toBeNull();
  });
});

describe('sentences and quotations', () => {
  it('does not end a sentence at abbreviations, initials or full stops inside quotations', () => {
    const text = 'The U.S. Navy and Dr. J. Whitfield agreed. She said “the fleet is small. It will grow.” Then the talks ended.';
    expect(sentenceSpans(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'The U.S. Navy and Dr. J. Whitfield agreed.',
      'She said “the fleet is small. It will grow.”',
      'Then the talks ended.',
    ]);
  });

  it('masks the inside of quotations, keeping its first letter and a closing full stop', () => {
    expect(maskQuotations('He said “we argue. Yes.” and left.')).toBe('He said “wx xxxxxx xxx.” and left.');
    // the capital of a quotation that opens the next sentence still ends the sentence before it
    expect(sentenceSpans('“It works,” said Ann Lee. “It costs little.”').length).toBe(2);
  });
});

// A report of the bundled report's kind: interviews identified in footnotes, block quotes after
// lead-ins, dialogue lines, a quote split over two paragraphs, quotes with no note.
const REPORT = `Test Report

1. Harbours and Alliances

The northern coast has seen rising tension over the last decade, and the navy has expanded patrols along the fjords and straits.¹ As Henrik Aaltonen explains:

Patrols alone cannot deter a determined adversary. What matters is that allies are present and visible in our waters.²

Ingrid Halvorsen adds that the alliance must look beyond its own borders:

*We must think about the Arctic and the Baltic as one theatre, because our adversaries already do.*³

This is an important development for the fleet and the harbour towns, says Rafael Okonkwo:

Without investment in the harbours themselves, the new frigates will have nowhere to dock. The budget must follow the strategy.⁴

The ministry has been cautious about publicising its plans, as one MCA official points out:

We do not announce deployments in advance. That is simply prudent, and our partners understand it.⁵

The caution extends to the ministry's partners. As an official at the Ministry of Coastal Affairs argues, this is deliberate:

Our partners learn about our exercises from us, not from the newspapers, and that is how it should remain.

2. Dialogue

Several experts weighed in on the question of burden sharing, and their views differed on the details of the arrangement.

Aaltonen: The burden must be shared more evenly, or the alliance will fray at its edges over time.⁶

Halvorsen: Every partner has to contribute something that the others cannot provide themselves in the region.

3. Longer Views

The longer view matters as much as the short one, and the experts interviewed for this report agree on that point. As Halvorsen warns:

The first thing to understand is that the Arctic is changing faster than our institutions can adapt to it.

The second thing is that our neighbours have noticed, and they are moving already.⁷

Okonkwo argued that procurement reform had stalled for a decade.⁸

Procurement reform stalled because nobody in parliament wanted to own the failures of the previous programme.⁹

The harbour towns themselves have little say in these decisions, which are made in the capital by people who rarely visit the coast.¹⁰

Aaltonen notes that the ministry remains cautious about new commitments in the north.¹¹

The fleet review lists three priorities for the coming decade:

- more patrol vessels for the northern fjords and the outer islands
- better harbour infrastructure in the small towns along the coast

The review itself put the matter plainly:

Ships without harbours are a fleet in name only, and the harbours of the north are falling apart.

¹ Fleet Review 2022.

² Interview with Henrik Aaltonen, Professor of Maritime Strategy at the University of Bergenholm. Transcribed on 4 May 2023.

³ Interview Ingrid Halvorsen, Senior Researcher at the Nordic Defence Institute (NDI). Transcribed on 5 May 2023.

⁴ Interview with Rafael Okonkwo, Director of the Harbour Policy Centre. Transcribed on 6 May 2023.

⁵ Interview with an official of the Ministry of Coastal Affairs (MCA). Transcribed on 7 May 2023.

⁶ Interview with Hernik Aaltonen. Transcribed on 4 May 2023.

⁷ Interview with Ingrid Halvorsen. Transcribed on 5 May 2023.

⁸ Harbour Policy Centre, Annual Report 2021.

⁹ Interview with Rafael Okonkwo. Transcribed on 6 May 2023.

¹⁰ Interview with Henrik Aaltonen. Transcribed on 4 May 2023.

¹¹ Interview with Henrik Aaltonen. Transcribed on 4 May 2023.
`;

describe('attribution in a report with interview footnotes', () => {
  const doc = parseMarkdown(REPORT);
  const quotes = doc.quotes.map(summarize);

  it('finds exactly the interview quotes, each whole, with speaker, note and interview date', () => {
    expect(quotes).toEqual([
      {
        kind: 'interview',
        speaker: 'Henrik Aaltonen',
        method: 'note',
        footnote: 2,
        date: '2023-05-04',
        text: 'Patrols alone cannot deter a determined adversary. What matters is that allies are present and visible in our waters.',
      },
      {
        kind: 'interview',
        speaker: 'Ingrid Halvorsen',
        method: 'note',
        footnote: 3,
        date: '2023-05-05',
        text: 'We must think about the Arctic and the Baltic as one theatre, because our adversaries already do.',
      },
      {
        kind: 'interview',
        speaker: 'Rafael Okonkwo',
        method: 'note',
        footnote: 4,
        date: '2023-05-06',
        text: 'Without investment in the harbours themselves, the new frigates will have nowhere to dock. The budget must follow the strategy.',
      },
      {
        kind: 'interview',
        speaker: 'MCA official',
        method: 'note',
        footnote: 5,
        date: '2023-05-07',
        text: 'We do not announce deployments in advance. That is simply prudent, and our partners understand it.',
      },
      // a lead-in with no note: the speaker from the lead-in; no date, since the quote has no note of its own
      {
        kind: 'interview',
        speaker: 'MCA official',
        method: 'lead-in',
        footnote: null,
        date: null,
        text: 'Our partners learn about our exercises from us, not from the newspapers, and that is how it should remain.',
      },
      // dialogue lines: with a note (which misspells the given name) and without one
      {
        kind: 'interview',
        speaker: 'Henrik Aaltonen',
        method: 'dialogue',
        footnote: 6,
        date: '2023-05-04',
        text: 'The burden must be shared more evenly, or the alliance will fray at its edges over time.',
      },
      {
        kind: 'interview',
        speaker: 'Ingrid Halvorsen',
        method: 'dialogue',
        footnote: null,
        date: null,
        text: 'Every partner has to contribute something that the others cannot provide themselves in the region.',
      },
      // two paragraphs after one lead-in, ending at the interview note
      {
        kind: 'interview',
        speaker: 'Ingrid Halvorsen',
        method: 'note',
        footnote: 7,
        date: '2023-05-05',
        text: 'The first thing to understand is that the Arctic is changing faster than our institutions can adapt to it.\n\nThe second thing is that our neighbours have noticed, and they are moving already.',
      },
      // closed by an interview note after a sentence that names the speaker, without a colon
      {
        kind: 'interview',
        speaker: 'Rafael Okonkwo',
        method: 'note',
        footnote: 9,
        date: '2023-05-06',
        text: 'Procurement reform stalled because nobody in parliament wanted to own the failures of the previous programme.',
      },
    ]);
  });

  it('gives each interviewee the affiliation of their fullest note', () => {
    const bySpeaker = new Map(doc.quotes.map((q) => [q.speaker?.name, q.speaker?.affiliation]));
    expect(Object.fromEntries(bySpeaker)).toEqual({
      'Henrik Aaltonen': 'University of Bergenholm',
      'Ingrid Halvorsen': 'Nordic Defence Institute (NDI)',
      'Rafael Okonkwo': 'Harbour Policy Centre',
      'MCA official': 'Ministry of Coastal Affairs (MCA)',
    });
  });

  it('keeps analysis that cites an interview note without a quotation set-up as analysis', () => {
    const attributed = doc.quotes.flatMap((q) => q.anchors);
    const anchorOf = (start: string) => doc.paragraphs.find((p) => p.text.startsWith(start))!.anchor;
    expect(attributed).not.toContain(anchorOf('The harbour towns themselves'));
    expect(attributed).not.toContain(anchorOf('Aaltonen notes that'));
    expect(attributed).not.toContain(anchorOf('Okonkwo argued that'));
  });

  it('does not take a list after a colon lead-in, or a passage after a lead-in that names nobody, as a quote', () => {
    expect(quotes.some((q) => q.text.includes('patrol vessels'))).toBe(false);
    expect(quotes.some((q) => q.text.startsWith('Ships without harbours'))).toBe(false);
  });

  it('merges the misspelt given name in a note into the speaker named by the other notes', () => {
    const six = doc.interviews.find((i) => i.number === 6)!;
    expect(six.written).toBe('Hernik Aaltonen');
    expect(six.speaker.name).toBe('Henrik Aaltonen');
    expect(new Set(doc.interviews.map((i) => i.speaker.key))).toEqual(
      new Set(['person:henrik aaltonen', 'person:ingrid halvorsen', 'person:rafael okonkwo', 'anon:official|mca']),
    );
  });

  it('reports no conflicts between lead-ins and notes', () => {
    expect(doc.warnings).toEqual([]);
  });
});

describe('lead-ins with a colon, in every shape', () => {
  // Each lead-in is followed by a quote without a note, so only the lead-in can name the speaker.
  const NOTES = `¹ Interview with Marta Lindqvist, Senior Fellow at the Baltic Maritime Institute. Transcribed on 12 March 2023.

² Interview with an official of the Ministry of Harbours and Coasts (MHC). Transcribed on 14 March 2023.

³ Interview with Jan van der Berg, Lecturer at the Harbour Academy. Transcribed on 15 March 2023.`;
  const leadIn = (lead: string) =>
    parseMarkdown(`The harbour question has been debated in the northern capitals for years, with little result so far.¹ ² ³

${lead}

Every harbour on this coast was built for a fleet that no longer exists, and nobody wants to pay for the new ones.

${NOTES}`).quotes.map((q) => [q.speaker?.name, q.attribution?.method, q.interviewDate]);

  it.each([
    ['As Lindqvist explains:', 'Marta Lindqvist'],
    ['As Marta Lindqvist notes:', 'Marta Lindqvist'],
    ['Lindqvist adds that the coastal towns are the real losers of the debate:', 'Marta Lindqvist'],
    ['The debate has become more urgent in recent years, says Marta Lindqvist:', 'Marta Lindqvist'],
    ['The ministry has been slow to respond, as one MHC official points out:', 'MHC official'],
    ['As an official at the Ministry of Harbours and Coasts argues, the problem is old:', 'MHC official'],
    ['According to Professor Lindqvist:', 'Marta Lindqvist'],
    ['As Van der Berg put it:', 'Jan van der Berg'],
  ])('%s', (lead, speaker) => {
    const [q] = leadIn(lead);
    expect(q?.[0]).toBe(speaker);
    expect(q?.[1]).toBe('lead-in');
    expect(q?.[2]).toBeNull(); // the quote has no note of its own, so no date is borrowed from the speaker's other notes
  });

  it('attributes nothing when the lead-in names an unnamed analyst', () => {
    expect(leadIn('As one analyst explains:')).toEqual([]);
    expect(leadIn('Analysts insist on one point:')).toEqual([]);
  });
});

// An article of the Marriage article's kind: numbered markers but no notes, quotations inline.
const ARTICLE = `Test Report

Relations between the two coastal states warmed slowly during the nineteen-nineties and into the new century.

Karl Brandt explained, “The harbour agreement was the first step toward a real partnership between our navies.”1 The reaction in the capital was mixed.

“We never expected the fleet to arrive so quickly in the northern waters,” said Elena Marsh. She spoke at length.

Sven Oddsson, a former ambassador to Valdoria, explained that “the first thing we need is patience and steady work on both sides.”2 He added that partners should not expect miracles: “they do not have to come to the northern side at all.”

Prime Minister Lena Falk’s assertion that “the coast today may be the capital tomorrow if we do nothing” shaped the debate.3

By 2019, one analyst concluded that the relationship had “flowered,” as a result of “a solidifying of common values and a deepening of mutual understanding.”4 But, analysts insist, “cooperation with the north and cooperation with the south are complementary, not contradictory.”5

The plan was described by Falk as “quiet but firm” in the press.6 Oddsson argued that the plan was “bold” and “overdue.”

The committee published its review in spring. “The fleet cannot be everywhere at once and should not try to be.” Marsh later disagreed with that view.7

Officials debated the matter for months and the press called it “a matter of national survival for the coastal towns” without naming anyone.8`;

describe('inline quotations in an article whose notes are missing', () => {
  const doc = parseMarkdown(ARTICLE);

  it('attributes each quotation to the person named next to it, with its note number', () => {
    expect(
      doc.quotes
        .filter((q) => q.speaker)
        .map((q) => ({
          kind: q.kind,
          speaker: q.speaker?.name,
          method: q.attribution?.method,
          footnote: q.footnoteNumber,
          date: q.interviewDate,
          text: q.text,
        })),
    ).toEqual([
      {
        kind: 'quote',
        speaker: 'Karl Brandt',
        method: 'inline',
        footnote: 1,
        date: null,
        text: 'The harbour agreement was the first step toward a real partnership between our navies.',
      },
      {
        kind: 'quote',
        speaker: 'Elena Marsh',
        method: 'inline',
        footnote: null,
        date: null,
        text: 'We never expected the fleet to arrive so quickly in the northern waters',
      },
      {
        kind: 'quote',
        speaker: 'Sven Oddsson',
        method: 'inline',
        footnote: 2,
        date: null,
        text: 'the first thing we need is patience and steady work on both sides.',
      },
      // "He added …": the pronoun continues the paragraph's last speaker
      { kind: 'quote', speaker: 'Sven Oddsson', method: 'inline', footnote: null, date: null, text: 'they do not have to come to the northern side at all.' },
      { kind: 'quote', speaker: 'Lena Falk', method: 'inline', footnote: 3, date: null, text: 'the coast today may be the capital tomorrow if we do nothing' },
    ]);
    expect(doc.footnotes).toEqual([]);
  });

  it('keeps the appositive ("a former ambassador to …") as the speaker’s role', () => {
    expect(doc.quotes.find((q) => q.speaker?.name === 'Sven Oddsson')!.speaker?.role).toBe('a former ambassador to Valdoria');
  });

  it('does not attribute quotations of "one analyst" or "analysts", short scare quotes, or a quotation followed by a sentence naming someone', () => {
    const texts = doc.quotes.filter((q) => q.speaker).map((q) => q.text);
    expect(texts.some((t) => /solidifying|complementary|flowered/.test(t))).toBe(false);
    expect(texts.some((t) => /quiet but firm|bold|overdue/.test(t))).toBe(false);
    expect(texts.some((t) => t.startsWith('The fleet cannot be everywhere'))).toBe(false);
    expect(texts.some((t) => t.startsWith('a matter of national survival'))).toBe(false);
  });

  it('makes an inline quotation an interview when its note is the speaker’s interview note', () => {
    const d =
      parseMarkdown(`The fleet review was read closely on the islands. As Halvorsen put it, “the fleet is the only ministry that still visits the islands every month.”¹

¹ Interview with Ingrid Halvorsen, Senior Researcher at the Nordic Defence Institute (NDI). Transcribed on 8 December 2023.`);
    expect(d.quotes.map(summarize)).toEqual([
      {
        kind: 'interview',
        speaker: 'Ingrid Halvorsen',
        method: 'inline',
        footnote: 1,
        date: '2023-12-08',
        text: 'the fleet is the only ministry that still visits the islands every month.',
      },
    ]);
  });
});

describe('quotes outside the running text', () => {
  it('never attributes quotations in a References section', () => {
    const d = parseMarkdown(`1. The Coast

Karl Brandt explained, “The harbour agreement was the first step toward a real partnership between our navies.”

References

Brandt, Karl. “The harbour agreement was the first step toward a real partnership.” Coastal Review 4 (2020), said Brandt in print.`);
    expect(d.quotes.map((q) => q.anchors[0])).toEqual([d.paragraphs[0].anchor]);
  });
});
