// Attribution in the house styles of other publishers. Every text here is invented: the rules must hold on
// reports nobody has seen, not on the phrases of the bundled documents.
import { describe, expect, it } from 'vitest';
import { parseInterviewFootnote } from './attribution';
import { parseMarkdown } from './fixtures/synthetic';

const quotes = (body: string) =>
  parseMarkdown(body).quotes.map((q) => ({
    speaker: q.speaker?.name ?? null,
    kind: q.kind,
    method: q.attribution?.method ?? null,
    note: q.footnoteNumber,
    date: q.interviewDate,
    text: q.text,
  }));
const note = (text: string) => parseInterviewFootnote({ number: 3, text, line: 1 }, new Map());
const INTRO = 'The river authority has spent a decade arguing about the dams on the upper reaches of the valley.';

describe('interview notes in other styles', () => {
  it.each([
    ['Email interview with Tomas Berglund, Director of the Harbour Trust, 12 March 2021.', 'Tomas Berglund', '2021-03-12', 'interviewed', false],
    ['Skype interview with Ana Ruiz.', 'Ana Ruiz', null, null, false],
    ['Nadia Okafor, interview by the author, Lagos, 3 May 2019.', 'Nadia Okafor', '2019-05-03', 'interviewed', true],
    ['Author’s interview with Peter Lindahl (4 June 2018).', 'Peter Lindahl', '2018-06-04', 'interviewed', true],
    ['Carl Moss interview (Jan. 28, 2004).', 'Carl Moss', '2004-01-28', 'interviewed', false],
    ['Personal communication with Erik Sand, 5 May 2020.', 'Erik Sand', '2020-05-05', 'dated', true],
    ['Lena Holt, personal communication, 9 April 2022.', 'Lena Holt', '2022-04-09', 'dated', true],
    ['See River Review 2021, p. 4; interview with Mira Tan, Lecturer at Delft. Transcribed on 2 May 2022.', 'Mira Tan', '2022-05-02', 'transcribed', false],
    ['Rosa Diaz told the author in a telephone call.', 'Rosa Diaz', null, null, true],
  ])('%s', (text, name, date, label, byAuthor) => {
    expect(note(text)).toMatchObject({ speaker: { name }, date, dateLabel: label, byAuthor });
  });

  it('reads no interview from a URL, a document or a mention of someone else’s interview', () => {
    expect(note('https://example.org/river/2020/report.pdf')).toBeNull();
    expect(note('River Authority, Annual Report 2020, p. 12.')).toBeNull();
    expect(note('See the interview with the minister in the Valley Courier, 4 May 2023.')).toBeNull();
  });
});

describe('note markers and notes in other styles', () => {
  it.each([
    ['[4]', '[4] Interview with Ada Brook, hydrologist. Transcribed on 4 May 2023.'],
    ['^4', '^4 Interview with Ada Brook, hydrologist. Transcribed on 4 May 2023.'],
    ['[^4]', '[^4]: Interview with Ada Brook, hydrologist. Transcribed on 4 May 2023.'],
  ])('reads %s markers with their notes and attributes the block quote by its note', (marker, def) => {
    const body = `${INTRO}${marker.replace('4', '1')}\n\nAs Brook explains:\n\n*The dams were built for a climate we no longer have, and every spring proves it again.*${marker}\n\n${def.replace(/4/g, '1').replace(/ 1 May/, ' 4 May')}\n\n${def}`;
    const doc = parseMarkdown(body);
    expect(doc.footnotes.map((f) => f.number)).toEqual([1, 4]);
    expect(doc.paragraphs.every((p) => !/\[\^?\d\]|\^\d/.test(p.text))).toBe(true);
    expect(quotes(body)).toEqual([
      {
        speaker: 'Ada Brook',
        kind: 'interview',
        method: 'note',
        note: 4,
        date: '2023-05-04',
        text: 'The dams were built for a climate we no longer have, and every spring proves it again.',
      },
    ]);
  });

  it('reads endnotes under "Endnotes" and "References", a note that is only a URL, and (n) markers glued to punctuation', () => {
    const body = `${INTRO}(1) The authority disagreed.(2)\n\nEndnotes\n\n1. River Authority, Annual Report 2020.\n\n2.\thttps://example.org/river/statement`;
    const doc = parseMarkdown(body);
    expect(doc.paragraphs[0].refs.map((r) => r.number)).toEqual([1, 2]);
    expect(doc.paragraphs[0].text).toBe(`${INTRO} The authority disagreed.`);
    expect(doc.footnotes.map((f) => [f.number, f.text])).toEqual([
      [1, 'River Authority, Annual Report 2020.'],
      [2, 'https://example.org/river/statement'],
    ]);
  });
});

