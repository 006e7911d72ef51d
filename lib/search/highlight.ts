import { contentTerms } from './fts-query';

const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ions', 'ion', 'ies', 'ied', 'ed', 'es', 's', 'ly', 'ers', 'er'];

/** A light stemmer for matching query words to the words of a quote ("sanctions" ~ "sanctioning"). */
export function lightStem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  for (let pass = 0; pass < 2; pass++) {
    const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 3);
    if (!suffix) break;
    w = w.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '');
  }
  return w;
}

/** The words of `text` (as written) that match a content term of the query. */
export function matchedTerms(query: string, text: string): string[] {
  const stems = new Set(contentTerms(query).map(lightStem));
  if (!stems.size) return [];
  const seen = new Map<string, string>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const word = m[0];
    if (stems.has(lightStem(word)) && !seen.has(word.toLowerCase())) seen.set(word.toLowerCase(), word);
  }
  return [...seen.values()];
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…]["”’)\]]*)\s+(?=["“([]?[\p{Lu}\d])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The sentence that matches most distinct query terms; null when none matches any. */
export function bestSentence(query: string, text: string): string | null {
  const stems = new Set(contentTerms(query).map(lightStem));
  let best: { s: string; n: number } | null = null;
  for (const s of splitSentences(text)) {
    const words = new Set((s.match(/[\p{L}\p{N}]+/gu) ?? []).map(lightStem));
    let n = 0;
    for (const t of stems) if (words.has(t)) n++;
    if (n > 0 && (!best || n > best.n)) best = { s, n };
  }
  return best?.s ?? null;
}
