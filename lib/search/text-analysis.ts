import { lightStem } from './stem';

/** A word as queries are split (letters and digits, one apostrophe part: "Japan's"). */
const QUERY_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** A word as FTS5 tokenises it (letters and digits only). */
const PLAIN_WORD = /[\p{L}\p{N}]+/gu;

/** A text prepared for concept matching: its words, lower case, joined by single spaces, and the set of their light stems. */
export interface MatchableText {
  joined: string;
  stems: Set<string>;
  /** The distinct words, so a phrase whose first word is absent is ruled out without a substring search. */
  words?: Set<string>;
}

export interface WordToken {
  /** As written. */
  word: string;
  lower: string;
  stem: string;
}

export interface PlainToken {
  lower: string;
  stem: string;
  start: number;
  end: number;
}

/** The words of a term or text as FTS5 tokenises them, lower case. */
export function phraseWords(term: string): string[] {
  return term
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…]["”’)\]]*)\s+(?=["“([]?[\p{Lu}\d])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Everything the ranking and the highlighter derive from one text, independent of any query, each part worked out on
 * first use. Chunks recur from query to query, so these are cached by text.
 */
export class TextAnalysis {
  private _coverageStems: Set<string> | null = null;
  private _plainStems: Set<string> | null = null;
  private _words: WordToken[] | null = null;
  private _sentences: { text: string; stems: Set<string> }[] | null = null;
  private _matchable: MatchableText | null = null;
  private _tokens: PlainToken[] | null = null;

  constructor(readonly text: string) {}

  /** Stems of the distinct words of the lower-cased text (what query coverage counts). */
  get coverageStems(): Set<string> {
    if (!this._coverageStems) {
      const words = new Set(this.text.toLowerCase().match(QUERY_WORD) ?? []);
      this._coverageStems = new Set([...words].map(lightStem));
    }
    return this._coverageStems;
  }

  /** Stems of the distinct lower-cased words with their apostrophes dropped ("don't" → dont), as query terms are written: what the relevance floor counts. */
  get plainStems(): Set<string> {
    if (!this._plainStems) {
      const words = new Set(this.text.toLowerCase().match(QUERY_WORD) ?? []);
      this._plainStems = new Set([...words].map((w) => lightStem(w.replace(/['’]s$/, '').replace(/['’]/g, ''))));
    }
    return this._plainStems;
  }

  /** The query-pattern words of the text as written, in order. */
  get words(): WordToken[] {
    if (!this._words) this._words = [...this.text.matchAll(QUERY_WORD)].map((m) => ({ word: m[0], lower: m[0].toLowerCase(), stem: lightStem(m[0]) }));
    return this._words;
  }

  /** The sentences, each with the stems of its plain words. */
  get sentences(): { text: string; stems: Set<string> }[] {
    if (!this._sentences) this._sentences = splitSentences(this.text).map((s) => ({ text: s, stems: new Set((s.match(PLAIN_WORD) ?? []).map(lightStem)) }));
    return this._sentences;
  }

  get matchable(): MatchableText {
    if (!this._matchable) {
      const words = phraseWords(this.text);
      this._matchable = { joined: ` ${words.join(' ')} `, stems: new Set(words.map(lightStem)), words: new Set(words) };
    }
    return this._matchable;
  }

  /** Plain words with where each stands, to copy matched words as written. */
  get tokens(): PlainToken[] {
    if (!this._tokens)
      this._tokens = [...this.text.matchAll(PLAIN_WORD)].map((m) => ({
        lower: m[0].toLowerCase(),
        stem: lightStem(m[0]),
        start: m.index!,
        end: m.index! + m[0].length,
      }));
    return this._tokens;
  }
}

// bounded: a few thousand chunks recur across searches; emptied when full (re-analysis is cheap, a leak is not)
const ANALYSIS_CACHE_LIMIT = 20_000;
const analyses = new Map<string, TextAnalysis>();

/** The analysis of a text, cached by `key` (the text itself unless the caller has a shorter stable key). */
export function analyseText(text: string, key: string = text): TextAnalysis {
  let a = analyses.get(key);
  if (a === undefined || a.text !== text) {
    if (analyses.size >= ANALYSIS_CACHE_LIMIT) analyses.clear();
    a = new TextAnalysis(text);
    analyses.set(key, a);
  }
  return a;
}

// texts made of parts (a quote, its speaker and section): keyed by the caller, checked part by part, never re-joined to look up
const joinedAnalyses = new Map<string, { parts: readonly string[]; analysis: TextAnalysis }>();

/** The analysis of parts joined by single spaces, cached by `key`; a hit compares the parts, not a joined copy. */
export function analyseJoined(parts: readonly string[], key: string): TextAnalysis {
  const hit = joinedAnalyses.get(key);
  if (hit && hit.parts.length === parts.length && hit.parts.every((p, i) => p === parts[i])) return hit.analysis;
  if (joinedAnalyses.size >= ANALYSIS_CACHE_LIMIT) joinedAnalyses.clear();
  const analysis = new TextAnalysis(parts.join(' '));
  joinedAnalyses.set(key, { parts: [...parts], analysis });
  return analysis;
}
