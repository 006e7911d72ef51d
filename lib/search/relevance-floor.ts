import type { IndexReader, StoredChunk } from '../db/index-reader';
import type { MatchKind, SearchNotice } from '../types';
import { conceptMatcher, conceptShareReaches, type MatchableText, type QueryConcept } from './expand-query';
import { STOPWORDS } from './fts-query';
import { asParsed, type ParsedQuery } from './parsed-query';
import { analyseJoined, analyseText } from './text-analysis';

// What a result must show to be called a match at all: words of the query, their WordNet relatives, or a meaning close
// enough. Fused rank scores are relative (the best of 57 unrelated quotes still ranks first), so they cannot be the floor.

/**
 * Calibrated on the judged queries (`npm run eval` prints the table): a quote clears the floor when it holds at least
 * `words` of the query's content words (its own text, speaker, section, or the author's lead-in at `leadInCredit`), or the
 * same share counting WordNet relatives, or when its embedding is at least `vector` close to the query's.
 */
export const FLOOR = {
  words: 0.5,
  leadInCredit: 0.8,
  vector: 0.6,
};

export interface Evidence {
  /** Share of the query's content words found in the quote, its speaker or section (lead-in words at a discount). */
  words: number;
  /** The same without the lead-in. */
  ownWords: number;
  /** Share of the query's content words found in the quote with its lead-in, undiscounted. */
  framedWords: number;
  /** The same, counting a WordNet relative of a word as the word. */
  concepts: number;
  /** Cosine similarity of the embeddings; null when the chunk was not among the nearest candidates. */
  vector: number | null;
}

/** The query's content words, stemmed as the highlighter stems them; empty for a query of stopwords or symbols only. */
export function contentStems(query: string | ParsedQuery): readonly string[] {
  const pq = asParsed(query);
  // the parse falls back to every word when all are stopwords; the floor counts none then
  return pq.terms.some((t) => !STOPWORDS.has(t)) ? pq.stems : [];
}

/**
 * Share of the stems found in the texts taken together: the words of texts joined by spaces are the words of each, so
 * each text's analysis (cached) serves every combination of quote, speaker, section and lead-in.
 */
function coverage(stems: readonly string[], a: string, b: string, c: string, d: string): number {
  if (!stems.length) return 0;
  const sa = analyseText(a).plainStems;
  const sb = b ? analyseText(b).plainStems : null;
  const sc = c ? analyseText(c).plainStems : null;
  const sd = d ? analyseText(d).plainStems : null;
  let found = 0;
  for (const s of stems) if (sa.has(s) || sb?.has(s) || sc?.has(s) || sd?.has(s)) found++;
  return found / stems.length;
}

export interface EvidenceInput {
  chunk: StoredChunk;
  speakerName: string;
  vectorScore: number | null;
}

/** The quote with its speaker and section as one text for concept matching (a phrase may run from one into the next), keyed as ranking keys it. */
function ownMatchable(chunk: StoredChunk, speakerName: string): MatchableText {
  const heading = chunk.sectionHeading ?? '';
  return analyseJoined([chunk.text, speakerName, heading], `${chunk.id}\0${speakerName}\0${heading}`).matchable;
}

type WordEvidence = Pick<Evidence, 'words' | 'ownWords' | 'framedWords'>;

/** Word evidence of one candidate: its quote, speaker and section, and with the lead-in. */
function wordEvidence(stems: readonly string[], chunk: StoredChunk, speakerName: string): WordEvidence {
  const heading = chunk.sectionHeading ?? '';
  const ownWords = coverage(stems, chunk.text, speakerName, heading, '');
  const framedWords = chunk.context ? coverage(stems, chunk.text, speakerName, heading, chunk.context) : ownWords;
  return { words: Math.max(ownWords, FLOOR.leadInCredit * framedWords), ownWords, framedWords };
}

/**
 * The whole evidence from the word evidence. With every word found (in the quote, or with its lead-in) the kind of match
 * is settled and the concept share, which counts only when above `words`, is not looked for.
 */
function fullEvidence(
  w: WordEvidence,
  chunk: StoredChunk,
  speakerName: string,
  matcher: ((t: MatchableText) => number) | null,
  vector: number | null,
): Evidence {
  const settled = w.ownWords >= 0.999 || w.framedWords >= 0.999;
  const concepts = settled || !matcher ? w.words : Math.max(w.words, matcher(ownMatchable(chunk, speakerName)));
  return { ...w, concepts, vector };
}

/** A candidate that clears the floor; its kind of match worked out when first read (only shown results are). */
class Kept<T extends Candidate> {
  private kind: MatchKind | null = null;

  constructor(
    readonly candidate: T,
    private readonly words: WordEvidence,
    private readonly speakerName: string,
    private readonly matcher: ((t: MatchableText) => number) | null,
  ) {}

  get match(): MatchKind {
    this.kind ??= matchKind(fullEvidence(this.words, this.candidate.chunk, this.speakerName, this.matcher, this.candidate.vectorScore));
    return this.kind;
  }
}