describe('block quotes set off by markup', () => {
  it('takes a > block of several paragraphs with one note after the last as one quote, by its interview note', () => {
    const body = `${INTRO}\n\nAs Ferreira puts it:\n\n> The valley floods every spring and nobody in the capital notices.\n>\n> Then the summer comes and the reservoirs are empty again.[^2]\n\n[^2]: Interview with Joana Ferreira, engineer at the Valley Water Board. Transcribed on 6 June 2022.`;
    const doc = parseMarkdown(body);
    expect(doc.paragraphs.filter((p) => p.blockQuote)).toHaveLength(2);
    expect(quotes(body)).toEqual([
      {
        speaker: 'Joana Ferreira',
        kind: 'interview',
        method: 'note',
        note: 2,
        date: '2022-06-06',
        text: 'The valley floods every spring and nobody in the capital notices.\n\nThen the summer comes and the reservoirs are empty again.',
      },
    ]);
  });

  it('keeps a > block with no evidence of its speaker as an unattributed quote with its lead-in', () => {
    const doc = parseMarkdown(
      `${INTRO}\n\nThe board’s charter opens with a promise:\n\n> We will keep the river open to every town along its banks, in wet years and in dry ones.`,
    );
    expect(doc.quotes.map((q) => [q.speaker, q.attribution, q.leadIn])).toEqual([[null, null, 'The board’s charter opens with a promise:']]);
  });

  it('credits a pull quote to the name on the line under it', () => {
    const body = `${INTRO}\n\nIf nobody maintains the sluices, the whole system fails within a decade, and we all know it.\n\n— Joana Ferreira, “Notes from the Valley”`;
    expect(quotes(body)).toMatchObject([{ speaker: 'Joana Ferreira', kind: 'quote', text: expect.stringMatching(/^If nobody maintains/) }]);
  });
});

describe('newspaper style', () => {
  const ARTICLE = `The council voted on Tuesday to close the old bridge.

“We cannot keep patching a structure that was designed for horses,” said Jane Doe, a partner at Doe & Hart who advised the council. “The money is better spent on a new crossing.”

Ms. Doe said the decision had been delayed for years. “Every delay made the repair more expensive, and the council knew it,” she added.

Mayor Tom Becker praised the vote. He told reporters that Jane Doe had been right all along, and the council should have listened earlier.

“I have lived in this town for forty years and never crossed it without worrying.

“Now my grandchildren will not have to,” said Maria Olsen, who lives by the river.`;
  const found = quotes(ARTICLE);

  it('attributes “…,” said NAME, the next sentence of the same speaker, “…,” she added and Ms. + surname', () => {
    expect(found.slice(0, 3).map((q) => [q.speaker, q.text])).toEqual([
      ['Jane Doe', 'We cannot keep patching a structure that was designed for horses'],
      ['Jane Doe', 'The money is better spent on a new crossing.'],
      ['Jane Doe', 'Every delay made the repair more expensive, and the council knew it'],
    ]);
  });

  it('joins a quote that runs over paragraphs and gives it to the speaker named at its end, not to the people spoken about', () => {
    expect(found.slice(3).map((q) => [q.speaker, q.text])).toEqual([
      ['Maria Olsen', 'I have lived in this town for forty years and never crossed it without worrying.\n\nNow my grandchildren will not have to'],
    ]);
    expect(found.some((q) => q.speaker === 'Tom Becker')).toBe(false);
  });
});

