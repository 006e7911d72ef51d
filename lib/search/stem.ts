const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ions', 'ion', 'ies', 'ied', 'ed', 'es', 's', 'ly', 'ers', 'er'];

function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  for (let pass = 0; pass < 2; pass++) {
    const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 3);
    if (!suffix) break;
    w = w.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '');
  }
  return w;
}

// words recur in every text and query: a stem is worked out once per word (emptied when full, a few MB at most)
const STEM_CACHE_LIMIT = 50_000;
const stems = new Map<string, string>();

/** A light stemmer for matching query words to the words of a quote ("sanctions" ~ "sanctioning"). */
export function lightStem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    s = stem(word);
    stems.set(word, s);
  }
  return s;
}
