import type { IndexReader } from '../db/index-reader';
import { STOPWORDS } from './fts-query';
import { lightStem } from './highlight';

/** Used only when a corpus is too small or too uniform to suggest enough themes of its own. */
export const FALLBACK_THEMES = ['sanctions', 'deterrence', 'public opinion', 'economic security', 'alliances', 'defence spending', 'trade', 'diplomacy'];

export const DEFAULT_THEME_COUNT = 8;

// words that make poor theme labels on their own: titles, fillers, generic verbs of reported speech
const NOT_THEME_WORDS = new Set(
  (
    'also like need needs make makes made much many well even still yet one two three way ways thing things lot must may might shall within without ' +
    'among across toward towards however therefore thus per via etc vice versa rather quite really actually already always often sometimes ' +
    'prime minister ministers president ambassador professor official officials mr mrs ms dr government governments country countries people ' +
    'time times year years new important important part kind sort sense point level terms fact case example first second last next'
  ).split(/\s+/),
);

// section headings that never name a theme
const GENERIC_HEADING =
  /^(contents|table of contents|introduction|conclusions?|summary|executive summary|abstract|references|bibliography|notes|endnotes|footnotes|acknowledge?ments?|recommendations?|preface|foreword|appendix|annex|about|methodology|glossary|index)\b/i;

export interface ThemeSource {
  /** Section headings, with how many attributed quotes each section holds. */
  headings: { heading: string; quotes: number }[];
  /** The attributed quotes. */
  quotes: { id: string; text: string; speakerId: string | null }[];
}

interface Candidate {
  stems: string[];
  labels: Map<string, number>;
  speakers: Set<string>;
  quotes: Set<string>;
  phrase: boolean;
}

