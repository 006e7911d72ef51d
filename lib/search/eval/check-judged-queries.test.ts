// Sanity checks for judged-queries.json (the hand-judged retrieval test set).
//
// * every relevant passage names an existing document, and its `textIncludes` occurs exactly
//   once in that document's text once `*` (italics) and superscript footnote digits are removed;
// * every `textIncludes` is 6–15 words on a single line, without `*` or footnote superscripts;
// * ids are unique, every query has 1–6 relevant passages, grades are 1–3, no passage is
//   judged twice for one query;
// * every "paraphrase" query shares no content-word stem (stopwords ignored, simple
//   suffix-stripping stemmer, plus a prefix rule so "europ"/"europea" still collide) with the
//   passage(s) holding its relevant substrings. The passage is the paragraph that contains the
//   substring; in documents that mark footnotes with superscripts, a paragraph that does not end
//   in a footnote marker is extended over the following paragraphs (skipping footnote blocks a
//   page break inserted) up to the one that does, so quotes split across paragraphs or page
//   breaks are checked in full. That can over-include text, which only makes the check stricter.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Grade = 1 | 2 | 3;
interface Judgement {
  document: string;
  textIncludes: string;
  speaker: string;
  grade: Grade;
}
interface JudgedQuery {
  id: string;
  query: string;
  type: 'keyword' | 'paraphrase' | 'name';
  relevant: Judgement[];
}
interface JudgedSet {
  version: number;
  queries: JudgedQuery[];
}

const corpusDir = new URL('../../../corpus/', import.meta.url);
const judged = JSON.parse(readFileSync(new URL('./judged-queries.json', import.meta.url), 'utf8')) as JudgedSet;

const SUPERSCRIPTS = '¹²³⁴⁵⁶⁷⁸⁹⁰';
const SUPERSCRIPT_ALL = new RegExp(`[${SUPERSCRIPTS}]`, 'g');
const HAS_SUPERSCRIPT = new RegExp(`[${SUPERSCRIPTS}]`);

function stripFrontMatter(raw: string): string {
  const m = /^---\n[\s\S]*?\n---\n/.exec(raw);
  return m ? raw.slice(m[0].length) : raw;
}

const rawDocs = new Map<string, string>();
for (const file of readdirSync(corpusDir)) {
  if (file.endsWith('.md')) {
    rawDocs.set(file.slice(0, -3), stripFrontMatter(readFileSync(new URL(file, corpusDir), 'utf8')));
  }
}

const normalize = (s: string): string => s.replace(/\*/g, '').replace(SUPERSCRIPT_ALL, '');

function countOccurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

// ---------------------------------------------------------------- stopwords + stemmer
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing done down during each either else even ever every few for ' +
    'from further get gets got had has have having he her here hers herself him himself his how i if in into is ' +
    'it its itself just let like may me might more most much must my myself no nor not now of off on once only ' +
    'or other others our ours ourselves out over own per quite rather same shall she should so some such than ' +
    'that the their theirs them themselves then there these they this those though through thus to too toward ' +
    'towards under until up upon us very via was we were what whatever when where whether which while who whom ' +
    'whose why will with within without would yet you your yours yourself yourselves s t d ll m re ve'
  ).split(/\s+/),
);

const SUFFIXES = [
  'izations',
  'ization',
  'ational',
  'fulness',
  'iveness',
  'ousness',
  'ations',
  'ation',
  'itions',
  'ition',
  'ments',
  'ment',
  'ness',
  'ingly',
  'ings',
  'ing',
  'edly',
  'ities',
  'ity',
  'ives',
  'ive',
  'ians',
  'eans',
  'ese',
  'ers',
  'er',
  'ously',
  'ous',
  'fully',
  'ful',
  'less',
  'isms',
  'ism',
  'ists',
  'ist',
  'ably',
  'able',
  'ibly',
  'ible',
  'ically',
  'ical',
  'ally',
  'ly',
  'ances',
  'ance',
  'ences',
  'ence',
  'ants',
  'ant',
  'ents',
  'ent',
  'ions',
  'ion',
  'ies',
  'ied',
  'ed',
  'es',
  'ics',
  'ic',
  'als',
  'al',
  's',
  'e',
  'y',
];

/** Simple suffix-stripping stemmer (strips repeatedly, never below 3 letters). */
function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/[’']/g, '');
  if (w.endsWith('ian') && w.length > 5) w = w.slice(0, -1); // asian→asia, russian→russia
  if (w.endsWith('ean') && w.length > 5) w = w.slice(0, -1); // korean→korea, european→europea
  for (let pass = 0; pass < 3; pass++) {
    const before = w;
    for (const suf of SUFFIXES) {
      if (w.endsWith(suf) && w.length - suf.length >= 3) {
        w = w.slice(0, -suf.length);
        break;
      }
    }
    if (w === before) break;
  }
  return w;
}