/** How much of the query a candidate answers, by words, related words and meaning. */
export function evidenceFor(query: string | ParsedQuery, concepts: QueryConcept[], input: EvidenceInput): Evidence {
  const w = wordEvidence(contentStems(query), input.chunk, input.speakerName);
  const concepts_ = concepts.length ? conceptMatcher(concepts, 1)(ownMatchable(input.chunk, input.speakerName)) : 0;
  return { ...w, concepts: Math.max(w.words, concepts_), vector: input.vectorScore };
}

/** Whether a candidate clears the floor. */
export function clearsFloor(e: Evidence, floor: { words: number; vector: number } = FLOOR): boolean {
  return e.words >= floor.words || e.concepts >= floor.words || (e.vector ?? 0) >= floor.vector;
}

/** What kind of match a result is, in words a reader can take at face value. */
export function matchKind(e: Evidence): MatchKind {
  if (e.ownWords >= 0.999) return 'all-words';
  if (e.framedWords >= 0.999) return 'lead-in';
  if (e.concepts >= 0.999) return 'related-words';
  if (e.words >= FLOOR.words || e.concepts >= FLOOR.words) return 'some-words';
  return 'meaning';
}

const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Why a query cannot be answered at all, before any ranking: no letters or digits; only common words ("the", "AND OR NOT");
 * or words in a script the index does not hold (a Japanese query over English quotes, which the bundled model cannot read).
 */
export function queryNotice(query: string | ParsedQuery, corpusWords: ReadonlyMap<string, number>): SearchNotice | null {
  const pq = asParsed(query);
  if (!LETTER_OR_DIGIT.test(pq.text)) return 'no-words';
  if (!contentStems(pq).length) return 'common-words-only';
  const terms = pq.terms.filter((t) => !STOPWORDS.has(t));
  const foreign = terms.filter((t) => LETTER.test(t) && !LATIN.test(t));
  if (foreign.length === terms.length && !foreign.some((t) => corpusWords.has(t))) return 'unreadable-language';
  return null;
}

/** What a user is told for each notice (page, CLI); the query is shown next to it. */
export const NOTICE_TEXT: Record<SearchNotice, string> = {
  'no-words': 'The query has no letters or digits, so there is nothing to search for.',
  'common-words-only': 'The query has only common words (such as “the”, “and”, “not”) that every quote contains; add a word that names the theme.',
  'unreadable-language':
    'The query is in a script the index does not hold, and the search model reads English only; no quote contains these words. Search in English.',
  'no-match': 'No quote holds half of the query’s words or comes close to it in meaning.',
};

interface Candidate {
  chunk: StoredChunk;
  vectorScore: number | null;
}

/** The candidates that clear the floor, best first, each with what kind of match it is; or a notice when none can. */
export function applyRelevanceFloor<T extends Candidate>(
  reader: IndexReader,
  query: string | ParsedQuery,
  ranking: { ranked: T[]; concepts: QueryConcept[]; namedSpeakers: string[] },
): { kept: { candidate: T; match: MatchKind }[]; notice: SearchNotice | null } {
  const pq = asParsed(query);
  const early = queryNotice(pq, reader.corpusWordCounts());
  if (early) return { kept: [], notice: early };
  // a speaker the query names by role ("the foreign ministry") is named by those words: they count as the query's words
  const described = new Map(
    ranking.namedSpeakers.map((id) => {
      const s = reader.speaker(id);
      return [id, s ? [s.name, s.role, s.affiliation, ...s.aliases].filter(Boolean).join(' ') : ''];
    }),
  );
  const stems = contentStems(pq);
  const matcher = ranking.concepts.length ? conceptMatcher(ranking.concepts, 1) : null;
  const kept: { candidate: T; match: MatchKind }[] = [];
  for (const candidate of ranking.ranked) {
    const id = candidate.chunk.speakerId;
    const speakerName = (id && described.get(id)) || (id ? (reader.speaker(id)?.name ?? '') : '');
    const w = wordEvidence(stems, candidate.chunk, speakerName);
    // words or meaning enough decide that a quote is kept; what kind of match it is, only a shown result needs
    if (w.words >= FLOOR.words || (candidate.vectorScore ?? 0) >= FLOOR.vector) {
      kept.push(new Kept(candidate, w, speakerName, matcher));
      continue;
    }
    // below the floor by words and meaning: kept only when the concepts reach it (counted until that is known)
    if (!matcher || !conceptShareReaches(ranking.concepts, ownMatchable(candidate.chunk, speakerName), FLOOR.words)) continue;
    kept.push({ candidate, match: matchKind(fullEvidence(w, candidate.chunk, speakerName, matcher, candidate.vectorScore)) });
  }
  // the quotes of the speakers the query names come first, as the page says, however strongly others match its words
  const named = (k: { candidate: T }) => (k.candidate.chunk.speakerId && described.has(k.candidate.chunk.speakerId) ? 0 : 1);
  kept.sort((a, b) => named(a) - named(b));
  // no candidate at all means the filters leave nothing to search: that is not the query's fault
  return { kept, notice: kept.length || !ranking.ranked.length ? null : 'no-match' };
}
