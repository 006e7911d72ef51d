import type { SpeakerInfo } from '../types';
import { STOPWORDS } from './fts-query';
import type { Wordnet } from './wordnet';
import { bundledWordnet } from './wordnet';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Name parts worth matching on their own: three letters or more ("Ken", "Koga"), not initials, not words like "the" or "of" in an alias. */
function nameParts(name: string): string[] {
  return (name.match(WORD) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

/**
 * Speakers a query names ("what does Koga say about…", "Ishii Masafumi on NATO"): every part of their name or of an alias,
 * or one part of their name that is not an English word ("koga"), or is written with a capital inside the query ("did Brown…").
 * Anonymous speakers have descriptions, not names, and are never matched.
 */
export function speakersNamedIn(query: string, speakers: SpeakerInfo[], wn: Wordnet = bundledWordnet()): string[] {
  const tokens = (query.normalize('NFKC').match(WORD) ?? []).map((w) => w.replace(/['’]s$/, ''));
  if (!tokens.length) return [];
  const lower = tokens.map((t) => t.toLowerCase());
  const named = new Set<string>();
  for (const { id, names } of nameIndex(speakers)) {
    names.forEach((parts, n) => {
      if (!parts.length) return;
      const whole = parts.every((p) => lower.includes(p));
      // one part alone only of the name itself (an alias may be a title: "the Minister for Foreign Trade"); an English
      // word ("Brown", "James") needs a capital, and not the capital every query's first word may have
      const part = n === 0 && lower.some((t, i) => parts.includes(t) && (isEnglishWord(wn, t) ? i > 0 && /^\p{Lu}/u.test(tokens[i]) : true));
      if (whole || part) named.add(id);
    });
  }
  for (const id of speakersDescribedIn(query, speakers, wn)) named.add(id);
  return [...named];
}

// a speaker list is the index's, read once per handle: its name parts and descriptions are worked out once per list
const nameIndexes = new WeakMap<SpeakerInfo[], { id: string; names: string[][] }[]>();
const descriptorIndexes = new WeakMap<SpeakerInfo[], { id: string; texts: string[][] }[]>();

/** Each named (not anonymous) speaker's name and aliases, as the parts worth matching. */
function nameIndex(speakers: SpeakerInfo[]): { id: string; names: string[][] }[] {
  let index = nameIndexes.get(speakers);
  if (!index) {
    index = speakers.filter((s) => !s.anonymous).map((s) => ({ id: s.id, names: [s.name, ...s.aliases].map(nameParts) }));
    nameIndexes.set(speakers, index);
  }
  return index;
}

/** Each speaker's role, affiliation and aliases (and an anonymous source's description), as stemmed words. */
function descriptorIndex(speakers: SpeakerInfo[]): { id: string; texts: string[][] }[] {
  let index = descriptorIndexes.get(speakers);
  if (!index) {
    index = speakers.map((s) => ({
      id: s.id,
      texts: [s.role, s.affiliation, ...s.aliases, ...(s.anonymous ? [s.name] : [])]
        .filter((t): t is string => !!t)
        .map((t) => (t.normalize('NFKC').match(WORD) ?? []).map((w) => stem(w.replace(/['’]s$/, '').toLowerCase()))),
    }));
    descriptorIndexes.set(speakers, index);
  }
  return index;
}

/** Words that introduce a description of someone: "the ambassador", "a Kobe professor", "this ministry". */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that']);
/** The description's words must stand this close together in one role, affiliation or alias ("Ministry of Foreign Affairs"). */
const MAX_GAP = 2;

/**
 * Speakers a query names by role, institution or alias rather than by name: "the foreign ministry", "the ambassador", "the
 * Kobe professor". A run of words after a determiner, ending in a noun for a person or an organisation (WordNet), whose words
 * all stand close together in one speaker's role, affiliation or alias, and in no other speaker's: a description that
 * fits two speakers settles nothing ("the professor"). Anonymous sources are described this way too ("the ministry official").
 */
export function speakersDescribedIn(query: string, speakers: SpeakerInfo[], wn: Wordnet = bundledWordnet()): string[] {
  const tokens = (query.normalize('NFKC').match(WORD) ?? []).map((w) => w.replace(/['’]s$/, '').toLowerCase());
  const descriptors = descriptorIndex(speakers);
  const named = new Set<string>();
  const agent = (w: string) => namesAgent(wn, w);
  for (let start = 1; start < tokens.length; start++) {
    if (!DETERMINERS.has(tokens[start - 1])) continue;
    // the description: the words after the determiner up to the next common word ("of" may join: "ministry of foreign affairs")
    let stop = start;
    while (stop < tokens.length && stop - start < 5 && (!STOPWORDS.has(tokens[stop]) || (tokens[stop] === 'of' && stop > start))) stop++;
    if (tokens[stop - 1] === 'of') stop--;
    // the longest description first ("the Kobe professor" before "the Kobe"); a shorter one may not drop a noun for a
    // person or organisation ("the European Union" never becomes "the European")
    for (let end = stop; end > start; end--) {
      if (end < stop && agent(tokens[end])) break;
      const words = tokens.slice(start, end).filter((w) => w !== 'of');
      if (words.some((w) => w.length < 3) || !words.some(agent)) continue;
      const stems = words.map(stem);
      const fits = descriptors.filter((d) => d.texts.some((t) => closeTogether(stems, t)));
      if (fits.length === 1) named.add(fits[0].id);
      if (fits.length) break;
    }
  }
  return [...named];
}

function stem(word: string): string {
  return word.length > 4 && word.endsWith('ies')
    ? `${word.slice(0, -3)}y`
    : word.length > 3 && word.endsWith('s') && !word.endsWith('ss')
      ? word.slice(0, -1)
      : word;
}

/** Every stem occurs in the text, all within a window as long as the stems plus MAX_GAP words per stem. */
function closeTogether(stems: string[], text: string[]): boolean {
  const at = stems.map((s) => text.flatMap((w, i) => (w === s ? [i] : [])));
  if (at.some((positions) => !positions.length)) return false;
  const span = stems.length + MAX_GAP * (stems.length - 1);
  return at[0].some((p) => at.every((positions) => positions.some((q) => Math.abs(q - p) < span)));
}

const AGENTS = new Set(['person', 'organization', 'organisation', 'institution', 'administrative unit', 'government department']);

const agentCache = new Map<string, boolean>();

/** Whether a word is, in one of its three commonest noun senses ("ministry" is a department third), a kind of person or organisation ("ambassador", "ministry"). */
function namesAgent(wn: Wordnet, word: string): boolean {
  let known = agentCache.get(word);
  if (known === undefined) {
    if (agentCache.size > 5000) agentCache.clear();
    known = walksToAgent(wn, word);
    agentCache.set(word, known);
  }
  return known;
}

function walksToAgent(wn: Wordnet, word: string): boolean {
  const seen = new Set<number>();
  const queue = [...new Set([word, stem(word)])].flatMap((w) => wn.senses(w, 'n').slice(0, 3));
  for (let depth = 0; depth < 14 && queue.length; depth++) {
    const next: number[] = [];
    for (const offset of queue) {
      if (seen.has(offset)) continue;
      seen.add(offset);
      const synset = wn.synset(offset, 'n');
      if (synset.words.some((w) => AGENTS.has(w.toLowerCase()))) return true;
      for (const p of synset.pointers) if ((p.symbol === '@' || p.symbol === '@i') && p.pos === 'n') next.push(p.offset);
    }
    queue.splice(0, queue.length, ...next);
  }
  return false;
}

function isEnglishWord(wn: Wordnet, word: string): boolean {
  return (['n', 'v', 'a', 'r'] as const).some((pos) => wn.senses(word, pos).length > 0);
}