describe('lead-ins, names and titles', () => {
  it.each([
    ['As Ferreira explains:', 'Joana Ferreira'],
    ['Joana Ferreira, who leads the water board, said in an interview with a newspaper:', 'Joana Ferreira'],
    ['Joana writes:', 'Joana Ferreira'],
    ['In the words of Dr. Ferreira:', 'Joana Ferreira'],
    ['Ferreira put it this way:', 'Joana Ferreira'],
    ['A senior official at the water ministry argues:', 'Official, water ministry'],
  ])('%s', (lead, speaker) => {
    const body = `Joana Ferreira, an engineer, has studied the valley for twenty years.\n\n${lead}\n\n*The sluices were never meant to carry this much water in a single week of rain.*`;
    expect(quotes(body).map((q) => q.speaker)).toEqual([speaker]);
  });

  it('resolves "the President" to the only person the text titles so, and keeps the title as the role', () => {
    const doc = parseMarkdown(
      `President Lena Falk visited the dam in May. Later the President said, “We will rebuild every sluice on this river before the next flood season.”`,
    );
    expect(doc.quotes.map((q) => [q.speaker?.name, q.speaker?.role])).toEqual([['Lena Falk', 'President']]);
  });

  it('reads "in a blog post" as where the words appeared, not as another speech verb', () => {
    const doc = parseMarkdown(
      `Priya Raman leads the open budget unit.\n\nMs. Raman later wrote in a blog post that open budgets are “a habit, not a project.”`,
    );
    expect(doc.quotes.map((q) => [q.speaker?.name ?? null, q.text])).toEqual([['Priya Raman', 'a habit, not a project.']]);
  });

  it('takes no title from whom a person serves ("adviser to the President Mark Olsen")', () => {
    const doc = parseMarkdown(
      `The dam was on the agenda. The senior adviser to the President Mark Olsen stayed in the room. Later the President said, “We will rebuild every sluice on this river before the next flood season.”`,
    );
    expect(doc.quotes.map((q) => q.speaker?.name ?? null)).toEqual([null]);
  });

  it('settles nothing when a surname or a title fits two people', () => {
    const doc = parseMarkdown(
      `Anna Berg and Olaf Berg both sit on the board. President Lena Falk and President Karl Moor met in June.\n\nBerg said, “The sluices must be replaced before the next flood season begins.” Later the President said, “We will rebuild every sluice on this river before winter.”`,
    );
    expect(doc.quotes.map((q) => q.speaker)).toEqual([null, null]);
  });
});

describe('interview or published', () => {
  it('makes a quote told to the author an interview, and a quote whose note cites a blog post a published quote by the same person', () => {
    const body = `Joana Ferreira has led the board since 2019.\n\nFerreira told the author that “the budget was cut twice before anyone looked at the dams at all.”\n\nIn a blog post, Ferreira wrote that “the budget was cut twice and the dams were never inspected properly.”[^1]\n\n[^1]: Joana Ferreira, “Why the Dams Matter”, Valley Blog, 3 March 2021. https://example.org/blog/dams`;
    expect(quotes(body).map((q) => [q.speaker, q.kind, q.date])).toEqual([
      ['Joana Ferreira', 'interview', null],
      ['Joana Ferreira', 'quote', null],
    ]);
  });

  it('takes the date of an "Interviewed by the author" note for the speaker the lead-in names', () => {
    const body = `${INTRO}\n\nAs Ferreira explains:\n\n*The sluices were never meant to carry this much water in a single week.*[^1]\n\nJoana Ferreira chairs the board.\n\n[^1]: Interviewed by the author on 4 May 2023.`;
    expect(quotes(body)).toMatchObject([{ speaker: 'Joana Ferreira', kind: 'interview', note: 1, date: '2023-05-04' }]);
  });
});

describe('what is not a person’s quote', () => {
  it('attributes no title, scare quote, caption or words of an unnamed group to a person', () => {
    const doc = parseMarkdown(
      `Joana Ferreira wrote an essay titled “Why the Valley Floods Every Spring and What to Do” in 2020. Ferreira calls the plan “a bridge too far” for the board. Officials said “we would rather wait for the next budget before touching the dams at all.” The council's statement read: “The council remains committed to the safety of every resident of the valley.”`,
    );
    expect(doc.quotes.filter((q) => q.speaker)).toEqual([]);
  });

  it('leaves a quote unattributed when its note and its lead-in name different people', () => {
    const body = `${INTRO}\n\nAs Ferreira explains:\n\n*The dams were built for a climate we no longer have.*[^1]\n\nJoana Ferreira chairs the board.\n\n[^1]: Interview with Karl Moor, engineer. Transcribed on 4 May 2023.`;
    const doc = parseMarkdown(body);
    expect(doc.quotes.map((q) => q.speaker)).toEqual([null]);
    expect(doc.warnings[0].message).toMatch(/left unattributed/);
  });
});

