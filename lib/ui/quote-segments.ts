// Splits text into runs for highlighting: words that matched the query, words related to a query word, and the sentence
// that best answers it.
import type { RelatedTerm } from '../types';

export interface HighlightRun {
  text: string;
  match: boolean;
  best: boolean;
  /** The query word this run stands for through WordNet ("penalties" for "sanction"); null when it is not such a word. */
  relatedTo: string | null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wholeWords(terms: string[]): RegExp | null {
  const sorted = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  return sorted.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
}

/** Runs covering `text` exactly once, in order; matched words are whole words, compared case-insensitively. */
export function highlightRuns(text: string, matchedTerms: string[], bestSentence: string | null, relatedTerms: RelatedTerm[] = []): HighlightRun[] {
  const n = text.length;
  const match = new Uint8Array(n);
  const best = new Uint8Array(n);
  // index + 1 into relatedTerms, 0 for none
  const related = new Uint16Array(n);
  if (bestSentence) {
    const at = text.indexOf(bestSentence);
    if (at >= 0) best.fill(1, at, at + bestSentence.length);
  }
  const byWord = new Map(relatedTerms.map((r, i) => [r.word.toLowerCase(), i + 1]));
  const relatedRe = wholeWords(relatedTerms.map((r) => r.word));
  if (relatedRe) for (const m of text.matchAll(relatedRe)) related.fill(byWord.get(m[0].toLowerCase()) ?? 0, m.index!, m.index! + m[0].length);
  // the query's own words win over related ones
  const matchRe = wholeWords(matchedTerms);
  if (matchRe)
    for (const m of text.matchAll(matchRe)) {
      match.fill(1, m.index!, m.index! + m[0].length);
      related.fill(0, m.index!, m.index! + m[0].length);
    }
  const runs: HighlightRun[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || match[i] !== match[start] || best[i] !== best[start] || related[i] !== related[start]) {
      runs.push({
        text: text.slice(start, i),
        match: match[start] === 1,
        best: best[start] === 1,
        relatedTo: related[start] ? relatedTerms[related[start] - 1].queryTerm : null,
      });
      start = i;
    }
  }
  return runs;
}
