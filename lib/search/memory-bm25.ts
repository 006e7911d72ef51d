import { BM25_WEIGHTS, type ChunkFilter, type IndexReader, type RankedRow } from '../db/index-reader';

/**
 * FTS5's bm25() over an OR of quoted phrases, computed in memory from the index's own tokens, for small indexes.
 *
 * SQLite spends most of a search's own time on the two BM25 queries (the expanded one ORs up to 200 phrases, and FTS5
 * counts every phrase's rows before it scores any). Below MEMORY_BM25_MAX chunks the index's token positions are read
 * once per handle (FTS5's own tokens, through fts5vocab: no second tokenizer to drift from the first) and a query's
 * phrases are scored here with FTS5's formula, operation for operation, so rows, order and scores are FTS5's: the idf
 * log((N − n + 0.5) / (n + 0.5)) (1e-6 when not positive), per-phrase frequency summed in position order with the column
 * weights, k1 1.2, b 0.75, D the row's tokens in all columns, ties in rowid order (FTS5 scans by rowid and SQLite's
 * sorter keeps insertion order on ties). Query words are tokenised by FTS5 too (a temporary table with the index's
 * tokenizer), once per word. A match expression of any other form goes to FTS5.
 */

/** Up to this many chunks the index's words are held in memory (measured: see README, Performance). */
export const MEMORY_BM25_MAX = 1_000;
const K1 = 1.2;
const B = 0.75;
/** FTS5 columns text, speaker, section, context, in the table's order (weights: IndexReader's BM25_WEIGHTS). */
const COLUMNS = ['text', 'speaker', 'section', 'context'] as const;
const COLUMN_BITS = 24;
const TOKEN_CACHE_LIMIT = 20_000;
/** Runs of what unicode61 keeps as token characters; checked against FTS5's own counts before use. */
const SURFACE_WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;

interface DocMeta {
  rowid: number;
  kind: string;
  speakerId: string | null;
  documentId: string;
}

/** One term's rows: each row's positions, (column << 24) | offset ascending (FTS5's instance order), and weighted count. */
interface Posting {
  docs: number[];
  positions: number[][];
  /** Σ column weight over the term's instances in the row, summed in instance order as bm25() sums them. */
  freqs: number[];
}