describe('transcripts with speaker labels', () => {
  const TRANSCRIPT = [
    '# Episode 12',
    '',
    '**Ines Marlowe:** Welcome back to the show. Today we talk about river dams with Tobias Fenwick.',
    '',
    '**Tobias Fenwick:** Thanks for having me, the dams have been my work for twenty years.',
    '',
    'The first one was built before anyone measured the silt, and nobody has measured it since.',
    '',
    '**Ines Marlowe:** So what changed last year?',
    '',
    '**Tobias Fenwick**: The survey finally came back and the numbers were worse than we feared.',
  ].join('\n');

  it('gives each labelled turn, and the paragraphs it runs on over, to the labelled speaker', () => {
    const got = quotes(TRANSCRIPT);
    expect(got.map((q) => [q.speaker, q.method, q.text.slice(0, 20)])).toEqual([
      ['Ines Marlowe', 'dialogue', 'Welcome back to the s'.slice(0, 20)],
      ['Tobias Fenwick', 'dialogue', 'Thanks for having me'],
      ['Tobias Fenwick', 'dialogue', 'The first one was bu'],
      ['Ines Marlowe', 'dialogue', 'So what changed last'],
      ['Tobias Fenwick', 'dialogue', 'The survey finally c'],
    ]);
  });

  it('reads no speaker from a label that heads a single paragraph or names no person', () => {
    const body = [
      '# Findings',
      '',
      '**Key Findings:** The dams hold back more silt than the survey of 1990 assumed.',
      '',
      '**Next Steps:** The authority will measure the silt again next spring.',
      '',
      '**Ines Marlowe:** The report was written by the river authority.',
    ].join('\n');
    expect(quotes(body).filter((q) => q.speaker)).toEqual([]);
  });
});

describe('quotations credited after the closing mark', () => {
  it.each([
    ['“The new gauges paid for themselves within a season.” - **Ada Brook**', 'Ada Brook'],
    ['“The new gauges paid for themselves within a season.” -** Tomas M. Berglund**', 'Tomas M. Berglund'],
    ['“The new gauges paid for themselves within a season.” — **Nadia Okafor**', 'Nadia Okafor'],
    ['"The new gauges paid for themselves within a season." -- Carl deMoss, River Authority', 'Carl deMoss'],
  ])('%s', (line, name) => {
    const got = quotes(`${INTRO}\n\n${line}\n\n“nobody expected the silt to move that fast,” the survey notes.`);
    expect(got.filter((q) => q.speaker).map((q) => [q.speaker, q.text.slice(1, 13)])).toEqual([[name, 'The new gaug']]);
  });

  it('keeps two credited quotations apart when the second opens in lower case', () => {
    const body = `${INTRO}\n\n“Measuring the silt was the best work of my year.” -** Ada Brook**\n\n“dams are older than the maps of them, and it shows.” - **Nadia Okafor**`;
    expect(quotes(body).map((q) => q.speaker)).toEqual(['Ada Brook', 'Nadia Okafor']);
  });

  it('reads a credit line with its link markup', () => {
    const body = `${INTRO}\n\nI could not focus on a single task for weeks, and the users noticed it before I did.\n\n— <a href="https://example.org/adab">@adab</a>, keeper of the gauge data`;
    expect(quotes(body).map((q) => q.speaker)).toEqual(['@adab']);
  });

  it('gives no speaker to a credit that names no person', () => {
    expect(quotes(`${INTRO}\n\n“The dams will hold for another century.” - **the River Authority**`).filter((q) => q.speaker)).toEqual([]);
  });
});

describe('credit lines and lists of names', () => {
  it('reads no credit from a list of names under a paragraph', () => {
    const body = `${INTRO}\n\nWe thank the reviewers of the draft for their careful comments on every chapter of this report.\n\n- Ada Brook, hydrologist\n- Carl Moss, engineer`;
    expect(quotes(body).filter((q) => q.speaker)).toEqual([]);
  });
});

describe('titles with their authors', () => {
  it('reads no quotation from a short title followed by its author', () => {
    expect(quotes(`${INTRO}\n\n“Silt and Stone” - **Ada Brook**`).filter((q) => q.speaker)).toEqual([]);
  });
});

