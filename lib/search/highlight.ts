import { asParsed, type ParsedQuery } from './parsed-query';
import { lightStem } from './stem';
import { analyseText, splitSentences } from './text-analysis';

export { lightStem, splitSentences };

/** The words of `text` (as written) that match a content term of the query. */
export function matchedTerms(query: string | ParsedQuery, text: string): string[] {
  const stems = asParsed(query).stemSet;
  if (!stems.size) return [];
  const seen = new Map<string, string>();
  for (const { word, lower, stem } of analyseText(text).words) if (stems.has(stem) && !seen.has(lower)) seen.set(lower, word);
  return [...seen.values()];
}

/** The sentence that matches most distinct query terms; null when none matches any. */
export function bestSentence(query: string | ParsedQuery, text: string): string | null {
  const stems = asParsed(query).stemSet;
  let best: { s: string; n: number } | null = null;
  for (const { text: s, stems: words } of analyseText(text).sentences) {
    let n = 0;
    for (const t of stems) if (words.has(t)) n++;
    if (n > 0 && (!best || n > best.n)) best = { s, n };
  }
  return best?.s ?? null;
}
