import { STOPWORDS } from './fts-query';

/**
 * "Did you mean": a query word that is neither in the corpus nor an English word WordNet knows ("sanctons", "Goruku") is
 * replaced by the most frequent corpus word within one edit (two for words of eight letters or more), counting a swap of
 * neighbours as one edit. A rare English word the corpus lacks ("frigates") is left alone: it is a paraphrase, not a typo.
 */
export interface SpellingSources {
  /** Lower-case words of the corpus (texts, speakers, headings) with how often they occur. */
  corpusWords: ReadonlyMap<string, number>;
  /** Whether a lower-case word is an English word (any inflection) the dictionary knows. */
  isKnownWord: (word: string) => boolean;
}

const MIN_LENGTH = 4;
const MAX_LOOKUPS = 8;

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), or max + 1 once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  // three reused rows: two back (for transpositions), one back, current
  let prev2 = new Int32Array(width);
  let prev = Int32Array.from({ length: width }, (_, j) => j);
  let cur = new Int32Array(width);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

// corpus words grouped by length, built once per word map, so a lookup compares only words of a possible length
const byLengthCache = new WeakMap<ReadonlyMap<string, number>, Map<number, [string, number][]>>();

function wordsByLength(corpusWords: ReadonlyMap<string, number>): Map<number, [string, number][]> {
  let index = byLengthCache.get(corpusWords);
  if (!index) {
    index = new Map();
    for (const entry of corpusWords) {
      if (entry[0].length < MIN_LENGTH) continue;
      const list = index.get(entry[0].length) ?? [];
      list.push(entry);
      index.set(entry[0].length, list);
    }
    byLengthCache.set(corpusWords, index);
  }
  return index;
}

function closestCorpusWord(word: string, corpusWords: ReadonlyMap<string, number>): string | null {
  const max = word.length >= 8 ? 2 : 1;
  const index = wordsByLength(corpusWords);
  let best: { w: string; d: number; n: number } | null = null;
  for (let len = word.length - max; len <= word.length + max; len++) {
    for (const [w, n] of index.get(len) ?? []) {
      const d = editDistance(word, w, max);
      if (d > max) continue;
      if (!best || d < best.d || (d === best.d && n > best.n)) best = { w, d, n };
    }
  }
  return best?.w ?? null;
}

/** Writes a correction the way the user wrote the word: "Chian" → "China", "CHIAN" → "CHINA". */
function matchCase(typed: string, word: string): string {
  if (typed === typed.toUpperCase() && typed.length > 1) return word.toUpperCase();
  if (typed[0] === typed[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}

/** The query with its misspelt words corrected, or null when every word is known (or nothing close is). */
export function suggestSpelling(query: string, sources: SpellingSources): string | null {
  let changed = false;
  let looked = 0;
  const corrected = query.replace(/\p{L}+/gu, (typed) => {
    const lower = typed.toLowerCase();
    if (lower.length < MIN_LENGTH || STOPWORDS.has(lower) || sources.corpusWords.has(lower) || sources.isKnownWord(lower)) return typed;
    // each look-up scans the corpus words of a similar length: a few per query keep a long one fast
    if (++looked > MAX_LOOKUPS) return typed;
    const fix = closestCorpusWord(lower, sources.corpusWords);
    if (!fix) return typed;
    changed = true;
    return matchCase(typed, fix);
  });
  return changed ? corrected : null;
}