describe('quote shortcodes', () => {
  it.each([
    [
      '{{< card-quote text="Every gauge we install tells us something the old maps never did." cite="Chief Hydrologist of the Valley, Ada Brook" >}}',
      'Ada Brook',
    ],
    ['{{< card-quote cite="Nadia Okafor, a lock keeper" text="Every gauge we install tells us something the old maps never did." >}}', 'Nadia Okafor'],
    ['{{< card-quote text="Every gauge we install tells us something the old maps never did." cite="River Authority Annual Report" >}}', null],
  ])('%s', (line, name) => {
    const got = quotes(`${INTRO}\n\n${line}`);
    expect(got.map((q) => [q.speaker, q.text.slice(0, 16)])).toEqual([[name, 'Every gauge we i']]);
  });
});

describe('embedded posts', () => {
  const post = (credit: string) =>
    `<blockquote class="twitter-tweet" lang="en"><p>Great day at the <a href="https://example.org/x">#gauge</a> workshop, learned lots &amp; met the lock keepers</p>&mdash; ${credit} <a href="https://example.org/s/1">May 4, 2023</a></blockquote>`;
  it.each([
    ['Ada Brook (@adabrook)', 'Ada Brook'],
    ['Carl Moss, PhD (@cmoss)', 'Carl Moss'],
  ])('credits a post to the person who wrote it: %s', (credit, name) => {
    const got = quotes(`${INTRO}\n\n${post(credit)}`);
    expect(got.map((q) => [q.speaker, q.text])).toEqual([[name, 'Great day at the #gauge workshop, learned lots & met the lock keepers']]);
  });
  it('gives no speaker to an organisation’s post', () => {
    expect(quotes(`${INTRO}\n\n${post('River Authority (@riverauth)')}`).filter((q) => q.speaker)).toEqual([]);
  });
});

describe('a field report with endnotes copied from a PDF', () => {
  // plain digits glued after the punctuation, "Ibid.", one note backing two quotations, a place in the note, an unnamed director
  const REPORT = `# Water Security in the Sahel: Voices from the Field

## Summary

Between 2019 and 2021 our team spoke with more than forty farmers, engineers and officials in Mali, Niger and Burkina Faso. Their words shape every chapter of this report.

## 1. Wells and power

Aminata Traoré, who has run a cooperative of market gardeners near Ségou since 2008, described the problem simply. “When the pump breaks, the women walk again. Nobody in the capital counts those hours,” she said.1 Traoré told us that the cooperative had asked the district for a spare pump “every year since the drought [of 2012] and every year the answer is next year.”2

The engineer Ousmane Diallo sees it differently. “The pumps do not break. They are broken by a budget that pays for installation and never for repair,” Diallo said.3 Mr. Diallo, who advises the regional water authority, added: “A well without a mechanic is a monument, not a service.”3

Officials in Bamako describe the programme as “on track.” One regional director, who asked not to be named, was less sure: “We report wells drilled. We do not report wells working.”4

## 2. Who decides

Fatoumata Keita chairs the village water committee in Dioro. Fatoumata remembers the first meeting well: “The men said […] the women should listen. By the third meeting they were listening to us.”5

Keita quoted her predecessor, who had told her, “Never sign for a well you have not seen.”5 She keeps the advice pinned above her desk.

In a 2020 article, the economist Paul Mensah argued that “decentralisation without revenue is abandonment with paperwork.”6

## Notes

1. Interview with Aminata Traoré, Ségou, 14 February 2020.
2. Ibid.
3. Ousmane Diallo, interviewed by the authors, Bamako, 18 February 2020.
4. Interview with a regional director of the Ministry of Water, Bamako, February 2020.
5. Interview with Fatoumata Keita, Dioro, 21 March 2021.
6. Paul Mensah, "The Price of Local Water," Journal of Sahel Studies 12, no. 3 (2020): 55.`;
  const found = quotes(REPORT);
  const by = (start: string) => found.find((q) => q.text.startsWith(start));

  it('takes "“…,” she said" from the note when the paragraph names only her, and "Ibid." as the note before it', () => {
    expect(by('When the pump breaks')).toMatchObject({ speaker: 'Aminata Traoré', kind: 'interview', note: 1, date: '2020-02-14' });
    const ibid = parseMarkdown(REPORT).interviews.find((iv) => iv.number === 2);
    expect(ibid).toMatchObject({ speaker: { name: 'Aminata Traoré' }, date: '2020-02-14' });
  });

  it('reads a note number repeated after a closing quote, and the unnamed director of a note', () => {
    expect(by('A well without a mechanic')).toMatchObject({ speaker: 'Ousmane Diallo', note: 3 });
    expect(by('We report wells drilled')).toMatchObject({ speaker: 'Director, Ministry of Water', note: 4 });
  });

  it('does not give the interviewee words she says someone else told her, even under her own note', () => {
    expect(by('Never sign for a well')).toMatchObject({ speaker: null, note: 5 });
    expect(by('The men said')).toMatchObject({ speaker: 'Fatoumata Keita', note: 5 });
  });

  it('takes the place of the interview for no role', () => {
    const doc = parseMarkdown(REPORT);
    expect(doc.quotes.find((q) => q.speaker?.name === 'Fatoumata Keita')?.speaker?.role).toBeNull();
  });
});