function contentStems(text: string): Map<string, string> {
  const stems = new Map<string, string>(); // stem -> first surface form
  for (const token of text
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^a-z']+/)) {
    const t = token.replace(/^'+|'+$/g, '');
    if (t.length < 2 || STOPWORDS.has(t) || STOPWORDS.has(t.replace(/'s$/, ''))) continue;
    const s = stem(t);
    if (!stems.has(s)) stems.set(s, t);
  }
  return stems;
}

/** Same stem, or one a prefix of the other (shorter ≥ 4 letters, at most 3 letters apart). */
function stemsCollide(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length - short.length <= 3 && long.startsWith(short);
}

// ---------------------------------------------------------------- passages
const isFootnoteParagraph = (p: string): boolean => new RegExp(`^[${SUPERSCRIPTS}]`).test(p.trim());
const endsWithFootnoteMarker = (p: string): boolean => new RegExp(`[${SUPERSCRIPTS}]\\s*$`).test(p);

/** The (normalized) passage that holds `needle`: its paragraph plus any continuation paragraphs. */
function passageFor(docId: string, needle: string): string {
  const raw = rawDocs.get(docId);
  if (raw === undefined) throw new Error(`no document ${docId}`);
  const paragraphs = raw
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const usesSuperscripts = HAS_SUPERSCRIPT.test(raw);
  const start = paragraphs.findIndex((p) => normalize(p).includes(needle));
  if (start === -1) throw new Error(`"${needle}" not in any paragraph of ${docId}`);
  const parts = [paragraphs[start]];
  if (usesSuperscripts && !endsWithFootnoteMarker(paragraphs[start])) {
    let taken = 0;
    for (let i = start + 1; i < paragraphs.length && taken < 3; i++) {
      if (isFootnoteParagraph(paragraphs[i])) continue;
      if (/^https?:\/\//.test(paragraphs[i])) continue; // stray URL line inside a footnote block
      parts.push(paragraphs[i]);
      taken++;
      if (endsWithFootnoteMarker(paragraphs[i])) break;
    }
  }
  return normalize(parts.join('\n\n'));
}

// ---------------------------------------------------------------- tests
describe('judged-queries.json', () => {
  const queries = judged.queries;

  it('has version 1 and at least 36 queries with unique ids', () => {
    expect(judged.version).toBe(1);
    expect(queries.length).toBeGreaterThanOrEqual(36);
    const ids = queries.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    const texts = queries.map((q) => q.query.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('has at least 12 paraphrase queries and some name and keyword queries', () => {
    const count = (t: string) => queries.filter((q) => q.type === t).length;
    expect(count('paraphrase')).toBeGreaterThanOrEqual(12);
    expect(count('paraphrase')).toBeGreaterThanOrEqual(Math.ceil(queries.length / 3));
    expect(count('name')).toBeGreaterThanOrEqual(5);
    expect(count('keyword')).toBeGreaterThanOrEqual(1);
    expect(count('keyword') + count('paraphrase') + count('name')).toBe(queries.length);
  });

  it.each(queries.map((q) => [q.id, q] as const))('%s: well-formed judgements', (_id, q) => {
    expect(q.query.trim().length).toBeGreaterThan(0);
    expect(q.relevant.length).toBeGreaterThanOrEqual(1);
    expect(q.relevant.length).toBeLessThanOrEqual(6);
    const keys = q.relevant.map((r) => `${r.document}\u0000${r.textIncludes}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of q.relevant) {
      expect([1, 2, 3]).toContain(r.grade);
      expect(r.speaker.trim().length).toBeGreaterThan(0);
      expect(rawDocs.has(r.document), `unknown document ${r.document}`).toBe(true);
      expect(r.textIncludes).not.toMatch(/[\n*]/);
      expect(r.textIncludes).not.toMatch(HAS_SUPERSCRIPT);
      const words = r.textIncludes.trim().split(/\s+/).length;
      expect(words, `"${r.textIncludes}" has ${words} words`).toBeGreaterThanOrEqual(6);
      expect(words, `"${r.textIncludes}" has ${words} words`).toBeLessThanOrEqual(15);
      const n = countOccurrences(normalize(rawDocs.get(r.document) ?? ''), r.textIncludes);
      expect(n, `"${r.textIncludes}" occurs ${n}× in ${r.document}`).toBe(1);
    }
  });

  it('has at least one query with a grade-3 passage for every interviewee of the main report', () => {
    const speakers = new Set(queries.flatMap((q) => q.relevant.filter((r) => r.grade === 3).map((r) => r.speaker)));
    for (const s of ['Ken Jimbo', 'Kei Koga', 'Yoichiro Sato', 'Tsuyoshi Goroku', 'Saya Kiba', 'Takuya Matsuda', 'MFA official']) {
      expect(speakers.has(s), s).toBe(true);
    }
  });

  it.each(queries.filter((q) => q.type === 'paraphrase').map((q) => [q.id, q] as const))(
    '%s: paraphrase shares no content-word stem with its relevant passages',
    (_id, q) => {
      const queryStems = contentStems(q.query);
      expect(queryStems.size).toBeGreaterThan(0);
      const clashes: string[] = [];
      for (const r of q.relevant) {
        const passageStems = contentStems(passageFor(r.document, r.textIncludes));
        for (const [qs, qWord] of queryStems) {
          for (const [ps, pWord] of passageStems) {
            if (stemsCollide(qs, ps)) clashes.push(`"${qWord}"~"${pWord}" in "${r.textIncludes}"`);
          }
        }
      }
      expect(clashes).toEqual([]);
    },
  );

  it('stemmer conflates inflections', () => {
    expect(stem('sanctions')).toBe(stem('sanctioning'));
    expect(stem('sanction')).toBe(stem('sanctioned'));
    expect(stem('Japanese')).toBe(stem('Japan'));
    expect(stemsCollide(stem('European'), stem('Europe'))).toBe(true);
    expect(stem('economies')).toBe(stem('economic'));
    expect(stem('Korean')).toBe(stem('Korea'));
  });
});
