import { buildExpandedFtsQuery, expandTerms, type QueryConcept } from './expand-query';
import { contentTermsOf, ftsMatchOf, queryTerms } from './fts-query';
import { lightStem } from './stem';
import { bundledWordnet, type Wordnet } from './wordnet';

/**
 * A query analysed once: its words, content words, their stems, the FTS5 expression and, when asked for, its WordNet
 * concepts. Ranking, highlighting and result building all read this value instead of splitting the text again.
 */
export interface ParsedQuery {
  /** The query as given. */
  readonly text: string;
  /** Every word, lower case, as FTS5 may search it (queryTerms). */
  readonly terms: readonly string[];
  /** The words that carry meaning, distinct (contentTerms). */
  readonly content: readonly string[];
  /** Distinct light stems of the content words, in order. */
  readonly stems: readonly string[];
  readonly stemSet: ReadonlySet<string>;
  /** The BM25 expression over the content words, null when there are none. */
  readonly ftsMatch: string | null;
  /** The words with their WordNet relatives (computed on first use, then kept). */
  readonly concepts: QueryConcept[];
  /** The expanded BM25 expression, null when WordNet added nothing. */
  readonly expandedMatch: string | null;
}

class Parsed implements ParsedQuery {
  readonly terms: string[];
  readonly content: string[];
  readonly stems: string[];
  readonly stemSet: Set<string>;
  readonly ftsMatch: string | null;
  private expansion: { concepts: QueryConcept[]; match: string | null } | null = null;

  constructor(
    readonly text: string,
    private readonly wn: () => Wordnet,
  ) {
    this.terms = queryTerms(text);
    this.content = contentTermsOf(this.terms);
    this.stemSet = new Set(this.content.map(lightStem));
    this.stems = [...this.stemSet].filter(Boolean);
    this.ftsMatch = ftsMatchOf(this.content);
  }

  private expand() {
    if (!this.expansion) {
      const concepts = expandTerms(this.wn(), this.terms, new Set(this.content));
      this.expansion = { concepts, match: buildExpandedFtsQuery(concepts) };
    }
    return this.expansion;
  }

  get concepts(): QueryConcept[] {
    return this.expand().concepts;
  }

  get expandedMatch(): string | null {
    return this.expand().match;
  }
}

// parsed queries by text: paging, filters, compare and the matrix repeat the same text; a parse holds no index data
const PARSE_CACHE_LIMIT = 256;
const parseCache = new Map<string, ParsedQuery>();

/** The analysis of a query text, made once and remembered (least recently used out first). */
export function parseQuery(text: string, wn: () => Wordnet = bundledWordnet): ParsedQuery {
  const hit = parseCache.get(text);
  if (hit) {
    parseCache.delete(text);
    parseCache.set(text, hit);
    return hit;
  }
  const parsed = new Parsed(text, wn);
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.delete(parseCache.keys().next().value!);
  parseCache.set(text, parsed);
  return parsed;
}

/** Forgets every parsed query (the bench times a query's analysis as a new query would pay it). */
export function clearParseCache(): void {
  parseCache.clear();
}

/** Accepts either form, so the public helpers keep taking a plain string. */
export function asParsed(query: string | ParsedQuery): ParsedQuery {
  return typeof query === 'string' ? parseQuery(query) : query;
}
