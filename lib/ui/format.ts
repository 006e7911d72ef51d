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

/**
 * A relevance score (0..1) as a cue a reader can take in at a glance. For search the score is fused rank
 * (1 = first in both the keyword and the meaning list); for themes it is the theme relevance.
 */
export function relevanceLevel(score: number): RelevanceLevel {
  if (score >= 0.75) return { level: 4, label: 'Strong match' };
  if (score >= 0.5) return { level: 3, label: 'Good match' };
  if (score >= 0.3) return { level: 2, label: 'Partial match' };
  return { level: 1, label: 'Weak match' };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Authors as a reader writes them: "A", "A and B", "A, B and C". */
export function formatAuthors(authors: string[]): string {
  if (authors.length <= 1) return authors[0] ?? '';
  return `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
}
