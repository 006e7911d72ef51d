// Small formatting rules shared by pages and client components (no server imports here).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-12-03" → "3 December 2024", "2025-04" → "April 2025", "2025" → "2025"; anything else as given. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (mo && !month) return iso;
  if (d) return `${Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y;
}

export type RelevanceLevel = { level: 1 | 2 | 3 | 4; label: string };

type MatchKind = 'all-words' | 'lead-in' | 'some-words' | 'related-words' | 'meaning';

/** What a search result's label says: how it cleared the relevance floor, in words that claim no more than that. */
export const MATCH_LEVELS: Record<MatchKind, RelevanceLevel & { title: string }> = {
  'all-words': { level: 4, label: 'All your words', title: 'The quote (or its speaker, section or lead-in) has every word of your query that names a theme' },
  'lead-in': {
    level: 3,
    label: 'Your words, with the lead-in',
    title: 'Every word of your query that names a theme is in the quote or in the author’s words introducing it',
  },
  'related-words': { level: 3, label: 'Your words or related ones', title: 'Every word of your query, or a word WordNet relates to it, is in the quote' },
  'some-words': { level: 2, label: 'Some of your words', title: 'At least half of the words of your query that name a theme are in the quote' },
  meaning: { level: 1, label: 'Close in meaning', title: 'None of your words, but the quote is close to your query in meaning by the language model' },
};

/**
 * A relevance score (0..1) as a cue a reader can take in at a glance. For search the score is fused rank
 * (1 = first in both the keyword and the meaning list); for themes it is the theme relevance.
 */
export function relevanceLevel(score: number): RelevanceLevel {
  if (score >= 0.75) return { level: 4, label: 'Strongly on the theme' };
  if (score >= 0.5) return { level: 3, label: 'On the theme' };
  if (score >= 0.3) return { level: 2, label: 'Touches the theme' };
  return { level: 1, label: 'Barely on the theme' };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Authors as a reader writes them: "A", "A and B", "A, B and C". */
export function formatAuthors(authors: string[]): string {
  if (authors.length <= 1) return authors[0] ?? '';
  return `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
}
