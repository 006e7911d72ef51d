// House styles probed on invented passages (issue 10): each case failed before its rule was added.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './fixtures/synthetic';
import { collectFullNames } from './names';

const speakers = (body: string) => parseMarkdown(body).quotes.map((q) => [q.speaker?.name ?? null, q.kind, q.text.slice(0, 24)]);

describe('newspaper and report conventions', () => {
  it.each([
    [
      'a title of address between the closing mark and the surname ("Mr. Greaves said")',
      'Alan Greaves visited the site on Friday. “We will have trains running by the spring,” Mr. Greaves told reporters.',
      [['Alan Greaves', 'quote', 'We will have trains runn']],
    ],
    [
      'a full name after a title of office ("Transport Secretary Alan Greaves") for a later surname',
      'Transport Secretary Alan Greaves visited the site on Friday. “We will have trains running by the spring,” Greaves said.',
      [['Alan Greaves', 'quote', 'We will have trains runn']],
    ],
    [
      'an anonymous source after the quote, with a lower-case ministry',
      '“We were told not to discuss the audit before the election,” said a senior official at the finance ministry, who spoke on condition of anonymity.',
      [['Official, finance ministry', 'quote', 'We were told not to disc']],
    ],
    [
      'an anonymous source whose lead-in says why it is not named',
      'The barrier cost four billion euros. A senior official at the infrastructure ministry, who asked not to be named, said:\n\n*The barrier buys us twenty years at most, and we are spending them arguing about who pays.*',
      [['Official, infrastructure ministry', 'quote', 'The barrier buys us twen']],
    ],
    [
      'a "(7)" marker after an italic block quote and its "(7)" note under References',
      'Most of the grain leaves by rail.\n\nSolberg said:\n\n*The trains are older than I am, and they break down every winter without fail.*(7)\n\nReferences\n\n(7) Interview with Henrik Solberg, Port of Velda, 4 March 2022.',
      [['Henrik Solberg', 'interview', 'The trains are older tha']],
    ],
    [
      'an institution between the name and the verb ("Professor X of the Y Centre writes that")',
      'Professor Rafael Quintero of the Andes Policy Centre writes that “the licences are granted in the capital by people who have never seen the river.”',
      [['Rafael Quintero', 'quote', 'the licences are granted']],
    ],
    [
      'a noun that looks like a speech verb in the clause before the quotation ("that the state had")',
      'A federal judge blocked the plan.\n\nHelen Ward wrote that the state had “ignored its own data on travel times for every patient.”',
      [['Helen Ward', 'quote', 'ignored its own data on ']],
    ],
    [
      'a quotation inside a list item, with its speaker named next to it',
      'The survey asked farmers what they needed most.\n\n- Credit. As Oskar Berg put it, *“the bank wants a house as security, and none of us owns one outright.”*\n- Roads, which the county has promised for a decade and that “will never come.”',
      [['Oskar Berg', 'quote', 'the bank wants a house a']],
    ],
    [
      'a colon lead-in that judges how the speaker spoke ("Quintero was blunt:")',
      'Rafael Quintero, a researcher in Bogotá, has studied the licences.\n\nQuintero was blunt:\n\n*The licences are granted in the capital by people who have never seen the river.*',
      [['Rafael Quintero', 'quote', 'The licences are granted']],
    ],
    [
      'a full name set off after a role noun after the quote ("Dorrance’s lawyer, Ellen Mott, said")',
      'Jane Dorrance is a hydrologist.\n\n“The dams were never inspected properly in twenty years,” Dorrance’s lawyer, Ellen Mott, said.',
      [['Ellen Mott', 'quote', 'The dams were never insp']],
    ],
    [
      '“…,” he said after a sentence of this paragraph in which he spoke, nobody named since',
      'The pipes burst twice last winter.\n\nThe council has set aside four million pounds. Its finance chief, Gareth Lyle, said the sum was all the city could afford. “We would like to do more, but we have to keep the libraries open too,” he said.',
      [['Gareth Lyle', 'quote', 'We would like to do more']],
    ],
    [
      'no person for an organisation that speaks "in its submission"',
      'In its written submission, Marlow Water stated:\n\n> The network was designed for a town of 20,000 and has not been expanded since.\n\nMarlow Water said in its annual report that “the network was designed for a town a quarter of its size.”',
      [[null, 'quote', 'The network was designed']],
    ],
    [
      'an interview cited in brackets after the quotation, in two styles',
      'Amara Osei, chief engineer of Marlow Water, has inspected the pipes since 2011.\n\nThe network “was designed for a town a quarter of this size, and it shows every winter” (interview with Amara Osei, 5 May 2021). “Every winter we find another pipe that nobody knew existed” (Osei, interview, 2021).',
      [
        ['Amara Osei', 'interview', 'was designed for a town '],
        ['Amara Osei', 'interview', 'Every winter we find ano'],
      ],
    ],
    [
      'whose words they are ("in Osei’s words, “…”")',
      'Amara Osei, chief engineer of Marlow Water, has inspected the pipes since 2011.\n\nThe network, in Osei’s words, “was designed for a town a quarter of this size and it shows every winter.”',
      [['Amara Osei', 'quote', 'was designed for a town ']],
    ],
    [
      'no speaker from a name after a preposition ("A colleague of Amara Osei said:")',
      'Tim Rask chairs the board. Amara Osei is its chief engineer.\n\nA colleague of Amara Osei said: “The board knew about the pipes for years and chose to wait.”',
      [[null, 'quote', 'The board knew about the']],
    ],
    [
      '“…,” he said left unsettled when the paragraph before names someone else (genders are not known)',
      'Amara Osei inspected the pipes last winter.\n\nThe council has set aside four million pounds. Its finance chief, Gareth Lyle, said the sum was all the city could afford. “We would like to do more, but we have to keep the libraries open too,” he said.',
      [[null, 'quote', 'We would like to do more']],
    ],
    [
      'a lone given name whose appositive describes a person ("Maria, a nurse who …, said:")',
      'Staff at the clinic are exhausted. Maria, a nurse who has worked there for twelve years, said:\n\n*We work double shifts every week and nobody in the ministry has ever visited us.*',
      [['Maria', 'quote', 'We work double shifts ev']],
    ],
    [
      'a pronoun lead-in with a weak verb ("Osei described the first inspection. She continued:")',
      'Amara Osei has inspected the pipes since 2011.\n\nOsei described the first inspection. She continued:\n\n*We found pipes from 1890 still carrying water to the hospital, and nobody had a map of them.*',
      [['Amara Osei', 'quote', 'We found pipes from 1890']],
    ],
    [
      'a spokesperson for an organisation named after the quote',
      '“We know the pipes are old and we are replacing them as fast as we can,” a spokesperson for Marlow Water said.',
      [['Spokesperson, Marlow Water', 'quote', 'We know the pipes are ol']],
    ],
    [
      'no speaker for “…,” Ms. Rask said when a relative is named by given name only or the surname has both titles',
      'Tim Rask chairs the board. His wife, Ella, runs the farm below the dam.\n\n“The water comes through the kitchen every spring,” Ms. Rask said.\n\nEdith Moll and Ms. Moll’s brother, Mr. Moll, farm upstream. “The dam is safe and always has been,” Mr. Moll said.',
      [],
    ],
    [
      '“…,” she said not given to a person the document titles only “Mr.”, and still to one it titles “Ms.”',
      'Tim Rask chairs the board. Mr. Rask said the board had done its best. “That is simply not true, and the minutes show it,” she said.\n\nElla Moll farms below the dam. Ms. Moll said the water came every spring. “It comes through the kitchen and nobody at the board cares,” she said.',
      [['Ella Moll', 'quote', 'It comes through the kit']],
    ],
  ])('%s', (_name, body, expected) => {
    expect(speakers(body)).toEqual(expected);
  });
});

