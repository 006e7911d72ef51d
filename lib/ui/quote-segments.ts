// Splits text into runs for highlighting: words that matched the query and the sentence that best answers it.

export interface HighlightRun {
  text: string;
  match: boolean;
  best: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs covering `text` exactly once, in order; matched words are whole words, compared case-insensitively. */
export function highlightRuns(text: string, matchedTerms: string[], bestSentence: string | null): HighlightRun[] {
  const n = text.length;
  const match = new Uint8Array(n);
  const best = new Uint8Array(n);
  if (bestSentence) {
    const at = text.indexOf(bestSentence);
    if (at >= 0) best.fill(1, at, at + bestSentence.length);
  }
  const terms = [...new Set(matchedTerms.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (terms.length) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(re)) match.fill(1, m.index!, m.index! + m[0].length);
  }
  const runs: HighlightRun[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || match[i] !== match[start] || best[i] !== best[start]) {
      runs.push({ text: text.slice(start, i), match: match[start] === 1, best: best[start] === 1 });
      start = i;
    }
  }
  return runs;
}
