// How web posts name a speaker at the attribution. Every text is invented.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './fixtures/synthetic';
import { handleAsName, misspeltSurname, splitRoleName } from './speaker-hints';

const quotes = (body: string) => parseMarkdown(body).quotes.map((q) => ({ speaker: q.speaker?.name ?? null, role: q.speaker?.role ?? null, text: q.text }));

describe('speakers as web posts credit them', () => {
  it('reads a job title before the name as the role, also after an organisation’s acronym', () => {
    const body = `The harbour app went live in May.

“We wanted every ferry time on one screen, and now the whole crew can see it,” HBX Senior Developer Nora Vik said. Vik led the team.

“Nothing we built was harder than the timetable import,” Lead Designer Pal Rud said.`;
    expect(quotes(body)).toEqual([
      { speaker: 'Nora Vik', role: 'Senior Developer', text: 'We wanted every ferry time on one screen, and now the whole crew can see it' },
      { speaker: 'Pal Rud', role: 'Lead Designer', text: 'Nothing we built was harder than the timetable import' },
    ]);
  });

  it('takes a curly opening closed by a straight mark as one quotation, continuing its speaker', () => {
    const body = `“The ferries will run every hour from June on,” said Ida Holm, the head of the board. “As a mother of two, I know what that means for families on the islands."`;
    expect(quotes(body).map((q) => q.speaker)).toEqual(['Ida Holm', 'Ida Holm']);
  });

  it('gives “she explained” to the person the paragraph opens with when nobody else is named', () => {
    const body = `The board met in March.

“We have to agree on the budget first,” said Ola Berg.

Ida Holm, director of the Harbour Board, closed the day. Holm spoke about the timetable. "This is not only about boats," she explained, "but about how people get to work."`;
    expect(quotes(body).map((q) => q.speaker)).toEqual(['Ola Berg', 'Ida Holm', 'Ida Holm']);
    const two = body.replace('Holm spoke about the timetable.', 'Holm thanked Per Dahl for the timetable.');
    expect(quotes(two).slice(1)).toEqual([]); // two people named before "she": left alone (too short to keep without a speaker)
  });

  it('keeps a surname misspelt at the attribution as the text spells it, and a lone unknown word as nobody', () => {
    const body = `Ida Holmqvist opened the summit on digital services.

“Every step forward is a win for the people who use these services,” Holmkvist summarized.

“Every step forward is a win for the people who use these services,” Norway summarized.`;
    expect(quotes(body).map((q) => q.speaker)).toEqual(['Holmkvist']);
  });
});

describe('a quotation closing a sentence that the last speaker opens', () => {
  const body = (second: string) => `Ida Holm, director of the Harbour Board, closed the day. "We will not wait for the ministry," she explained.

${second}, "This plan is the best chance the islands have had in years."`;
  it('stays with that speaker when nobody else is named in the sentence', () => {
    expect(
      quotes(
        body(
          'Holm highlighted the new timetable for the northern ferries and urged the island councils to adopt it well before the first storms of the winter',
        ),
      ).map((q) => q.speaker),
    ).toEqual(['Ida Holm', 'Ida Holm']);
  });
  it('is left alone when the sentence opens with someone else or names someone else', () => {
    expect(
      quotes(
        body(
          'Per Dahl highlighted the new timetable for the northern ferries and urged the island councils to adopt it well before the first storms of the winter',
        ),
      )[1]?.speaker ?? null,
    ).toBeNull();
    expect(
      quotes(
        body('Holm highlighted the timetable that Per Dahl drew up for the northern ferries and urged the island councils to adopt it well before the winter'),
      )[1]?.speaker ?? null,
    ).toBeNull();
  });
});

describe('singular they after one person’s quotation', () => {
  it('continues that person, and only when nobody else comes between', () => {
    const body = `Here is how @kfrost answered a first pull request: @kfrost commented "Thanks for the patch, I will look at it on Monday." Two days later they said "You are right, this module needs a rewrite and I would welcome your help."`;
    expect(quotes(body).map((q) => q.speaker)).toEqual(['@kfrost', '@kfrost']);
    const other = body.replace('Two days later they said', 'Two days later the Lund twins wrote back and they said');
    expect(quotes(other).map((q) => q.speaker)).toEqual(['@kfrost', null]);
  });
});

describe('the readings one by one', () => {
  it('splits a title from a name only when two or three name words follow it', () => {
    expect(splitRoleName('Presidential Innovation Fellow Jo Ann Berg')).toEqual({ name: 'Jo Ann Berg', role: 'Presidential Innovation Fellow' });
    expect(splitRoleName('Developer Berg')).toBeNull();
    expect(splitRoleName('Jane Doe')).toBeNull();
  });
  it('finds a misspelt surname only when one person is that close', () => {
    expect(misspeltSurname('Martorna', ['Jane Martorana', 'Ola Berg'])).toBe('Jane Martorana');
    expect(misspeltSurname('Bergs', ['Jane Berg', 'Ola Berg'])).toBeNull();
    expect(misspeltSurname('Lind', ['Jane Lund'])).toBeNull(); // too short to tell a typo from another name
  });
  it('takes a lower-case display name that is the handle for the handle, never an organisation’s', () => {
    expect(handleAsName('jdoe', '@jdoe')).toBe('@jdoe');
    expect(handleAsName('ACME', '@ACME')).toBeNull();
    expect(handleAsName('jdoe', '@janedoe')).toBeNull();
  });
});

it('does not run a curly opening closed by a straight mark on into the next paragraph', () => {
  const body = `“The ferries will run every hour from June on,” said Ida Holm, the head of the board. “As a mother of two, I know what that means for families."\n\n“Our crews are ready for the new timetable and the summer,” said Per Dahl.`;
  expect(quotes(body).map((q) => [q.speaker, q.text.slice(0, 12)])).toEqual([
    ['Ida Holm', 'The ferries '],
    ['Ida Holm', 'As a mother '],
    ['Per Dahl', 'Our crews ar'],
  ]);
});
