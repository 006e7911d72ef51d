import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument as parseYamlDocument, type YAMLMap } from 'yaml';
import { parseDocument } from '../parse-document';
import { readSource } from '../read-source';

/** One hand-annotated quotation of a person. `speaker: null`: the text gives no way to know who said it. */
export interface AnnotatedQuote {
  speaker: string | null;
  snippet: string;
  kind: 'interview' | 'quote' | null;
  anonymous: boolean; // a descriptor ("defence ministry spokesman"), not a name
  line: number; // line in the annotations file, for messages
}

export interface Annotations {
  quotes: AnnotatedQuote[];
  nonQuotes: { snippet: string; line: number }[];
  people: string[]; // other named people of the text (not speakers): they make a bare surname ambiguous
}

/** The part of a parsed quote the scorer reads: it works on the old parser (speaker always set) and the new one (speaker may be null). */
export interface ScorableQuote {
  text: string;
  kind?: string;
  speaker: { name: string; anonymous?: boolean; role?: string | null; affiliation?: string | null } | null;
}

export type FailureKind = 'wrong' | 'unattributed' | 'missed' | 'non-quote' | 'spurious' | 'attributed-null';

export interface Failure {
  kind: FailureKind;
  snippet: string; // the annotated snippet, or the start of the parsed quote for spurious ones
  expected: string | null;
  got: string | null;
}

export interface DocumentScore {
  document: string;
  annotated: number;
  right: number;
  wrong: number;
  unattributed: number;
  missed: number;
  attributedNonQuotes: number;
  kindMismatches: number; // right speaker, but interview/quote differs from the annotation
  failures: Failure[];
}

