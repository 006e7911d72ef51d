// Cases that once went wrong, written with invented people and institutions (see fixtures/synthetic.ts).
import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk';
import { parseMarkdown, summarize, words } from './fixtures/synthetic';
import { collectFullNames, findAcronyms } from './names';
import { readSource } from './read-source';

const INTRO = 'The analysis opens with enough words here to count as prose for the heading above it.';

describe('quotations followed by their speaker', () => {
  it('takes "“…,” Name said." for the named person', () => {
    const doc = parseMarkdown(`${INTRO}\n\n“The fleet cannot be everywhere at once and it should not try to be,” Ingrid Halvorsen said.\n`);
    expect(doc.quotes.map(summarize)).toEqual([
      {
        kind: 'quote',
        speaker: 'Ingrid Halvorsen',
        method: 'inline',
        footnote: null,
        date: null,
        text: 'The fleet cannot be everywhere at once and it should not try to be',
      },
    ]);
  });

  it('takes "“…,” an official of the Ministry of X told reporters." for that anonymous source', () => {
    const doc = parseMarkdown(
      `${INTRO}\n\n“The fleet cannot be everywhere at once and it should not try to be,” an official of the Ministry of Coastal Affairs told reporters.\n`,
    );
    expect(doc.quotes.map((q) => q.speaker?.name)).toEqual(['Official, Ministry of Coastal Affairs']);
    expect(doc.quotes[0].speaker?.anonymous).toBe(true);
  });
});

describe('interview notes for anonymous sources and affiliations in brackets', () => {
  it('reads the organisation after the comma: "Interview with a senior official, Ministry of X."', () => {
    const doc = parseMarkdown(
      `${INTRO}\n\nAs the ministry puts it in private:\n\nWe will not send ships to the far seas this year, that much is clear.¹\n\n¹ Interview with a senior official, Ministry of Coastal Affairs. Transcribed on 5 December 2023.\n`,
    );
    expect(doc.quotes.map(summarize)).toEqual([
      {
        kind: 'interview',
        speaker: 'Official, Ministry of Coastal Affairs',
        method: 'note',
        footnote: 1,
        date: '2023-12-05',
        text: 'We will not send ships to the far seas this year, that much is clear.',
      },
    ]);
  });

  it('reads "Interview with a Ministry of X official." as that ministry', () => {
    const doc = parseMarkdown(
      `${INTRO}\n\nAs one official explains:\n\nThe budget for the northern fleet will grow again next year, by a wide margin.¹\n\n¹ Interview with a Ministry of Coastal Affairs official. Transcribed on 6 December 2023.\n`,
    );
    expect(doc.interviews[0].speaker.key).toBe('anon:official|ministry of coastal affairs');
    expect(doc.quotes[0].speaker?.name).toBe('Official, Ministry of Coastal Affairs');
  });

  it('keeps a bracketed affiliation out of the name', () => {
    const doc = parseMarkdown(
      `${INTRO}\n\nAs Halvorsen explains:\n\nThe long view is a dangerous comfort for any navy in these waters today.¹\n\n¹ Interview with Ingrid Halvorsen (Nordic Defence Institute). Transcribed on 1 May 2024.\n`,
    );
    expect(doc.interviews[0].speaker).toMatchObject({ name: 'Ingrid Halvorsen', affiliation: 'Nordic Defence Institute' });
    expect(doc.quotes[0].speaker?.name).toBe('Ingrid Halvorsen');
  });
});

describe('acronyms that spell the small words too', () => {
  it('finds MOFA and MOD', () => {
    const map = findAcronyms('the Ministry of Foreign Affairs (MOFA) and the Ministry of Defense (MOD)');
    expect(map.get('ministry of foreign affairs')).toBe('MOFA');
    expect(map.get('ministry of defense')).toBe('MOD');
  });

  it('merges the lead-in’s spelled-out ministry with the note’s acronym', () => {
    const doc = parseMarkdown(
      `${INTRO}\n\nAs an official at the Ministry of Foreign Affairs argues:\n\nOur partners in the north expect a clear answer from us before the summer.¹\n\n¹ Interview with an official of the Ministry of Foreign Affairs (MOFA). Transcribed on 2 March 2024.\n\nAs an official at the Ministry of Foreign Affairs argues:\n\nWe have not yet decided how many officers to send to the new office.\n`,
    );
    expect(doc.quotes.map((q) => [q.kind, q.speaker?.key, q.interviewDate])).toEqual([
      ['interview', 'anon:official|mofa', '2024-03-02'],
      ['interview', 'anon:official|mofa', null], // no note of its own: no borrowed date
    ]);
  });
});