const isFiller = (word: string) => {
  const w = word.toLowerCase();
  return STOPWORDS.has(w) || NOT_THEME_WORDS.has(w) || /^\d/.test(w) || w.replace(/[’'-]/g, '').length < 3;
};

/** Words of a heading that carry meaning, stemmed (numbering, "Appendix I:" and subtitles' fillers dropped). */
function headingStems(heading: string): Set<string> {
  const body = heading.replace(/^\s*(?:(?:appendix|annex|part|chapter)\s+[\divxlc]+[:.]?\s*|\d+(?:\.\d+)*[.)]?\s+)/i, '');
  if (GENERIC_HEADING.test(body.trim()) && !body.includes(':')) return new Set();
  return new Set((body.match(/[\p{L}][\p{L}\p{N}’'-]*/gu) ?? []).filter((w) => !isFiller(w)).map(lightStem));
}

/**
 * Suggests themes from the corpus itself: proper names and two-word phrases that several speakers use
 * (spread across speakers makes a theme worth comparing), boosted when a section heading of a section with
 * quotes names them. Phrases in most quotes (the corpus's own subject) and names that are only part of a longer
 * name ("North" of "North Korea") are left out; each theme shares no word with a stronger one.
 */
export function rankThemes(source: ThemeSource, count = DEFAULT_THEME_COUNT): string[] {
  const candidates = new Map<string, Candidate>();
  const capitalised = new Set<string>();
  const add = (stems: string[], label: string, speakerId: string | null, quoteId: string, phrase: boolean) => {
    const key = stems.join(' ');
    const c = candidates.get(key) ?? { stems, labels: new Map(), speakers: new Set(), quotes: new Set(), phrase };
    c.labels.set(label, (c.labels.get(label) ?? 0) + 1);
    if (speakerId) c.speakers.add(speakerId);
    c.quotes.add(quoteId);
    candidates.set(key, c);
  };
  for (const q of source.quotes) {
    // phrases never run across punctuation
    for (const clause of q.text.split(/[.!?;:,()[\]“”"—–…]+|\s-\s/)) {
      const words = clause.match(/[\p{L}][\p{L}\p{N}’'-]*[\p{L}\p{N}]|[\p{L}]/gu) ?? [];
      words.forEach((w, i) => {
        const properName = /^\p{Lu}{2,}$/u.test(w) || (i > 0 && /^\p{Lu}/u.test(w));
        if (/^\p{Lu}/u.test(w)) capitalised.add(w.toLowerCase());
        if (properName && !isFiller(w)) add([lightStem(w)], w, q.speakerId, q.id, false);
        const next = words[i + 1];
        if (next && !isFiller(w) && !isFiller(next)) add([lightStem(w), lightStem(next)], `${w} ${next}`, q.speakerId, q.id, true);
      });
    }
  }
  const quoteTotal = Math.max(1, source.quotes.length);
  const headingBoost = new Map<string, number>();
  for (const h of source.headings) {
    if (h.quotes <= 0) continue;
    for (const s of headingStems(h.heading)) headingBoost.set(s, (headingBoost.get(s) ?? 0) + 1);
  }
  const all = [...candidates.values()];
  // "Japanese", "European": the adjective of a name the corpus also uses, a weaker theme than the name itself
  const demonym = (c: Candidate) => {
    if (c.phrase) return false;
    const w = [...c.labels.keys()][0].toLowerCase();
    return /(?:ese|ean|ian|an|ish|i)$/.test(w) && [...capitalised].some((x) => x.length >= 4 && x !== w && w.startsWith(x.slice(0, -1)));
  };
  const subsumed = (c: Candidate) => !c.phrase && all.some((p) => p.phrase && p.stems.includes(c.stems[0]) && p.quotes.size >= 0.6 * c.quotes.size);
  const ranked = all
    .filter((c) => c.speakers.size >= 2 && c.quotes.size <= 0.3 * quoteTotal && !subsumed(c) && !demonym(c))
    // the first word of a phrase must not be the corpus's subject (those are clauses: "Japan sees")
    .filter((c) => !c.phrase || (candidates.get(c.stems[0])?.quotes.size ?? 0) <= 0.3 * quoteTotal)
    .map((c) => {
      const label = [...c.labels.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
      const inHeadings = c.stems.every((s) => headingBoost.has(s));
      // themes in a fifth of all quotes are too broad to tell speakers apart
      const broad = c.quotes.size > 0.2 * quoteTotal ? 2 : 0;
      return { c, label, score: c.speakers.size + (inHeadings ? 2 : 0) + (c.phrase ? 0.5 : 0) + Math.log(c.quotes.size) / 4 - broad };
    })
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  const chosen: { label: string; stems: string[] }[] = [];
  for (const r of ranked) {
    if (chosen.length >= count) break;
    if (chosen.some((x) => x.stems.some((s) => r.c.stems.includes(s)))) continue;
    chosen.push({ label: r.label, stems: r.c.stems });
  }
  const themes = chosen.map((x) => x.label);
  for (const f of FALLBACK_THEMES) {
    if (themes.length >= count) break;
    if (!themes.some((t) => t.toLowerCase() === f)) themes.push(f);
  }
  return themes;
}

const cache = new WeakMap<IndexReader, Map<number, string[]>>();

/** Default themes for an index (computed once per index handle). */
export function defaultThemes(reader: IndexReader, count = DEFAULT_THEME_COUNT): string[] {
  let perReader = cache.get(reader);
  if (!perReader) {
    perReader = new Map();
    cache.set(reader, perReader);
  }
  const hit = perReader.get(count);
  if (hit) return hit;
  const quotes = reader.quotes();
  const perSection = new Map<string, number>();
  for (const q of quotes) if (q.sectionHeading) perSection.set(q.sectionHeading, (perSection.get(q.sectionHeading) ?? 0) + 1);
  const themes = rankThemes(
    {
      headings: [...perSection.entries()].map(([heading, n]) => ({ heading, quotes: n })),
      quotes: quotes.filter((q) => !q.dupOf).map((q) => ({ id: q.id, text: q.text, speakerId: q.speakerId })),
    },
    count,
  );
  perReader.set(count, themes);
  return themes;
}