/** An annotations file that cannot be used: names the file and line. */
export class AnnotationError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}`);
    this.name = 'AnnotationError';
  }
}

/** Folds typographic quotes, dashes, whitespace and case so a snippet typed from the text matches the parser's text. */
export function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const TITLES = new Set(
  'the mr mrs ms miss mx dr prof professor sir dame lord lady judge justice sen senator rep representative president vice elect deputy acting former incoming gov governor gen general col colonel capt captain lt ambassador minister secretary rev father dci chairman chairwoman chair mayor'.split(
    ' ',
  ),
);

/** Name tokens without titles, punctuation, accents or nicknames in quotes; '@handle' keeps the handle. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .split(/[^a-z0-9@]+/)
    .map((t) => t.replace(/^@/, ''))
    .filter((t) => t && !TITLES.has(t));
}

const STOP = new Set('a an the of from at in on for and or to with by his her their its who was is former senior'.split(' '));

function descriptorWords(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .map((w) => w.replace(/s$/, ''))
      .filter((w) => w.length > 1 && !STOP.has(w)),
  );
}

/** True when a name is a description of an unnamed person ("a senior official") rather than a name. */
export function looksAnonymous(name: string): boolean {
  return /^[a-z]/.test(name.trim());
}

/**
 * Same person? Equal names (token order free: "Ishii Masafumi" = "Masafumi Ishii"), or one name's tokens a subset of the
 * other's (surname only, title, nickname or middle name differences) when no other known person of the document has
 * all of the short form's tokens too (then the short form is ambiguous and settles nothing).
 */
export function samePerson(expected: string, got: string, known: string[]): boolean {
  const e = nameTokens(expected);
  const g = nameTokens(got);
  if (!e.length || !g.length) return false;
  if ([...e].sort().join(' ') === [...g].sort().join(' ')) return true;
  const [short, long] = e.length <= g.length ? [e, g] : [g, e];
  if (!short.every((t) => long.includes(t))) return false;
  return known.every((k) => {
    const kt = nameTokens(k);
    const fitsShort = short.every((t) => kt.includes(t));
    const isThisPerson = kt.every((t) => long.includes(t)) || long.every((t) => kt.includes(t));
    return !fitsShort || isThisPerson;
  });
}

/** Anonymous sources compare by their descriptor words: at least half of the annotation's words appear in the parser's. */
export function sameAnonymous(expected: string, got: ScorableQuote['speaker']): boolean {
  if (!got) return false;
  const e = descriptorWords(expected);
  const g = descriptorWords([got.name, got.role ?? '', got.affiliation ?? ''].join(' '));
  if (!e.size) return false;
  let hit = 0;
  for (const w of e) if (g.has(w)) hit++;
  return hit >= 1 && hit * 2 >= e.size;
}

function speakerMatches(a: AnnotatedQuote, got: NonNullable<ScorableQuote['speaker']>, known: string[]): boolean {
  if (a.speaker === null) return false;
  if (a.anonymous) return got.anonymous || looksAnonymous(got.name) ? sameAnonymous(a.speaker, got) : false;
  if (got.anonymous) return false;
  return samePerson(a.speaker, got.name, known);
}

const MIN_PART_CHARS = 15; // a parsed fragment shorter than this says too little to stand for a split quote

function matches(quoteText: string, snippet: string): boolean {
  if (!quoteText || !snippet) return false;
  if (quoteText.includes(snippet)) return true;
  return quoteText.length >= MIN_PART_CHARS && snippet.includes(quoteText);
}

/** Scores one document's parsed quotes against its annotations. Pure. */
export function scoreDocument(document: string, parsed: ScorableQuote[], annotations: Annotations): DocumentScore {
  const score: DocumentScore = {
    document,
    annotated: annotations.quotes.length,
    right: 0,
    wrong: 0,
    unattributed: 0,
    missed: 0,
    attributedNonQuotes: 0,
    kindMismatches: 0,
    failures: [],
  };
  const known = [...annotations.quotes.filter((q) => q.speaker && !q.anonymous).map((q) => q.speaker as string), ...annotations.people];
  const texts = parsed.map((p) => normaliseText(p.text));
  const snippets = annotations.quotes.map((a) => normaliseText(a.snippet));
  const claimed = new Set<number>();
  // Where the annotation's snippet starts in a parsed quote (0 when the parsed quote is a part of a split quotation).
  // A parsed quote that holds another annotation's whole snippet is that quotation, not a fragment of this one
  // ("kill the story." quoted from one speaker is no part of another speaker's "I want to kill the story.").
  const fragmentOfOther = (i: number, k: number) => !texts[i].includes(snippets[k]) && snippets.some((sn, j) => j !== k && texts[i].includes(sn));
  const at = (i: number, k: number): number => (!matches(texts[i], snippets[k]) || fragmentOfOther(i, k) ? -1 : Math.max(0, texts[i].indexOf(snippets[k])));
  const sameSpeaker = (x: AnnotatedQuote, y: AnnotatedQuote) => (x.speaker ?? '').toLowerCase() === (y.speaker ?? '').toLowerCase();

  for (const [k, a] of annotations.quotes.entries()) {
    const found = parsed.map((_, i) => i).filter((i) => at(i, k) >= 0);
    for (const i of found) claimed.add(i);
    // A parsed quote in which another speaker's annotated words start earlier is that speaker's quotation, holding
    // these words nested inside it (a witness repeating the President, a host quoting a colleague): it is judged as the
    // outer speaker's, and these words count as found only where the parser gave them a quote of their own.
    const hits = found.filter((i) => !annotations.quotes.some((b, j) => j !== k && !sameSpeaker(a, b) && at(i, j) >= 0 && at(i, j) < at(i, k)));
    if (!hits.length) {
      score.missed++;
      score.failures.push({ kind: 'missed', snippet: a.snippet, expected: a.speaker, got: null });
      continue;
    }
    const attributed = hits.filter((i) => parsed[i].speaker);
    if (a.speaker === null) {
      // a quotation without a knowable speaker is right only when every copy of it is left unattributed
      if (!attributed.length) score.right++;
      else {
        score.wrong++;
        score.failures.push({ kind: 'attributed-null', snippet: a.snippet, expected: null, got: parsed[attributed[0]].speaker?.name ?? null });
      }
      continue;
    }
    const wrongHit = attributed.find((i) => !speakerMatches(a, parsed[i].speaker as NonNullable<ScorableQuote['speaker']>, known));
    if (wrongHit !== undefined) {
      // one copy under the wrong person is the worst bug, whatever the other copies say
      score.wrong++;
      score.failures.push({ kind: 'wrong', snippet: a.snippet, expected: a.speaker, got: parsed[wrongHit].speaker?.name ?? null });
    } else if (attributed.length) {
      score.right++;
      if (a.kind && attributed.some((i) => parsed[i].kind && parsed[i].kind !== a.kind)) score.kindMismatches++;
    } else {
      score.unattributed++;
      score.failures.push({ kind: 'unattributed', snippet: a.snippet, expected: a.speaker, got: null });
    }
  }

  const nonQuotes = annotations.nonQuotes.map((n) => normaliseText(n.snippet));
  parsed.forEach((p, i) => {
    if (!p.speaker || claimed.has(i)) return;
    const nq = annotations.nonQuotes.find((_, k) => matches(texts[i], nonQuotes[k]));
    if (nq) {
      score.attributedNonQuotes++;
      score.failures.push({ kind: 'non-quote', snippet: nq.snippet, expected: null, got: p.speaker.name });
    } else {
      score.attributedNonQuotes++;
      score.failures.push({ kind: 'spurious', snippet: p.text.slice(0, 80), expected: null, got: p.speaker.name });
    }
  });
  return score;
}

/** Whole quotes with the right speaker, over all annotated quotes (null-speaker ones count right when left unattributed). */
export function rate(s: Pick<DocumentScore, 'right' | 'annotated'>): number {
  return s.annotated ? s.right / s.annotated : 0;
}

export function totalScore(scores: DocumentScore[]): DocumentScore {
  const t: DocumentScore = {
    document: 'total',
    annotated: 0,
    right: 0,
    wrong: 0,
    unattributed: 0,
    missed: 0,
    attributedNonQuotes: 0,
    kindMismatches: 0,
    failures: [],
  };
  for (const s of scores) {
    t.annotated += s.annotated;
    t.right += s.right;
    t.wrong += s.wrong;
    t.unattributed += s.unattributed;
    t.missed += s.missed;
    t.attributedNonQuotes += s.attributedNonQuotes;
    t.kindMismatches += s.kindMismatches;
  }
  return t;
}

/** Reads an annotations file, refusing anything malformed with its file and line. */
export function readAnnotations(file: string, text: string): Annotations {
  const lc = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new AnnotationError(file, lc.linePos(e.pos[0]).line, `broken YAML: ${e.message.split('\n')[0]}`);
  }
  const lineOf = (node: unknown): number | null => {
    const r = (node as { range?: [number, number, number] } | null)?.range;
    return r ? lc.linePos(r[0]).line : null;
  };
  const root = doc.contents;
  if (!isMap(root)) throw new AnnotationError(file, 1, 'must be a YAML map with "quotes" and "nonQuotes"');
  for (const item of root.items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    if (!['quotes', 'nonQuotes', 'people'].includes(key))
      throw new AnnotationError(file, lineOf(item.key), `unknown key "${key}" (expected quotes, nonQuotes, people)`);
  }
  const seq = (key: string) => {
    const node = root.get(key, true);
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) throw new AnnotationError(file, lineOf(node), `"${key}" must be a list`);
    return node.items;
  };
  const str = (m: YAMLMap, key: string, required: boolean): string | null => {
    const v = m.get(key, true);
    if (v === undefined || (isScalar(v) && v.value === null)) {
      if (required) throw new AnnotationError(file, lineOf(m), `entry needs "${key}"`);
      return null;
    }
    if (!isScalar(v) || typeof v.value !== 'string' || !v.value.trim()) throw new AnnotationError(file, lineOf(v), `"${key}" must be a non-empty string`);
    return v.value;
  };
  const quotes: AnnotatedQuote[] = seq('quotes').map((n) => {
    if (!isMap(n)) throw new AnnotationError(file, lineOf(n), 'each quote must be a map with speaker and snippet');
    if (!n.has('speaker')) throw new AnnotationError(file, lineOf(n), 'quote needs "speaker" (a name, or null when the text does not say)');
    for (const item of n.items) {
      const key = isScalar(item.key) ? String(item.key.value) : '';
      if (!['speaker', 'snippet', 'kind', 'anonymous'].includes(key)) throw new AnnotationError(file, lineOf(item.key), `unknown quote field "${key}"`);
    }
    const speaker = str(n, 'speaker', false);
    const snippet = str(n, 'snippet', true) as string;
    const kind = str(n, 'kind', false);
    if (kind !== null && kind !== 'interview' && kind !== 'quote')
      throw new AnnotationError(file, lineOf(n.get('kind', true)), `kind must be interview or quote, not "${kind}"`);
    const anonNode = n.get('anonymous', true);
    const anonymous = isScalar(anonNode) && typeof anonNode.value === 'boolean' ? anonNode.value : speaker !== null && looksAnonymous(speaker);
    return { speaker, snippet, kind: kind as AnnotatedQuote['kind'], anonymous, line: lineOf(n) ?? 0 };
  });
  const nonQuotes = seq('nonQuotes').map((n) => {
    if (!isMap(n)) throw new AnnotationError(file, lineOf(n), 'each non-quote must be a map with a snippet');
    return { snippet: str(n, 'snippet', true) as string, line: lineOf(n) ?? 0 };
  });
  const people = seq('people').map((n) => {
    if (!isScalar(n) || typeof n.value !== 'string') throw new AnnotationError(file, lineOf(n), 'people must be a list of names');
    return n.value;
  });
  return { quotes, nonQuotes, people };
}

export interface EvalDocument {
  id: string;
  file: string;
  text: string;
  annotationsFile: string;
  annotations: Annotations;
}

export const EVAL_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), '.');
export type EvalSet = 'dev' | 'held-out';
export const SET_DIRS: Record<EvalSet, string> = { dev: 'dev-set', 'held-out': 'held-out' };

/** Reads every document of a set with its annotations; a document without annotations is an error. */
export function loadEvalSet(dir: string): EvalDocument[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new AnnotationError(dir, null, 'cannot be read (no such directory?)');
  }
  return names
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => {
      const file = path.join(dir, n);
      const annotationsFile = file.replace(/\.md$/, '.annotations.yaml');
      let yamlText: string;
      try {
        yamlText = readFileSync(annotationsFile, 'utf8');
      } catch {
        throw new AnnotationError(annotationsFile, null, `is missing: every document needs its annotations (${n})`);
      }
      return { id: n.replace(/\.md$/, ''), file, text: readFileSync(file, 'utf8'), annotationsFile, annotations: readAnnotations(annotationsFile, yamlText) };
    });
}

/** Parses a document with the product's own parser and scores it. */
export function evaluateDocument(d: EvalDocument): DocumentScore {
  const parsed = parseDocument(readSource(d.file, d.text));
  return scoreDocument(d.id, parsed.quotes as unknown as ScorableQuote[], d.annotations);
}

function row(s: DocumentScore, label = s.document, docs = 1): string {
  return `| ${label} | ${docs} | ${s.annotated} | ${s.right} | ${s.wrong} | ${s.unattributed} | ${s.missed} | ${s.attributedNonQuotes} | ${rate(s).toFixed(2)} |`;
}

/** The Markdown table: one row per document and a total row. */
export function formatTable(scores: DocumentScore[]): string {
  const lines = [
    '| document | documents | annotated | right | wrong | unattributed | missed | attributed non-quotes | rate |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...scores.map((s) => row(s)),
    row(totalScore(scores), '**total**', scores.length),
  ];
  return lines.join('\n');
}

export function formatFailures(scores: DocumentScore[]): string {
  const out: string[] = [];
  for (const s of scores) {
    if (!s.failures.length) continue;
    out.push(`\n## ${s.document}`);
    for (const f of s.failures) out.push(`- ${f.kind}: "${f.snippet}" expected ${f.expected ?? '(none)'}, got ${f.got ?? '(none)'}`);
  }
  return out.join('\n');
}
