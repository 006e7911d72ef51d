/** English words too common to help ranking; dropped from keyword queries unless nothing else is left. */
export const STOPWORDS = new Set(
  (
    'a an the and or but if of at by for with about against between into through during before after above below to from up down in out on off over under ' +
    'again further then once here there when where why how all any both each few more most other some such no nor not only own same so than too very ' +
    's t can will just don should now is are was were be been being have has had having do does did doing i me my myself we our ours you your he him his ' +
    'she her it its they them their what which who whom this that these those am would could ought say says said what do experts expert think tell about ' +
    // function words the list above lacked ("as", "still" must not count as a match); not "us" or "may", which can be the U.S. or a name
    'as also might must per via yet upon still like much many even every either neither whether while within without'
  ).split(/\s+/),
);

/** Words of a user query: letters and digits only, so no character can act as FTS5 syntax. */
export function queryTerms(text: string): string[] {
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  return words.map((w) => w.replace(/['’]s$/, '').replace(/['’]/g, '')).filter((w) => w.length > 0 && w.length <= 64);
}

/** The terms that carry meaning; all terms when the query is nothing but stopwords. */
export function contentTerms(text: string): string[] {
  return contentTermsOf(queryTerms(text));
}

/** contentTerms of words already split by queryTerms. */
export function contentTermsOf(terms: readonly string[]): string[] {
  const content = terms.filter((t) => !STOPWORDS.has(t));
  return [...new Set(content.length ? content : terms)];
}

/**
 * Builds an FTS5 MATCH expression from user text. Every term is a double-quoted string, so
 * quotes, NEAR(, AND, *, -, ^, column filters and brackets are searched as words, never as syntax.
 * Terms are ORed: BM25 ranks chunks that match more of them higher.
 */
export function buildFtsQuery(text: string): string | null {
  return ftsMatchOf(contentTerms(text));
}

/** buildFtsQuery of content terms already found. */
export function ftsMatchOf(content: readonly string[]): string | null {
  const terms = content.slice(0, 32);
  if (!terms.length) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
}
