// The manuals' own published examples of a secondary citation and of an interview, reproduced by
// the same code that cites the corpus (CSL styles in lib/cite/styles, joins in cite-quote.ts).
import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../types';
import type { CitableQuote } from './citable';
import { clipboardText } from './clipboard';
import { formatCsl } from './document-citations';
import { citeCitable, quotedIn } from './index';
import { ensureStylesRegistered } from './styles';

const quote = (document: DocumentInfo, over: Partial<CitableQuote>): CitableQuote => ({
  kind: 'quote',
  text: 'x',
  speaker: null,
  footnote: null,
  interviewDate: null,
  dateLabel: null,
  interviewer: null,
  page: null,
  document,
  ...over,
});

describe('Chicago (CMOS 14.260, citations taken from secondary sources)', () => {
  // CMOS 17 14.260 as quoted by the SFU Library guide (lib.sfu.ca/help/cite-write/citation-style-guides/chicago/secondary-sources):
  //   1. Louis Zukofsky, "Sincerity and Objectification," Poetry 37 (February 1931): 269, quoted in Bonnie Costello,
  //   Marianne Moore: Imaginary Possessions (Cambridge, MA: Harvard University Press, 1981), 78.
  // CMOS 18 drops the place of publication (and the CSL style with it), so "Cambridge, MA:" is not expected.
  it('reproduces the "quoted in" note: the original, then the work consulted', () => {
    ensureStylesRegistered();
    const zukofsky = new Cite({
      id: 'z',
      type: 'article-journal',
      author: [{ family: 'Zukofsky', given: 'Louis' }],
      title: 'Sincerity and Objectification',
      'container-title': 'Poetry',
      volume: '37',
      issued: { 'date-parts': [[1931, 2]] },
    });
    const original = formatCsl(zukofsky, 'citation', 'chicago', { id: 'z', locator: '269', label: 'page' });
    const costello: DocumentInfo = {
      id: 'costello',
      title: 'Marianne Moore: Imaginary Possessions',
      authors: ['Bonnie Costello'],
      date: '1981',
      publisher: 'Harvard University Press',
      place: 'Cambridge, MA',
      url: null,
      kind: 'book',
    };
    const consulted = citeCitable(quote(costello, { kind: 'analysis', page: 78 })).chicago;
    expect(quotedIn(original, consulted.inText)).toBe(
      'Louis Zukofsky, “Sincerity and Objectification,” Poetry 37 (February 1931): 269, quoted in Bonnie Costello, Marianne Moore: Imaginary Possessions (Harvard University Press, 1981), 78.',
    );
    // the bibliography lists the work consulted
    expect(consulted.entry).toBe('Costello, Bonnie. Marianne Moore: Imaginary Possessions. Harvard University Press, 1981.');
  });

  // Interviews. CMOS Q&A (chicagomanualofstyle.org, Documentation faq0026, citing CMOS 14.219):
  //   8. Benjamin Spock, interview by Milton J. E. Senn, November 20, 1974, interview 67A, transcript, …
  // (the archive part is not a field of ours). Unnamed interviewee, CMOS 17 14.214 via the TRU/Ivy Tech
  // library guides: "Interview with health care worker, August 10, 1999."
  const book: DocumentInfo = { id: 'b', title: 'A Book', authors: ['Ann Author'], date: '2001', publisher: 'Press', place: null, url: null, kind: 'book' };
  it('reproduces an interview with its interviewer and date', () => {
    const c = citeCitable(
      quote(book, {
        kind: 'interview',
        speaker: { name: 'Benjamin Spock', role: null, affiliation: null },
        interviewer: 'Milton J. E. Senn',
        interviewDate: '1974-11-20',
        dateLabel: 'interviewed',
      }),
    );
    expect(c.chicago.inText.startsWith('Benjamin Spock, interview by Milton J. E. Senn, November 20, 1974, quoted in Ann Author, A Book')).toBe(true);
  });
  it('reproduces an interview with an unnamed source', () => {
    const c = citeCitable(
      quote(book, {
        kind: 'interview',
        speaker: { name: 'health care worker', role: null, affiliation: null, anonymous: true },
        interviewDate: '1999-08-10',
        dateLabel: 'interviewed',
      }),
    );
    expect(c.chicago.inText.startsWith('Interview with health care worker, August 10, 1999, quoted in ')).toBe(true);
  });
});