describe('names after titles', () => {
  it('finds a name after several title words at the start of a sentence', () => {
    expect(collectFullNames('As Prime Minister Lena Falk said, this is it.')).toEqual(['Lena Falk']);
  });

  it('ends a name at a possessive', () => {
    expect(collectFullNames('Prime Minister Falk Lena’s Free and Open Initiative')).toEqual(['Falk Lena']);
  });

  it('attributes "as Falk explained, “…”" once the full name appears after titles', () => {
    const doc = parseMarkdown(
      `As Prime Minister Lena Falk said in May, the coast matters. Later, as Falk explained, “the coast is the first line of our defence and it always has been.”\n`,
    );
    expect(doc.quotes.map((q) => q.speaker?.name)).toEqual(['Lena Falk']);
  });
});

describe('anonymous descriptions that name no institution', () => {
  it('does not make "one European commentator" a speaker', () => {
    const doc = parseMarkdown(
      `${INTRO}\n\nAs one European commentator summarized, “The long-held notion that the coast is safe is no longer accurate in any sense.”\n`,
    );
    // kept as a quotation (it reads as someone's words) but attributed to nobody
    expect(doc.quotes.map((q) => q.speaker)).toEqual([null]);
  });
});

describe('headings before a short lead-in', () => {
  it('keeps a numbered heading whose section opens with "As X warns:"', () => {
    const doc = parseMarkdown(
      `1. Opening\n\n${INTRO}\n\n2. Longer Views\n\nAs Henrik Aaltonen warns:\n\nThe long view is a dangerous comfort for any navy in these waters today.¹\n\n¹ Interview with Henrik Aaltonen. Transcribed on 1 May 2024.\n`,
    );
    expect(doc.sections.map((s) => s.heading)).toEqual([null, '1. Opening', '2. Longer Views']);
    expect(doc.quotes[0].sectionIndex).toBe(2);
  });
});

describe('chunk sizes', () => {
  it('keeps analysis chunks at or under 250 words even with lumpy sentences', () => {
    // capitalised tags make each of the five a sentence of its own
    const sentence = (n: number, tag: string) => `${words(n - 1, tag)} end.`;
    const paragraph = [sentence(99, 'Sa'), sentence(99, 'Sb'), sentence(59, 'Sc'), sentence(99, 'Sd'), sentence(99, 'Se')].join(' ');
    const doc = parseMarkdown(`${paragraph}\n`);
    const sizes = chunkDocument(doc)
      .filter((c) => c.kind === 'analysis')
      .map((c) => c.wordCount);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(455);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(250);
  });

  it('cuts a single 301-word sentence at clause ends', () => {
    const clauses = Array.from({ length: 7 }, (_, i) => words(43, `k${i}`)).join(', ');
    const doc = parseMarkdown(`Start ${clauses} end.\n`);
    const sizes = chunkDocument(doc)
      .filter((c) => c.kind === 'analysis')
      .map((c) => c.wordCount);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(303);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(250);
  });
});

describe('front matter errors', () => {
  it('names the file line once, without the YAML parser’s own count', () => {
    expect(() => readSource('x.md', '---\ntitle: "open\nb: [\n---\nbody\n')).toThrow(/^x\.md:\d+: broken front matter: (?!.*at line)/);
  });
});

describe('document URLs', () => {
  it('refuses a url that is not an http(s) address, naming the file', () => {
    expect(() => readSource('x.md', '---\ntitle: T\nurl: "javascript:alert(1)"\n---\nBody text.\n')).toThrow(/^x\.md: "url" must be an http\(s\) address/);
  });

  it('accepts an https address', () => {
    expect(readSource('x.md', '---\ntitle: T\nurl: https://example.org/report.pdf\n---\nBody text.\n').meta.url).toBe('https://example.org/report.pdf');
  });
});