describe('British house style: ‘single’ quotation marks, “double” inside', () => {
  const PAPER = `# Defence Procurement after Brexit

## Introduction

The United Kingdom's defence industrial strategy has been rewritten three times in a decade. This paper draws on interviews with officials and industry figures conducted in 2022.

## Industry's view

Sir Michael Hart, a former chief of defence procurement, was blunt about the record. ‘We bought the wrong things, slowly, and then we bought them again,’ he said.[1] Hart believes that ‘the department has lost the habit of saying no to its own requirements’.[1]

For Dr Rebecca Osei of the Royal United Services Institute, the problem is cultural rather than financial: ‘Money is not the constraint people think it is. Time is.’[2]

As one senior civil servant in the Ministry of Defence told the author, ‘the “urgent operational requirement” route is now the only route that works’.[3]

Some in industry describe the process as ‘procurement by exhaustion’.

Osei argues:

> The lesson of the last decade is that a requirement frozen early is a requirement that is wrong by the time the equipment arrives.[2]

## Notes

[1] Interview with Sir Michael Hart, London, 12 May 2022.

[2] Interview with Dr Rebecca Osei, Senior Research Fellow, RUSI, 19 May 2022.

[3] Interview with a senior civil servant, Ministry of Defence, 3 June 2022.`;

  it('reads quotations in single marks like double ones, keeps their nested marks verbatim, and no scare quote', () => {
    expect(quotes(PAPER).map((q) => [q.speaker, q.note, q.text.slice(0, 41)])).toEqual([
      ['Michael Hart', 1, 'We bought the wrong things, slowly, and t'],
      ['Michael Hart', 1, 'the department has lost the habit of sayi'],
      ['Rebecca Osei', 2, 'Money is not the constraint people think '],
      ['Civil servant, Ministry of Defence', 3, 'the “urgent operational requirement” rout'],
      ['Rebecca Osei', 2, 'The lesson of the last decade is that a r'],
    ]);
  });
});

describe('an edited interview with full labels first and surnames later', () => {
  const INTERVIEW = `# In Conversation: The Future of the Eurozone

## About this interview

This interview with Professor Lukas Brenner, chair of monetary economics at the University of Vienna, was conducted by Sara Pinto on 4 April 2023 and has been edited for length and clarity.

## The interview

**Sara Pinto:** Let us start with the obvious question. Is the euro safe?

**Lukas Brenner:** Safer than it was in 2012, certainly. The institutions we built in the crisis are imperfect, but they exist, and that matters more than people admit.

**Sara Pinto:** What worries you most?

**Lukas Brenner:** Complacency. Every crisis in the eurozone began when someone said the last crisis had been solved.

Brenner paused before answering the next question, which had clearly been expected.

The conversation then turned to fiscal rules.

**Pinto:** Should the rules be loosened?

**Brenner:** Not loosened. Simplified. A rule nobody can explain is a rule nobody will follow.

## Reactions

Asked about Brenner's remarks, Maria Costa, an economist at the Bank of Portugal, said she agreed “with most of it, though not with the part about simplicity.” Costa added: “Simple rules break in complicated times.”`;

  it('gives a surname label to the one full label with that name, and no editor’s line to the speaker before it', () => {
    const found = quotes(INTERVIEW).filter((q) => q.method === 'dialogue');
    expect(found.map((q) => [q.speaker, q.text.slice(0, 24)])).toEqual([
      ['Sara Pinto', 'Let us start with the ob'],
      ['Lukas Brenner', 'Safer than it was in 201'],
      ['Sara Pinto', 'What worries you most?'],
      ['Lukas Brenner', 'Complacency. Every crisi'],
      ['Sara Pinto', 'Should the rules be loos'],
      ['Lukas Brenner', 'Not loosened. Simplified'],
    ]);
  });
});