describe('a name before the quotation and another after it', () => {
  it('gives “…,” X said not to X when someone else is named before the quotation in its sentence', () => {
    const body =
      'Jane Dorrance and Tim Rask disagree about the dams.\n\nRask called the plan “a disaster waiting to happen for everyone downstream,” Dorrance said. “The dams were never inspected properly,” Dorrance said.';
    expect(speakers(body)).toEqual([['Jane Dorrance', 'quote', 'The dams were never insp']]);
  });
});

describe('interview notes in the styles of other publishers', () => {
  it.each([
    'Rafael Quintero, in discussion with the author, May 2018.',
    'Rafael Quintero, e-mail message to the author, 12 May 2018.',
    'Rafael Quintero, conversation with the author, 12 May 2018.',
    'Interview, Rafael Quintero, 12 May 2018.',
    'Author interview with Rafael Quintero, Bogotá, 12 May 2018.',
    'Interview conducted with Rafael Quintero on 12 May 2018.',
    'Interview of Rafael Quintero by the author, 12 May 2018.',
    'Conversation with Rafael Quintero, Bogotá, 12 May 2018.',
  ])('%s', (note) => {
    const body = `Mining licences have doubled since 2010.\n\nOne researcher sees the pattern clearly:\n\n*The licences are granted in the capital by people who have never seen the river.*[^1]\n\n[^1]: ${note}`;
    expect(parseMarkdown(body).quotes.map((q) => [q.speaker?.name ?? null, q.kind])).toEqual([['Rafael Quintero', 'interview']]);
  });
});

describe('full names after a title of office', () => {
  it('takes the name after the last title or job word, also when an organisation heads the run', () => {
    expect(
      collectFullNames(
        'Transport Secretary Alan Greaves spoke. Marlow Water Chief Engineer Amara Osei presented the plan. Valley Board Secretary Tom Hale agreed. The United Nations Development Programme met.',
      ),
    ).toEqual(['Alan Greaves', 'Amara Osei', 'Tom Hale']);
  });
});
