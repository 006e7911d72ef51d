// Anonymous group speakers in research write-ups. Every text is invented.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './fixtures/synthetic';
import { groupDescriptor, headingGroup } from './group-speakers';

const quotes = (body: string) =>
  parseMarkdown(body).quotes.map((q) => ({ speaker: q.speaker?.name ?? null, anonymous: q.speaker?.anonymous ?? null, text: q.text }));

const WRITE_UP = `# Round 2 findings

## Participants

We talked to four participants: two teachers and two parents from the Lakeside district.

## Findings

#### General feedback

- Two participants could not find the calendar.
- "The search box is hidden at the bottom of the page."

### Teachers in partner schools:

Both teachers opened the lesson library first.

Quotes:

> "I always print the weekly plan before class. A button for that would save me time."
>
> "Where do I see which lessons my colleagues already used?"

#### Unclear terms for teachers

+ "Lesson Planner."
+ "What does the progress board actually show me?" [the dashboard]

#### Positive feedback from members of the parent community

- "The colours are calm and easy on the eyes."
- Liked the "quick start" guide, which they found helpful.
- "Finally a page that loads fast." (Refers to the timetable page)
`;

describe('quoted items under a heading that names their group', () => {
  it('gives each quoted item the singular description the heading gives, anonymous', () => {
    expect(quotes(WRITE_UP)).toEqual([
      { speaker: 'participant', anonymous: true, text: 'The search box is hidden at the bottom of the page.' },
      { speaker: 'teacher', anonymous: true, text: 'I always print the weekly plan before class. A button for that would save me time.' },
      { speaker: 'teacher', anonymous: true, text: 'Where do I see which lessons my colleagues already used?' },
      { speaker: 'teacher', anonymous: true, text: 'What does the progress board actually show me?' },
      { speaker: 'parent community member', anonymous: true, text: 'The colours are calm and easy on the eyes.' },
      { speaker: 'parent community member', anonymous: true, text: 'Finally a page that loads fast.' },
    ]);
  });

  it('leaves the items unattributed when the document reports on nobody it talked to', () => {
    const body = WRITE_UP.replace(/## Participants\n\nWe talked to four participants: two teachers and two parents from the Lakeside district\./, '').replace(
      'Two participants',
      'Two readers',
    );
    const found = quotes(body);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((q) => q.speaker === null)).toBe(true);
  });

  it('does not take a group mentioned near the items, nor a credit in parentheses, for the speaker', () => {
    const body = `## Methodology

We interviewed six participants, most of them nurses from the county hospital.

## Results

The nurses we spoke to were blunt about the rota tool.

- "Nobody on the night shift ever sees the updated rota in time."
- "The rota tool keeps logging me out during the handover." (Maria Lopez, ward manager)
`;
    expect(quotes(body).filter((q) => q.speaker !== null)).toEqual([]);
  });
});

describe('the description a heading gives', () => {
  it.each([
    ['Federal employees in partner agencies:', 'federal employee', 'partner agencies'],
    ['Tech community:', 'tech community member', null],
    ['Positive feedback from members of the tech community', 'tech community member', null],
    ['What students told us', 'student', null],
    ['Caregivers said', 'caregiver', null],
    ['Staff', 'staff member', null],
  ])('%s', (heading, name, affiliation) => {
    expect(headingGroup(heading)).toEqual({ name, affiliation });
  });

  it('reads no group from a heading about something else', () => {
    for (const h of ['Overall findings', 'Next steps', 'Customer service', 'Budget of the Agency', 'Methodology']) expect(headingGroup(h)).toBeNull();
    expect(groupDescriptor('Harbour Trust employees')).toBeNull(); // an organisation's name is not a description of a person
  });
});

describe('a credit that describes its speaker', () => {
  const body = (credit: string) =>
    `The survey ran for a month.\n\nI stopped answering issues at night, and my weekends came back within a month.\n\n${credit}\n\nMore advice follows below.`;
  it('gives the quote above it to the described speaker, anonymous', () => {
    expect(quotes(body('— open source maintainer'))).toEqual([
      { speaker: 'open source maintainer', anonymous: true, text: 'I stopped answering issues at night, and my weekends came back within a month.' },
    ]);
    expect(quotes(body('— a volunteer in a rural library'))[0]).toMatchObject({ speaker: 'volunteer', anonymous: true });
  });

  it('reads no speaker from a credit that describes no person', () => {
    expect(quotes(body('— annual report of the library')).filter((q) => q.speaker)).toEqual([]);
  });
});

describe('a lead-in of its own that labels the quoted items after it', () => {
  it('hands them to the group it names, or to the participants when it names none', () => {
    const body = `## Method

We ran three sessions with participants from two libraries.

## Navigation

Most people found the catalogue quickly.

Quotes:

> "The search page is clear, I found the book in seconds.""
>
> "I expected the opening hours on the first page

Parents told us:

- "My kids need the reading list on the phone, not on paper."

The rest of the session covered the events page.

- "The events page is too long to scroll on a phone."
`;
    expect(quotes(body)).toEqual([
      { speaker: 'participant', anonymous: true, text: 'The search page is clear, I found the book in seconds.' },
      { speaker: 'participant', anonymous: true, text: 'I expected the opening hours on the first page' },
      { speaker: 'parent', anonymous: true, text: 'My kids need the reading list on the phone, not on paper.' },
    ]);
  });
});

it('reads a label quoted alone under a group heading as no remark', () => {
  const body = `## Method\n\nWe ran three sessions with participants.\n\n#### Unclear terms for teachers\n\n- "progress board"\n- "Lesson Planner"\n- "What does the progress board show?"\n`;
  expect(quotes(body).map((q) => q.text)).toEqual(['What does the progress board show?']);
});

it('does not give the researchers’ own questions under "Questions:" to the participants', () => {
  const body = `## Method\n\nWe talked to five participants.\n\nQuestions:\n\n- "How did you first hear about the library app?"\n- "What do you do when a book is not on the shelf?"\n`;
  expect(quotes(body).filter((q) => q.speaker)).toEqual([]);
});