/** FTS5 of an index reads rows of its own: the tokenizer the table was made with, through a temporary table. */
function ftsTokenizer(reader: IndexReader): (texts: string[]) => string[][] {
  const { db } = reader;
  const tokenize = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'fts_chunks'").pluck().get() as string).match(
    /tokenize\s*=\s*('(?:[^']|'')*')/,
  )?.[1];
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.eq_tokenize USING fts5(x${tokenize ? `, tokenize = ${tokenize}` : ''})`);
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.eq_tokenize_instances USING fts5vocab(temp, eq_tokenize, instance)');
  const insert = db.prepare('INSERT INTO temp.eq_tokenize (rowid, x) VALUES (?, ?)');
  const read = db.prepare('SELECT term, doc FROM temp.eq_tokenize_instances ORDER BY doc, offset').raw();
  return (texts) => {
    const out: string[][] = texts.map(() => []);
    db.transaction(() => {
      texts.forEach((t, i) => insert.run(i + 1, t));
      for (const [term, doc] of read.iterate() as IterableIterator<[string, number]>) out[Number(doc) - 1].push(term);
      db.exec('DELETE FROM temp.eq_tokenize');
    })();
    return out;
  };
}

export class MemoryBm25 {
  private readonly tokenCache = new Map<string, string[]>();
  private readonly idfs = new Map<number, number>();
  private readonly scores: Float64Array;
  private readonly touched: Uint8Array;

  private constructor(
    private readonly reader: IndexReader,
    private readonly docs: DocMeta[],
    /** Tokens of each row in all columns. */
    private readonly sizes: Float64Array,
    private readonly nRow: number,
    private readonly avgdl: number,
    private readonly postings: Map<string, Posting>,
    private readonly weights: readonly number[],
    private readonly tokenize: (texts: string[]) => string[][],
    /** FTS5's tokens of every word of the corpus as written and in lower case, worked out at load. */
    private readonly corpusTokens: Map<string, string[]>,
  ) {
    this.scores = new Float64Array(docs.length);
    this.touched = new Uint8Array(docs.length);
  }

  /**
   * Reads the index's rows and tokenises each distinct word with FTS5; null when the index is too large or when the
   * result differs from FTS5's own record in any row's column sizes or any term's row and instance counts.
   */
  static load(reader: IndexReader, weights: readonly number[]): MemoryBm25 | null {
    const { db } = reader;
    if (reader.summary().chunks > MEMORY_BM25_MAX) return null;
    const docs: DocMeta[] = [];
    const index = new Map<number, number>();
    for (const [rowid, kind, speakerId, documentId] of db
      .prepare('SELECT rowid, kind, speaker_id, document_id FROM chunks ORDER BY rowid')
      .raw()
      .iterate() as IterableIterator<[number, string, string | null, string]>) {
      index.set(Number(rowid), docs.length);
      docs.push({ rowid: Number(rowid), kind, speakerId, documentId });
    }
    // FTS5's record of each row's column sizes (varints) and of the table's row count and column totals
    const columnSizes: number[][] = docs.map(() => []);
    const sizes = new Float64Array(docs.length);
    let ftsRows = 0;
    let totalTokens = 0;
    for (const [id, sz] of db.prepare('SELECT id, sz FROM fts_chunks_docsize').raw().iterate() as IterableIterator<[number, Buffer]>) {
      const at = index.get(Number(id));
      const columns = readVarints(sz);
      // every FTS5 row is a chunk (ingest checks the counts), so N and each phrase's row count are over the same rows
      if (at === undefined || columns.length !== COLUMNS.length) return null;
      columnSizes[at] = columns;
      sizes[at] = columns.reduce((a, b) => a + b, 0);
      totalTokens += sizes[at];
      ftsRows++;
    }
    const averages = db.prepare('SELECT block FROM fts_chunks_data WHERE id = 1').pluck().get() as Buffer | undefined;
    const [nRow, ...columnTotals] = averages ? readVarints(averages) : [];
    if (ftsRows !== docs.length || nRow !== ftsRows || columnTotals.reduce((a, b) => a + b, 0) !== totalTokens) return null;

    const rows: string[][][] = [];
    const words = new Map<string, number>();
    for (const [rowid, ...values] of db
      .prepare(`SELECT rowid, ${COLUMNS.join(', ')} FROM fts_chunks`)
      .raw()
      .iterate() as IterableIterator<[number, ...(string | null)[]]>) {
      const at = index.get(Number(rowid));
      if (at === undefined) return null;
      rows[at] = values.map((v) => {
        const found = String(v ?? '').match(SURFACE_WORD) ?? [];
        for (const w of found) if (!words.has(w)) words.set(w, words.size);
        return found;
      });
    }
    const tokenize = ftsTokenizer(reader);
    const distinct = [...words.keys()];
    const tokensOfWord = tokenize(distinct);
    // query words are lower case: their corpus forms are tokenised now, in the same pass, not one search at a time
    const lower = [...new Set(distinct.map((w) => w.toLowerCase()))].filter((w) => !words.has(w));
    const corpusTokens = new Map<string, string[]>();
    distinct.forEach((w, i) => corpusTokens.set(w, tokensOfWord[i]));
    if (lower.length) tokenize(lower).forEach((t, i) => corpusTokens.set(lower[i], t));

    const postings = new Map<string, Posting>();
    for (let doc = 0; doc < docs.length; doc++) {
      const columns = rows[doc];
      if (!columns) return null;
      for (let c = 0; c < COLUMNS.length; c++) {
        let offset = 0;
        for (const w of columns[c]) {
          for (const term of tokensOfWord[words.get(w)!]) {
            let p = postings.get(term);
            if (!p) postings.set(term, (p = { docs: [], positions: [], freqs: [] }));
            if (p.docs[p.docs.length - 1] !== doc) {
              p.docs.push(doc);
              p.positions.push([]);
              p.freqs.push(0);
            }
            const last = p.docs.length - 1;
            p.positions[last].push((c << COLUMN_BITS) | offset++);
            p.freqs[last] += weights[c] ?? 1;
          }
        }
        if (offset !== columnSizes[doc][c]) return null;
      }
    }
    // the same terms in the same rows as often as FTS5 holds them
    const vocabulary = 'eq_fts_rows';
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${vocabulary} USING fts5vocab(main, fts_chunks, row)`);
    let terms = 0;
    for (const [term, rowCount, instances] of db.prepare(`SELECT term, doc, cnt FROM temp.${vocabulary}`).raw().iterate() as IterableIterator<
      [string, number, number]
    >) {
      const p = postings.get(term);
      if (!p || p.docs.length !== Number(rowCount) || p.positions.reduce((a, x) => a + x.length, 0) !== Number(instances)) return null;
      terms++;
    }
    if (terms !== postings.size) return null;
    return new MemoryBm25(reader, docs, sizes, nRow, totalTokens / nRow, postings, weights, tokenize, corpusTokens);
  }

  /** FTS5's idf of a phrase found in nHit rows; the logarithm is SQLite's (the C library's: V8's differs in the last bit). */
  private idf(nHit: number): number {
    let idf = this.idfs.get(nHit);
    if (idf === undefined) {
      idf = this.reader.db
        .prepare('SELECT ln(?)')
        .pluck()
        .get((this.nRow - nHit + 0.5) / (nHit + 0.5)) as number;
      if (idf <= 0) idf = 1e-6;
      this.idfs.set(nHit, idf);
    }
    return idf;
  }

  /** FTS5's tokens of each phrase, remembered per phrase. */
  private tokensOf(phrases: string[]): string[][] {
    // a token never spans white space, so a phrase's tokens are its words' tokens in turn
    const words = phrases.map((p) => p.split(/\s+/).filter(Boolean));
    const known = (w: string) => this.corpusTokens.get(w) ?? this.tokenCache.get(w);
    const missing = [...new Set(words.flat().filter((w) => !known(w)))];
    if (missing.length) {
      if (this.tokenCache.size + missing.length > TOKEN_CACHE_LIMIT) this.tokenCache.clear();
      const found = this.tokenize(missing);
      missing.forEach((w, i) => this.tokenCache.set(w, found[i]));
    }
    return words.map((ws) => ws.flatMap((w) => known(w)!));
  }

  /** A phrase's rows and weighted frequencies; a one-word phrase straight from its posting. */
  private phrase(tokens: string[]): { docs: number[]; freqs: number[] } | null {
    const first = this.postings.get(tokens[0]);
    if (!first) return null;
    if (tokens.length === 1) return first;
    const rest: Posting[] = [];
    for (const t of tokens.slice(1)) {
      const p = this.postings.get(t);
      if (!p) return null;
      rest.push(p);
    }
    const docs: number[] = [];
    const freqs: number[] = [];
    first.docs.forEach((doc, i) => {
      const others = rest.map((p) => {
        const at = p.docs.indexOf(doc);
        return at < 0 ? null : p.positions[at];
      });
      if (others.some((o) => !o)) return;
      let f = 0;
      let hits = 0;
      for (const pos of first.positions[i]) {
        if (!others.every((o, j) => o!.includes(pos + j + 1))) continue;
        f += this.weights[pos >>> COLUMN_BITS] ?? 1;
        hits++;
      }
      if (hits) {
        docs.push(doc);
        freqs.push(f);
      }
    });
    return docs.length ? { docs, freqs } : null;
  }

  /** The rows `ORDER BY bm25(...) LIMIT k` returns for an OR of quoted phrases; null for any other expression. */
  search(match: string, k: number, filter: ChunkFilter): RankedRow[] | null {
    const phrases = parsePhrases(match);
    if (!phrases) return null;
    const tokens = this.tokensOf(phrases);
    // a phrase without a token is FTS5's business (it matches nothing, or is an error)
    if (tokens.some((t) => !t.length)) return null;
    const { scores, touched, sizes, avgdl } = this;
    const hit: number[] = [];
    for (const phraseTokens of tokens) {
      const p = this.phrase(phraseTokens);
      if (!p) continue;
      const idf = this.idf(p.docs.length);
      for (let i = 0; i < p.docs.length; i++) {
        const doc = p.docs[i];
        const f = p.freqs[i];
        if (!touched[doc]) {
          touched[doc] = 1;
          scores[doc] = 0;
          hit.push(doc);
        }
        scores[doc] += idf * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * sizes[doc]) / avgdl)));
      }
    }
    const kinds = filter.kinds?.length ? new Set<string>(filter.kinds) : null;
    const speakers = filter.speakerIds?.length ? new Set(filter.speakerIds) : null;
    const documents = filter.documentIds?.length ? new Set(filter.documentIds) : null;
    const rows: RankedRow[] = [];
    for (const doc of hit) {
      touched[doc] = 0;
      const d = this.docs[doc];
      if (kinds && !kinds.has(d.kind)) continue;
      if (speakers && (d.speakerId === null || !speakers.has(d.speakerId))) continue;
      if (documents && !documents.has(d.documentId)) continue;
      // as FTS5 reports it: rank = −1 × score, and keywordSearch's score is the rank negated
      rows.push({ rowid: d.rowid, score: -(-1.0 * scores[doc]) });
    }
    rows.sort((a, b) => b.score - a.score || a.rowid - b.rowid);
    return rows.slice(0, Math.max(0, k));
  }
}