describe('APA 7 (§8.6, secondary sources)', () => {
  // APA Publication Manual 7th ed. §8.6 example, as given by library guides (e.g. Alliant, UT Southwestern):
  //   "Allport's diary (as cited in Nicholson, 2003)"; parenthetical "(Allport, as cited in Nicholson, 2003)";
  //   reference: Nicholson, I. (2003). Inventing personality: Gordon Allport and the science of selfhood.
  //   American Psychological Association. https://doi.org/10.1037/10514-000
  const nicholson: DocumentInfo = {
    id: 'nicholson',
    title: 'Inventing personality: Gordon Allport and the science of selfhood',
    authors: ['Ian Nicholson'],
    date: '2003',
    publisher: 'American Psychological Association',
    place: null,
    url: 'https://doi.org/10.1037/10514-000',
    kind: 'book',
  };
  it('reproduces "(Allport, as cited in Nicholson, 2003)" and lists only the work read', () => {
    const c = citeCitable(quote(nicholson, { speaker: { name: 'Gordon Allport', role: null, affiliation: null } }));
    expect(c.apa.inText).toBe('(Allport, as cited in Nicholson, 2003)');
    expect(c.apa.entry).toBe(
      'Nicholson, I. (2003). Inventing personality: Gordon Allport and the science of selfhood. American Psychological Association. https://doi.org/10.1037/10514-000',
    );
  });
  // An interview reported in a published work is cited through that work, its year given when the
  // work dates the interview: "(Jimbo, 2024, as cited in van der Veere, 2025)" follows §8.6's
  // "(Rabbitt, 1982, as cited in Lyon et al., 2014)" pattern (year of the original, then the work read).
  it('gives the original year only when the date is when the words were said', () => {
    const q = quote(nicholson, { kind: 'interview', speaker: { name: 'Gordon Allport', role: null, affiliation: null }, interviewDate: '1937-05-01' });
    expect(citeCitable({ ...q, dateLabel: 'interviewed' }).apa.inText).toBe('(Allport, 1937, as cited in Nicholson, 2003)');
    expect(citeCitable({ ...q, dateLabel: 'transcribed' }).apa.inText).toBe('(Allport, as cited in Nicholson, 2003)');
  });
});

describe('MLA 9 (6.77, indirect sources)', () => {
  // MLA Handbook 9th ed. 6.77, as given by library guides (e.g. Okanagan College, Purdue OWL):
  //   Ravitch argues that high schools are pressured to act as "social service centers, and they don't do
  //   that well" (qtd. in Weisman 259).
  // The guides give only the in-text form; Weisman's work is reduced to its author for the test.
  const weisman: DocumentInfo = { id: 'w', title: 'An Article', authors: ['Weisman'], date: '2001', publisher: null, place: null, url: null, kind: 'article' };
  it('reproduces "(qtd. in Weisman 259)" after the quote, the original named in the sentence', () => {
    const c = citeCitable(quote(weisman, { speaker: { name: 'Diane Ravitch', role: null, affiliation: null }, page: 259 }));
    expect(c.mla.inText).toBe('(qtd. in Weisman 259)');
    const pasted = clipboardText('“social service centers, and they don’t do that well”', 'mla', c.mla.inText, c.mla.signal);
    expect(pasted).toBe('According to Diane Ravitch, “social service centers, and they don’t do that well” (qtd. in Weisman 259).');
  });
  // An interview is cited like any indirect source: MLA lists the work consulted, not the interview.
  it('cites a reported interview with "qtd. in" and lists only the work consulted', () => {
    const c = citeCitable(
      quote(weisman, {
        kind: 'interview',
        speaker: { name: 'Diane Ravitch', role: null, affiliation: null },
        page: 259,
        interviewDate: '2000-01-02',
        dateLabel: 'interviewed',
      }),
    );
    expect(c.mla.inText).toBe('(qtd. in Weisman 259)');
    expect(c.mla.entry).not.toMatch(/Ravitch|Interview/);
  });
});
