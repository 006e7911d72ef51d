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
  for (const s of speakers) {
    if (s.anonymous) continue;
    [s.name, ...s.aliases].forEach((name, n) => {
      const parts = nameParts(name);
      if (!parts.length) return;
      const whole = parts.every((p) => lower.includes(p));
      // one part alone only of the name itself (an alias may be a title: "the Minister for Foreign Trade"); an English
      // word ("Brown", "James") needs a capital, and not the capital every query's first word may have
      const part = n === 0 && lower.some((t, i) => parts.includes(t) && (isEnglishWord(wn, t) ? i > 0 && /^\p{Lu}/u.test(tokens[i]) : true));
      if (whole || part) named.add(s.id);
    });
  }
  return [...named];
}

function isEnglishWord(wn: Wordnet, word: string): boolean {
  return (['n', 'v', 'a', 'r'] as const).some((pos) => wn.senses(word, pos).length > 0);
}