describe('a think-tank report mixing note styles, lead-ins, a roundtable and a recalled remark', () => {
  const REPORT = `# Introduction

Few regions have changed as quickly as the Arctic. Ice that once closed the northern lanes for nine months a year now closes them for five. This report draws on interviews with officials, shipowners and scholars conducted between March and November 2023.

# The shipping case

Shipowners remain cautious. Jonas Ekberg, chief executive of Baltic Reefer Lines, told the author that “the route saves eleven days on paper, but insurance eats most of that saving before the ship leaves port.”[^1] Ekberg added that his company would not commit vessels until “the ice charts can be trusted a season ahead.”[^1]

Others are more optimistic. As Dr. Mirela Stan, a maritime economist at the University of Tromsø, explains:

> The question is no longer whether the lane opens, but who will set the rules once it does. States that invest in ports and rescue capacity now will write those rules for a generation.[^2]

Stan is not alone. In the words of Professor Arvid Holm, “the north will be won by those who build the boring things: tugs, charts and radio masts.”[^3]

A senior official at the Norwegian Ministry of Foreign Affairs put it more bluntly:

> We do not want a race. We want a rulebook. But a rulebook without ships behind it is a wish list.[^4]

# Sovereignty

The legal picture is contested. Ambassador Karin Vold, who led the Nordic delegation to the 2022 talks, argues that existing law is sufficient: “The Convention already covers ice-covered areas. What is missing is the will to apply it.”[^5] Vold later said in a speech that “patience is a strategy, not a weakness.”[^6]

Not everyone agrees. According to Holm, the convention “was written for a frozen ocean and it shows.”[^3] Holm recalled that a Russian delegate once told him, “you will need our icebreakers long before we need your rules.”[^3]

Some observers call the new lanes a “blue highway,” a phrase that has stuck in the press.

# Dialogue

The following exchange took place at the Forum's Tromsø roundtable in June 2023.

Lindqvist: Is the route commercially viable before 2030?

Ekberg: Only for a few cargoes. Bulk, perhaps. Containers, no.

Stan: I would add liquefied gas. The economics there are very different.

# Conclusion

As Mirela put it at the end of our conversation, “nobody will regret building a port, but many will regret waiting.”[^2]

[^1]: Interview with Jonas Ekberg, Chief Executive, Baltic Reefer Lines. Conducted by telephone on 14 March 2023.
[^2]: Mirela Stan, interview by the author, Tromsø, 2 June 2023.
[^3]: Author's interview with Arvid Holm (9 September 2023); see also Arvid Holm, *Ice and Law* (Oslo: Fjell Press, 2019), 44.
[^4]: Interview with an official of the Norwegian Ministry of Foreign Affairs, Oslo, 12 October 2023.
[^5]: Email interview with Karin Vold, 3 November 2023.
[^6]: Karin Vold, "Patience in the North", speech at the Arctic Circle Assembly, Reykjavík, 14 October 2022, https://example.org/vold-speech.`;

  it('gives every quote its speaker, and none to words the interviewee recalls another saying', () => {
    expect(quotes(REPORT).map((q) => [q.speaker, q.kind, q.note, q.text.slice(0, 20)])).toEqual([
      ['Jonas Ekberg', 'interview', 1, 'the route saves elev'],
      ['Jonas Ekberg', 'interview', 1, 'the ice charts can b'],
      ['Mirela Stan', 'interview', 2, 'The question is no l'],
      ['Arvid Holm', 'interview', 3, 'the north will be wo'],
      ['Official, Norwegian Ministry of Foreign Affairs', 'interview', 4, 'We do not want a rac'],
      ['Karin Vold', 'interview', 5, 'The Convention alrea'],
      ['Karin Vold', 'quote', 6, 'patience is a strate'],
      ['Arvid Holm', 'interview', 3, 'was written for a fr'],
      [null, 'quote', 3, 'you will need our ic'],
      ['Jonas Ekberg', 'interview', null, 'Only for a few cargo'],
      ['Mirela Stan', 'interview', null, 'I would add liquefie'],
      ['Mirela Stan', 'interview', 2, 'nobody will regret b'],
    ]);
  });
});