/** The phrases of `"a b" OR "c"`, as quoted ("" for a quote inside); null for any other syntax. */
export function parsePhrases(match: string): string[] | null {
  const phrases: string[] = [];
  const re = /"((?:[^"]|"")*)"( OR |$)/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  for (;;) {
    m = re.exec(match);
    if (!m) break;
    phrases.push(m[1].replace(/""/g, '"'));
    end = re.lastIndex;
    if (m[2] === '') break;
  }
  return phrases.length && end === match.length ? phrases : null;
}

/** SQLite's variable-length integers (FTS5's docsize and averages records). */
function readVarints(buf: Buffer): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < buf.length) {
    let v = 0;
    let n = 0;
    for (;;) {
      const byte = buf[i++];
      if (n === 8) {
        v = v * 256 + byte;
        break;
      }
      v = v * 128 + (byte & 0x7f);
      n++;
      if (!(byte & 0x80) || i >= buf.length) break;
    }
    out.push(v);
  }
  return out;
}

const handles = new WeakMap<IndexReader, MemoryBm25 | null>();

/** BM25 rows for a match expression: computed in memory for a small index, by FTS5 otherwise; the same rows either way. */
export function keywordRows(reader: IndexReader, match: string, k: number, filter: ChunkFilter = {}, weights: readonly number[] = BM25_WEIGHTS): RankedRow[] {
  let memory = handles.get(reader);
  if (memory === undefined) {
    memory = MemoryBm25.load(reader, weights);
    handles.set(reader, memory);
  }
  return memory?.search(match, k, filter) ?? reader.keywordSearch(match, k, filter);
}
