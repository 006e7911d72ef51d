import { createHash } from 'node:crypto';
import type { ChunkKind } from '../types';
import { APPARATUS_SECTION } from './structure';
import { noteAnchor, noteOfAnchor } from './note-quotes';
import { isBlockQuote } from './quote-context';
import type { ParsedDocument, ParsedQuote } from './types';

export const MIN_ANALYSIS_WORDS = 100;
export const MAX_ANALYSIS_WORDS = 250;

export interface ChunkDraft {
  id: string;
  documentId: string;
  kind: ChunkKind;
  text: string;
  sectionIndex: number;
  anchors: string[];
  quote: ParsedQuote | null;
  ordinal: number; // reading order within the document
  wordCount: number;
  dupOf: string | null; // id of the chunk this one repeats, in another document
}

export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;
}

export function quoteId(documentId: string, q: ParsedQuote): string {
  return stableId('q', documentId, q.anchors[0], q.text);
}

function countWords(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?…]["”’)\]]*)\s+(?=["“([]?[\p{Lu}\d])/u);
}

/** The words of a text as shingles read them: lower case, one kind of apostrophe. */
function shingleWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’']/g, "'")
      .match(/[\p{L}\p{N}']+/gu) ?? []
  );
}

/** Word 3-gram shingles, the unit of near-duplicate comparison. */
export function shingles(text: string): Set<string> {
  const words = shingleWords(text);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) n++;
  return n / small.size;
}

/**
 * Paragraphs that another document repeats nearly word for word (a web article reprinting a
 * report's foreword). Returned as "docId#anchor" keys.
 *
 * A paragraph is repeated when some paragraph of another document shares at least `threshold` of the smaller one's
 * shingles (a shingle counting only where that other document holds it in at most MAX_POSTINGS paragraphs). Comparing
 * every paragraph with every paragraph sharing any shingle grows with the square of the corpus (common phrases are in
 * thousands of paragraphs), so candidates come from a prefix filter: with a paragraph's shingles ordered rarest first,
 * a paragraph that first shares the one at position i can share at most the rest, so only paragraphs for which that
 * rest could reach the threshold are taken as candidates there, and each candidate is then counted exactly.
 */
export function findRepeatedParagraphs(docs: ParsedDocument[], threshold = 0.6): Set<string> {
  const MAX_POSTINGS = 50;
  const keys: string[] = [];
  const docOf: number[] = [];
  // each paragraph's shingles as numbers (ascending, to intersect two by a merge), and each shingle's paragraphs: most
  // shingles are in one paragraph only, so only those in more get a list (memory: millions of shingles in an archive)
  const ids = new Map<number | string, number>();
  const sets: Int32Array[] = [];
  const first: number[] = [];
  const last: number[] = [];
  const postings = new Map<number, number[]>();
  // a shingle is its three words' numbers in one exact number while they are small enough (a map of strings per
  // shingle held several hundred bytes each), else in a string; words as shingles() reads them
  const wordIds = new Map<string, number>();
  const WORD_BASE = 2 ** 17;
  docs.forEach((d, di) => {
    for (const p of d.paragraphs) {
      if (p.kind !== 'text' || countWords(p.text) < 20) continue;
      const k = keys.length;
      keys.push(`${d.source.id}#${p.anchor}`);
      docOf.push(di);
      const words = shingleWords(p.text).map((w) => {
        let id = wordIds.get(w);
        if (id === undefined) wordIds.set(w, (id = wordIds.size));
        return id;
      });
      const set: number[] = [];
      for (let i = 0; i + 2 < words.length; i++) {
        const [a, b, c] = [words[i], words[i + 1], words[i + 2]];
        const code = a < WORD_BASE && b < WORD_BASE && c < WORD_BASE ? (a * WORD_BASE + b) * WORD_BASE + c : `${a} ${b} ${c}`;
        let id = ids.get(code);
        if (id === undefined) {
          id = first.length;
          ids.set(code, id);
          first.push(k);
          last.push(k);
        } else if (last[id] === k)
          continue; // twice in this paragraph: a set holds it once
        else {
          last[id] = k;
          const list = postings.get(id);
          if (list) list.push(k);
          else postings.set(id, [first[id], k]);
        }
        set.push(id);
      }
      sets.push(Int32Array.from(set).sort());
    }
  });
  ids.clear();
  wordIds.clear();
  last.length = 0;
  const shingleCount = first.length;
  const frequency = new Int32Array(shingleCount).fill(1);
  for (const [id, list] of postings) frequency[id] = list.length;
  // a shingle that one document holds in very many of its paragraphs says nothing about copying from that document
  const common = new Set<number>();
  postings.forEach((list, id) => {
    if (list.length <= MAX_POSTINGS) return;
    const perDoc = new Map<number, number>();
    for (const k of list) perDoc.set(docOf[k], (perDoc.get(docOf[k]) ?? 0) + 1);
    for (const [d, n] of perDoc) if (n > MAX_POSTINGS) common.add(d * shingleCount + id);
    // such a paragraph can never be matched through this shingle: leaving it out of the list spares walking it (a
    // long document repeating its own phrases would otherwise be walked once per paragraph)
    if (common.size)
      postings.set(
        id,
        list.filter((k) => !common.has(docOf[k] * shingleCount + id)),
      );
  });
  // each posting list from the paragraph with the fewest shingles up, so a walk can stop where the sizes grow too large
  for (const list of postings.values()) list.sort((a, b) => sets[a].length - sets[b].length || a - b);
  // the shared shingles that count, as the other paragraph's document holds them
  const shared = (a: Int32Array, b: number): number => {
    const other = sets[b];
    let n = 0;
    for (let i = 0, j = 0; i < a.length && j < other.length; ) {
      if (a[i] < other[j]) i++;
      else if (a[i] > other[j]) j++;
      else {
        if (!(common.size && common.has(docOf[b] * shingleCount + a[i]))) n++;
        i++;
        j++;
      }
    }
    return n;
  };
  const repeated = new Set<string>();
  const seen = new Int32Array(keys.length).fill(-1);
  for (let a = 0; a < keys.length; a++) {
    const size = sets[a].length;
    const order = sets[a].slice().sort((x, y) => frequency[x] - frequency[y]);
    const candidates: number[] = [];
    for (let i = 0; i < order.length; i++) {
      const rest = order.length - i;
      // a shingle of this paragraph alone matches nothing
      const list = postings.get(order[i]);
      // no paragraph first met here can reach the threshold, not even the smallest
      if (!list?.length || rest / Math.min(size, sets[list[0]].length) < threshold) continue;
      for (const b of list) {
        if (rest / Math.min(size, sets[b].length) < threshold) break;
        if (seen[b] === a || docOf[b] === docOf[a]) continue;
        seen[b] = a;
        candidates.push(b);
      }
    }
    for (const b of candidates)
      if (shared(sets[a], b) / Math.min(size, sets[b].length) >= threshold) {
        repeated.add(keys[a]);
        break;
      }
  }
  return repeated;
}

