import { contentTerms, queryTerms, STOPWORDS } from './fts-query';
import { lightStem } from './stem';
import { analyseText, type MatchableText, type PlainToken, phraseWords } from './text-analysis';
import type { Synset, Wordnet, WordnetPos } from './wordnet';

/** One meaning-bearing part of a query: the words as typed and the other ways WordNet says to write them. */
export interface QueryConcept {
  /** The word or two-word phrase as it appears in the query (lower case). */
  term: string;
  /** Synonyms, derived forms and, for places, the country they belong to; lower case, never the term itself. */
  expansions: string[];
}

/**
 * How far a query word reaches: the synsets of its two most frequent senses per part of speech, at most 16 related words.
 * Broader terms (hypernyms: "frigate" → warship) were tried and dropped: they added more noise than matches on the judged set.
 */
export const EXPANSION = { senses: 2, perTerm: 16 };

const MORPH: Record<WordnetPos, [string, string][]> = {
  n: [
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
    ['s', ''],
  ],
  v: [
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
    ['s', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

/** WordNet's base-form rules (morphy) without its exception lists: the word itself first, then each detachment that WordNet knows. */
export function baseForms(wn: Wordnet, word: string, pos: WordnetPos): string[] {
  const out: string[] = [];
  if (wn.senses(word, pos).length) out.push(word);
  for (const [suffix, ending] of MORPH[pos]) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
    const base = word.slice(0, -suffix.length) + ending;
    if (!out.includes(base) && wn.senses(base, pos).length) out.push(base);
  }
  return out;
}

const POS_ORDER: WordnetPos[] = ['n', 'v', 'a', 'r'];

/** Whether WordNet knows a lower-case word, in any part of speech and inflection ("frigates", "invaded"). */
export function isDictionaryWord(wn: Wordnet, word: string): boolean {
  return POS_ORDER.some((pos) => baseForms(wn, word, pos).length > 0);
}

function lemmasOf(s: Synset): string[] {
  return s.words.map((w) => w.toLowerCase());
}

/** A named place's holonym, climbing through districts and islands ("Washington" → District of Columbia → United States) to a country. */
function countryOf(wn: Wordnet, holonym: Synset): string[] {
  const words = lemmasOf(holonym);
  let s = holonym;
  for (let depth = 0; depth < 2 && !isCountry(wn, s); depth++) {
    const up = s.pointers.find((p) => p.symbol === '#p');
    if (!up) break;
    s = wn.synset(up.offset, up.pos);
    if (isCountry(wn, s)) words.push(...lemmasOf(s));
  }
  return words;
}

/** A synset that is an instance of some kind of country or nation ("Asian country", "European nation"). */
function isCountry(wn: Wordnet, s: Synset): boolean {
  return s.pointers.some((p) => p.symbol === '@i' && wn.synset(p.offset, p.pos).words.some((w) => /\b(country|nation)\b/i.test(w)));
}

// lower-cased abbreviations that spell a pronoun ("US" → us) would match every "us" in a quote; U.S. and United States stay
const PRONOUNS = new Set(['i', 'me', 'we', 'us', 'you', 'he', 'him', 'she', 'her', 'it', 'they', 'them']);

/** Related words for one query word or phrase, from its most frequent senses in every part of speech, the most telling first. */
export function relatedWords(wn: Wordnet, term: string, opts = EXPANSION): string[] {
  // tiers: the country a named place belongs to, then synonyms, then derived and similar forms
  const tiers: Set<string>[] = [new Set(), new Set(), new Set()];
  for (const pos of POS_ORDER) {
    for (const base of baseForms(wn, term, pos).slice(0, 1)) {
      for (const offset of wn.senses(base, pos).slice(0, opts.senses)) {
        const s = wn.synset(offset, pos);
        for (const w of lemmasOf(s)) tiers[1].add(w);
        const isInstance = s.pointers.some((p) => p.symbol === '@i');
        for (const p of s.pointers) {
          // a place stands for its country ("Beijing" → China)
          if (isInstance && p.symbol === '#p') for (const w of countryOf(wn, wn.synset(p.offset, p.pos))) tiers[0].add(w);
          // derived forms bridge parts of speech ("invades" → invasion) and similar adjectives ("feeble" → weak)
          if (p.symbol === '+' || p.symbol === '&' || p.symbol === '\\') for (const w of lemmasOf(wn.synset(p.offset, p.pos))) tiers[2].add(w);
        }
      }
    }
  }
  const out = new Set(tiers.flatMap((t) => [...t]));
  out.delete(term);
  return [...out].filter((w) => !STOPWORDS.has(w) && !PRONOUNS.has(w) && w.length > 1).slice(0, opts.perTerm);
}

/** As many concepts as the keyword query has terms: a 500-character query stays a few milliseconds. */
const MAX_CONCEPTS = 32;

/** The query's content words, two-word names WordNet knows ("civil servants", "prime minister") kept together, each with its expansions. */
export function expandQuery(wn: Wordnet, query: string, opts = EXPANSION): QueryConcept[] {
  return expandTerms(wn, queryTerms(query), new Set(contentTerms(query)), opts);
}

/** expandQuery of a query already split into its words and content words. */
export function expandTerms(wn: Wordnet, words: readonly string[], content: ReadonlySet<string>, opts = EXPANSION): QueryConcept[] {
  const concepts: QueryConcept[] = [];
  for (let i = 0; i < words.length && concepts.length < MAX_CONCEPTS; i++) {
    const pair = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : null;
    if (pair && content.has(words[i]) && content.has(words[i + 1]) && baseForms(wn, pair, 'n').length) {
      concepts.push({ term: pair, expansions: relatedWords(wn, pair, opts) });
      i++;
      continue;
    }
    if (!content.has(words[i]) || concepts.some((c) => c.term === words[i])) continue;
    concepts.push({ term: words[i], expansions: relatedWords(wn, words[i], opts) });
  }
  return concepts;
}

/** An FTS5 query for every concept and its expansions, each a quoted phrase; null when WordNet added nothing. */
export function buildExpandedFtsQuery(concepts: QueryConcept[]): string | null {
  if (!concepts.some((c) => c.expansions.length)) return null;
  const phrases = new Set<string>();
  for (const c of concepts)
    for (const t of [c.term, ...c.expansions]) {
      const words = phraseWords(t);
      if (words.length) phrases.add(`"${words.join(' ')}"`);
    }
  return [...phrases].slice(0, 200).join(' OR ');
}

export type { MatchableText };

export function matchableText(text: string): MatchableText {
  return analyseText(text).matchable;
}

/** A term ready to look for in a MatchableText: a one-word term by light stem, a phrase as consecutive words. */
interface TermPattern {
  stem: string | null;
  phrase: string | null;
  first: string | null;
}

function termPattern(term: string): TermPattern {
  const words = phraseWords(term);
  return words.length === 1
    ? { stem: lightStem(words[0]), phrase: null, first: null }
    : { stem: null, phrase: words.length ? ` ${words.join(' ')} ` : null, first: words[0] ?? null };
}

// a query's concepts are matched against every candidate and result: their patterns are built once per concept list
interface PreparedConcepts {
  list: { own: TermPattern; related: TermPattern[]; words: string[][] }[];
  /** Shares already worked out, by expansion credit and text. */
  scores: Map<number, WeakMap<MatchableText, number>>;
}

const preparedCache = new WeakMap<QueryConcept[], PreparedConcepts>();

function preparedConcepts(concepts: QueryConcept[]): PreparedConcepts {
  let prepared = preparedCache.get(concepts);
  if (!prepared) {
    prepared = {
      list: concepts.map((c) => ({ own: termPattern(c.term), related: c.expansions.map(termPattern), words: c.expansions.map(phraseWords) })),
      scores: new Map(),
    };
    preparedCache.set(concepts, prepared);
  }
  return prepared;
}

function occursIn(p: TermPattern, text: MatchableText): boolean {
  if (p.stem !== null) return text.stems.has(p.stem);
  if (p.phrase === null || (text.words && p.first !== null && !text.words.has(p.first))) return false;
  return text.joined.includes(p.phrase);
}

function anyOccursIn(patterns: TermPattern[], text: MatchableText): boolean {
  for (const p of patterns) if (occursIn(p, text)) return true;
  return false;
}

/**
 * Scores texts by the share of the query's concepts they hold: 1 for each concept whose own word occurs, `expansionCredit`
 * when only a related word does.
 */
export function conceptMatcher(concepts: QueryConcept[], expansionCredit: number): (text: MatchableText) => number {
  const prepared = preparedConcepts(concepts);
  // ranking and the relevance floor score the same candidates' texts against the same concepts: each text once per credit
  let scored = prepared.scores.get(expansionCredit);
  if (!scored) prepared.scores.set(expansionCredit, (scored = new WeakMap()));
  const memo = scored;
  return (text) => {
    if (!prepared.list.length) return 0;
    const known = memo.get(text);
    if (known !== undefined) return known;
    let sum = 0;
    for (const c of prepared.list) sum += occursIn(c.own, text) ? 1 : anyOccursIn(c.related, text) ? expansionCredit : 0;
    const share = sum / prepared.list.length;
    memo.set(text, share);
    return share;
  };
}

/**
 * Whether a text's concept share (conceptMatcher with credit 1) reaches `threshold`, stopping as soon as the answer is
 * known either way; the share itself when already worked out.
 */
export function conceptShareReaches(concepts: QueryConcept[], text: MatchableText, threshold: number): boolean {
  const prepared = preparedConcepts(concepts);
  const known = prepared.scores.get(1)?.get(text);
  if (known !== undefined) return known >= threshold;
  const n = prepared.list.length;
  if (!n) return 0 >= threshold;
  // credit 1 makes the sum a count of concepts, so count / n >= threshold is decided exactly by counts
  let found = 0;
  for (let i = 0; i < n; i++) {
    const c = prepared.list[i];
    if (occursIn(c.own, text) || anyOccursIn(c.related, text)) found++;
    if (found / n >= threshold) return true;
    if ((found + n - i - 1) / n < threshold) return false;
  }
  return found / n >= threshold;
}

/** A word of a text that stands for a query word through WordNet ("sanction" for "penalties"). */
export interface RelatedMatch {
  /** As written in the text ("sanction", "North Korea"). */
  word: string;
  /** The query word or phrase it stands for. */
  queryTerm: string;
}

/**
 * The words of a text that match a query concept only through a related word, as written, each once; a concept whose own
 * word occurs is left to the ordinary highlighting. Shown so a reader sees why a quote without the query's words came up.
 */
export function relatedMatches(concepts: QueryConcept[], text: string): RelatedMatch[] {
  const analysis = analyseText(text);
  const matchable = analysis.matchable;
  const prepared = preparedConcepts(concepts).list;
  let tokens: PlainToken[] | null = null;
  const out = new Map<string, RelatedMatch>();
  concepts.forEach((c, ci) => {
    const p = prepared[ci];
    if (occursIn(p.own, matchable)) return;
    c.expansions.forEach((_, ri) => {
      const pattern = p.related[ri];
      if (!occursIn(pattern, matchable)) return;
      // the same words as matchableText, with where each stands, to copy the matched words as written
      tokens ??= analysis.tokens;
      const words = p.words[ri];
      const stem = pattern.stem;
      for (let i = 0; i + words.length <= tokens.length; i++) {
        const hit = stem !== null ? tokens[i].stem === stem : words.every((w, j) => tokens![i + j].lower === w);
        if (!hit) continue;
        const word = text.slice(tokens[i].start, tokens[i + words.length - 1].end);
        if (!out.has(word.toLowerCase())) out.set(word.toLowerCase(), { word, queryTerm: c.term });
      }
    });
  });
  return [...out.values()];
}