/** Splits a run of pieces into chunks of balanced size, none over the maximum where the pieces allow. */
function partitionRun<T extends { words: number }>(pieces: T[]): T[][] {
  const total = pieces.reduce((n, p) => n + p.words, 0);
  for (let count = Math.max(1, Math.ceil(total / MAX_ANALYSIS_WORDS)); ; count++) {
    const groups = partitionInto(pieces, count, total / count);
    // lumpy piece sizes can overshoot the balanced target: cut into one more chunk and retry
    if (count >= pieces.length || groups.every((g) => g.length === 1 || g.reduce((n, p) => n + p.words, 0) <= MAX_ANALYSIS_WORDS)) return groups;
  }
}

function partitionInto<T extends { words: number }>(pieces: T[], count: number, target: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let words = 0;
  for (const piece of pieces) {
    // close the group when adding this piece would overshoot the target by more than it undershoots
    if (current.length && groups.length < count - 1 && words + piece.words - target > target - words) {
      groups.push(current);
      current = [];
      words = 0;
    }
    current.push(piece);
    words += piece.words;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Cuts a sentence longer than the maximum at clause ends (";", ","), or at word counts if it has none. */
function splitLongSentence(sentence: string): string[] {
  const clauses = sentence.split(/(?<=[;,:])\s+/);
  const pieces = clauses.flatMap((c) => {
    const w = c.split(/\s+/);
    if (w.length <= MAX_ANALYSIS_WORDS) return [c];
    const out: string[] = [];
    for (let i = 0; i < w.length; i += MAX_ANALYSIS_WORDS) out.push(w.slice(i, i + MAX_ANALYSIS_WORDS).join(' '));
    return out;
  });
  return partitionRun(pieces.map((t) => ({ text: t, words: countWords(t) }))).map((g) => g.map((x) => x.text).join(' '));
}

/** A paragraph longer than the maximum, cut at sentence ends into pieces of balanced size. */
function splitLongParagraph(anchor: string, text: string): { anchor: string; text: string; words: number }[] {
  const sentences = splitSentences(text)
    .flatMap((t) => (countWords(t) > MAX_ANALYSIS_WORDS ? splitLongSentence(t) : [t]))
    .map((t) => ({ text: t, words: countWords(t) }));
  return partitionRun(sentences).map((g) => ({ anchor, text: g.map((x) => x.text).join(' '), words: g.reduce((n, x) => n + x.words, 0) }));
}

/**
 * Chunks one document: every quote whole, and the analysis in runs of roughly 100–250 words inside a
 * section. Runs break at block quotes and where repeated text starts or stops, so repeated
 * passages chunk the same way in both documents; each run is cut into chunks of balanced size.
 */
export function chunkDocument(doc: ParsedDocument, repeated: Set<string> = new Set()): ChunkDraft[] {
  const docId = doc.source.id;
  const chunks: ChunkDraft[] = [];
  const blockQuoteAnchors = new Set(doc.quotes.filter((q) => isBlockQuote(q, doc.paragraphs)).flatMap((q) => q.anchors));
  const quotesByAnchor = new Map<string, ParsedQuote[]>();
  for (const q of doc.quotes) quotesByAnchor.set(q.anchors[0], [...(quotesByAnchor.get(q.anchors[0]) ?? []), q]);
  let ordinal = 0;
  let run: { anchor: string; text: string; words: number }[] = [];
  let runSection = -1;
  let runRepeated: boolean | null = null;
  const pendingQuotes: ParsedQuote[] = [];

  const usedIds = new Map<string, number>();
  // the same words quoted twice in one paragraph are two quotes: the second gets its own id
  const uniqueQuoteId = (q: ParsedQuote) => {
    const base = quoteId(docId, q);
    const n = usedIds.get(base) ?? 0;
    usedIds.set(base, n + 1);
    return n === 0 ? base : stableId('q', docId, q.anchors[0], q.text, String(n));
  };
  const quoteChunk = (q: ParsedQuote): ChunkDraft => ({
    id: uniqueQuoteId(q),
    documentId: docId,
    kind: q.kind,
    text: q.text,
    sectionIndex: q.sectionIndex,
    anchors: q.anchors,
    quote: q,
    ordinal: ordinal++,
    wordCount: countWords(q.text),
    dupOf: null,
  });
  const flush = () => {
    for (const group of run.length ? partitionRun(run) : []) {
      const text = group.map((p) => p.text).join('\n\n');
      const anchors = [...new Set(group.map((p) => p.anchor))];
      chunks.push({
        id: stableId('c', docId, anchors.join(','), text),
        documentId: docId,
        kind: 'analysis',
        text,
        sectionIndex: runSection,
        anchors,
        quote: null,
        ordinal: ordinal++,
        wordCount: countWords(text),
        dupOf: null,
      });
    }
    run = [];
    runRepeated = null;
    // quotations inside the analysis follow the chunk that contains them
    for (const q of pendingQuotes.splice(0)) chunks.push(quoteChunk(q));
  };

  for (const p of doc.paragraphs) {
    const heading = doc.sections[p.sectionIndex]?.heading ?? '';
    if (p.sectionIndex !== runSection) {
      flush();
      runSection = p.sectionIndex;
    }
    const quotes = quotesByAnchor.get(p.anchor) ?? [];
    if (blockQuoteAnchors.has(p.anchor)) {
      flush();
      for (const q of quotes) chunks.push(quoteChunk(q));
      continue;
    }
    if ((p.kind === 'text' || p.kind === 'list') && !APPARATUS_SECTION.test(heading)) {
      const isRepeated = repeated.has(`${docId}#${p.anchor}`);
      if (runRepeated !== null && isRepeated !== runRepeated) flush();
      runRepeated = isRepeated;
      const words = countWords(p.text);
      run.push(...(words > MAX_ANALYSIS_WORDS ? splitLongParagraph(p.anchor, p.text) : [{ anchor: p.anchor, text: p.text, words }]));
    }
    // quotations inside the analysis are chunks of their own too (the paragraph stays in the analysis)
    pendingQuotes.push(...quotes.filter((x) => !isBlockQuote(x, doc.paragraphs)));
    // so are quotations inside a note, after the paragraph that first refers to the note
    for (const r of p.refs) pendingQuotes.push(...(quotesByAnchor.get(noteAnchor(r.number))?.splice(0) ?? []));
  }
  flush();
  // notes no paragraph refers to
  for (const q of [...quotesByAnchor.entries()].filter(([a]) => noteOfAnchor(a) !== null).flatMap(([, qs]) => qs)) chunks.push(quoteChunk(q));
  return chunks;
}

/**
 * Links chunks that repeat a chunk of another document: the copy points at the chunk of the
 * fuller document (more paragraphs), so search shows one result with "also in".
 */
export function linkNearDuplicates(chunksByDoc: Map<string, ChunkDraft[]>, docSize: Map<string, number>, repeated: Set<string>, threshold = 0.7): void {
  // only chunks holding a paragraph that another document repeats can be copies
  const all = [...chunksByDoc.values()]
    .flat()
    .filter((c) => c.kind === 'analysis' && c.wordCount >= 30 && c.anchors.some((a) => repeated.has(`${c.documentId}#${a}`)));
  const sets = new Map(all.map((c) => [c.id, shingles(c.text)]));
  for (const a of all) {
    let best: { chunk: ChunkDraft; score: number } | null = null;
    for (const b of all) {
      if (b.documentId === a.documentId) continue;
      const score = overlap(sets.get(a.id)!, sets.get(b.id)!);
      if (score >= threshold && (!best || score > best.score)) best = { chunk: b, score };
    }
    if (!best) continue;
    const aSize = docSize.get(a.documentId) ?? 0;
    const bSize = docSize.get(best.chunk.documentId) ?? 0;
    // the copy in the smaller document points at the original; ties go to the earlier id
    if (aSize < bSize || (aSize === bSize && a.documentId > best.chunk.documentId)) a.dupOf = best.chunk.dupOf ?? best.chunk.id;
  }
}
