import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SpeakerRecord } from '../corpus/speakers';
import type { AttributionMethod, Citation, DateLabel, DocumentInfo } from '../types';
import { openDatabase, type Db } from './open';
import { SCHEMA_SQL, SCHEMA_VERSION, vecTableSql } from './schema';

export interface IndexDocument {
  info: DocumentInfo;
  path: string;
  contentHash: string;
  bibtex: string; // citations of the document itself, built at ingest so serving needs no CSL engine
  ris: string;
  citation: Citation; // the document itself in Chicago, APA and MLA
  sections: { index: number; heading: string | null; anchor: string }[];
  paragraphs: {
    anchor: string;
    ordinal: number;
    sectionIndex: number;
    kind: string;
    text: string;
    refs: { number: number; offset: number }[];
    italic: boolean;
    page?: number | null; // paginated sources: the page it starts on
  }[];
  footnotes: { number: number; text: string }[];
}

export interface IndexSpeaker extends SpeakerRecord {
  quoteCount: number;
}

export interface IndexChunk {
  id: string;
  documentId: string;
  kind: 'interview' | 'quote' | 'analysis';
  speakerId: string | null;
  speakerName: string | null;
  sectionIndex: number;
  sectionHeading: string | null;
  anchors: string[];
  text: string;
  ordinal: number;
  wordCount: number;
  method: AttributionMethod | null; // null exactly when speakerId is null
  evidence: string | null; // the words that show the attribution
  footnoteNumber: number | null;
  interviewDate: string | null;
  dateLabel: DateLabel | null;
  leadIn: string | null; // the sentence introducing a quote (shown for unattributed ones)
  dupOf: string | null;
  context: string; // the author's paragraph framing a quote, searched as weak keywords; '' for analysis
  page?: number | null; // paginated sources: the page it starts on
  citation: Citation; // Chicago, APA and MLA for this chunk, built at ingest
  vector: Float32Array;
}

export interface IndexContent {
  documents: IndexDocument[];
  speakers: IndexSpeaker[];
  chunks: IndexChunk[];
  embedder: string;
  dimension: number;
  corpusHash: string;
}

/** A chunk whose vector is written later, as it is embedded (writeIndexStreaming). */
export type IndexChunkDraft = Omit<IndexChunk, 'vector'> & { vector?: Float32Array };

/** Index content whose vectors arrive in batches while it is written (writeIndexStreaming). */
export interface IndexContentDraft extends Omit<IndexContent, 'chunks'> {
  chunks: IndexChunkDraft[];
}

export class IndexWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexWriteError';
  }
}

const TMP_MARK = '.tmp-';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files and stale locks that an ingest killed mid-way left beside the index. */
export function cleanLeftovers(target: string): string[] {
  const dir = path.dirname(target);
  const base = path.basename(target);
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const f of readdirSync(dir)) {
    const m = f.startsWith(base + TMP_MARK) ? /\.tmp-(\d+)-/.exec(f.slice(base.length)) : null;
    if (m && !pidAlive(Number(m[1]))) {
      rmSync(path.join(dir, f), { force: true });
      removed.push(f);
    }
  }
  const lock = `${target}.lock`;
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (!pid || !pidAlive(pid)) {
      rmSync(lock, { force: true });
      removed.push(path.basename(lock));
    }
  }
  return removed;
}

/** Takes the ingest lock beside the index; refuses while another live ingest holds it. */
export function acquireIngestLock(target: string): () => void {
  mkdirSync(path.dirname(target), { recursive: true });
  const lock = `${target}.lock`;
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    throw new IndexWriteError(`another ingest (pid ${pid}) is writing ${target}; wait for it to finish`);
  }
  return () => rmSync(lock, { force: true });
}

function vectorBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

/** A new index file beside the target: written, checked, then renamed over it, or removed on any failure. */
function tempIndex(target: string, dimension: number): { db: Db; commit: () => void; abort: () => void } {
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}${TMP_MARK}${process.pid}-${Date.now()}`;
  let db: Db | null = openDatabase(tmp);
  const abort = () => {
    try {
      db?.close();
    } catch {
      /* already closed */
    }
    db = null;
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
  };
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA_SQL);
    db.exec(vecTableSql(dimension));
  } catch (e) {
    abort();
    throw e;
  }
  const commit = () => {
    db!.pragma('journal_mode = DELETE');
    db!.close();
    db = null;
    const fd = openSync(tmp, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, target);
  };
  return { db, commit, abort };
}

/**
 * Writes the index to a new file, checks it, and renames it over the old one only when complete,
 * so a failed or killed ingest leaves the served index as it was.
 */
export function writeIndexAtomically(target: string, content: IndexContent, onStep?: (step: string) => void): void {
  const t = tempIndex(target, content.dimension);
  try {
    onStep?.('writing');
    insertAll(t.db, content);
    onStep?.('checking');
    verifyIndex(t.db, content);
    t.commit();
  } catch (e) {
    t.abort();
    throw e;
  }
}

/**
 * Like writeIndexAtomically, but the vectors arrive while it writes: everything else goes in first, then `fill` embeds
 * and hands over each finished batch (chunk positions and their vectors), which is written at once and let go, so a
 * large archive never holds all its vectors. Checked and swapped in only when every chunk has its vector.
 */
export async function writeIndexStreaming(
  target: string,
  content: IndexContentDraft,
  fill: (put: (rows: number[], vectors: Float32Array[]) => void) => Promise<void>,
  onStep?: (step: string) => void,
): Promise<void> {
  const t = tempIndex(target, content.dimension);
  try {
    onStep?.('writing');
    insertAll(t.db, content);
    const vec = vectorInsert(t.db, content);
    const put = t.db.transaction((rows: number[], vectors: Float32Array[]) => rows.forEach((row, i) => vec(row, vectors[i])));
    await fill((rows, vectors) => put(rows, vectors));
    onStep?.('checking');
    verifyIndex(t.db, content);
    t.commit();
  } catch (e) {
    t.abort();
    throw e;
  }
}

/** Inserts the vector of the chunk at `row` (0-based position in content.chunks), after checking it. */
function vectorInsert(db: Db, c: IndexContentDraft): (row: number, vector: Float32Array) => void {
  const vec = db.prepare('INSERT INTO vec_chunks (chunk_rowid, embedding, kind, speaker_id, document_id) VALUES (?,?,?,?,?)');
  return (row, vector) => {
    const ch = c.chunks[row];
    if (!ch) throw new IndexWriteError(`vector for chunk ${row + 1}, but the index has ${c.chunks.length} chunks`);
    if (vector.length !== c.dimension || !vector.every(Number.isFinite))
      throw new IndexWriteError(`chunk ${ch.id} has a vector of length ${vector.length} or non-finite values (expected ${c.dimension} finite numbers)`);
    vec.run(BigInt(row + 1), vectorBlob(vector), ch.kind, ch.speakerId ?? '', ch.documentId);
  };
}

/** Everything of the content; a chunk's vector too where it has one already. */
function insertAll(db: Db, c: IndexContentDraft): void {
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  const doc = db.prepare(
    'INSERT INTO documents (id, ordinal, title, authors_json, date, publisher, place, url, kind, path, content_hash, bibtex, ris, citation_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const sec = db.prepare('INSERT INTO sections (document_id, idx, heading, anchor) VALUES (?,?,?,?)');
  const par = db.prepare('INSERT INTO paragraphs (document_id, anchor, ordinal, section_idx, kind, text, refs_json, italic, page) VALUES (?,?,?,?,?,?,?,?,?)');
  const fn = db.prepare('INSERT INTO footnotes (document_id, number, text) VALUES (?,?,?)');
  const spk = db.prepare(
    'INSERT INTO speakers (id, name, aliases_json, anonymous, role, affiliation, interview_dates_json, documents_json, quote_count) VALUES (?,?,?,?,?,?,?,?,?)',
  );
  const chunk = db.prepare(
    'INSERT INTO chunks (rowid, id, document_id, kind, speaker_id, section_idx, anchors_json, text, ordinal, word_count, method, footnote_number, interview_date, dup_of, citation_json, context, evidence, date_label, lead_in, page) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const fts = db.prepare('INSERT INTO fts_chunks (rowid, text, speaker, section, context) VALUES (?,?,?,?,?)');
  const vec = vectorInsert(db, c);
  db.transaction(() => {
    const builtAt = new Date().toISOString();
    for (const [k, v] of Object.entries({
      schema_version: String(SCHEMA_VERSION),
      embedder: c.embedder,
      dimension: String(c.dimension),
      corpus_hash: c.corpusHash,
      built_at: builtAt,
      chunk_count: String(c.chunks.length),
    }))
      meta.run(k, v);
    c.documents.forEach((d, i) => {
      doc.run(
        d.info.id,
        i,
        d.info.title,
        JSON.stringify(d.info.authors),
        d.info.date,
        d.info.publisher,
        d.info.place,
        d.info.url,
        d.info.kind,
        d.path,
        d.contentHash,
        d.bibtex,
        d.ris,
        JSON.stringify(d.citation),
      );
      for (const s of d.sections) sec.run(d.info.id, s.index, s.heading, s.anchor);
      for (const p of d.paragraphs)
        par.run(d.info.id, p.anchor, p.ordinal, p.sectionIndex, p.kind, p.text, JSON.stringify(p.refs), p.italic ? 1 : 0, p.page ?? null);
      for (const f of d.footnotes) fn.run(d.info.id, f.number, f.text);
    });
    for (const s of c.speakers)
      spk.run(
        s.id,
        s.name,
        JSON.stringify(s.aliases),
        s.anonymous ? 1 : 0,
        s.role,
        s.affiliation,
        JSON.stringify(s.interviewDates),
        JSON.stringify(s.documents),
        s.quoteCount,
      );
    c.chunks.forEach((ch, i) => {
      const rowid = BigInt(i + 1); // vec0 integer keys must be BigInt
      chunk.run(
        rowid,
        ch.id,
        ch.documentId,
        ch.kind,
        ch.speakerId,
        ch.sectionIndex,
        JSON.stringify(ch.anchors),
        ch.text,
        ch.ordinal,
        ch.wordCount,
        ch.method,
        ch.footnoteNumber,
        ch.interviewDate,
        ch.dupOf,
        JSON.stringify(ch.citation),
        ch.context,
        ch.evidence,
        ch.dateLabel,
        ch.leadIn,
        ch.page ?? null,
      );
      fts.run(rowid, ch.text, ch.speakerName ?? '', ch.sectionHeading ?? '', ch.context);
      if (ch.vector) vec(i, ch.vector);
    });
  })();
}

/** The checks a new index must pass before it replaces the served one. */
export function verifyIndex(db: Db, c: { chunks: unknown[]; dimension: number }): void {
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') throw new IndexWriteError(`integrity_check failed: ${String(integrity)}`);
  try {
    db.prepare("INSERT INTO fts_chunks (fts_chunks, rank) VALUES ('integrity-check', 1)").run();
  } catch (e) {
    throw new IndexWriteError(`FTS5 integrity-check failed: ${(e as Error).message}`);
  }
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const chunks = count('SELECT count(*) AS n FROM chunks');
  const fts = count('SELECT count(*) AS n FROM fts_chunks');
  const vec = count('SELECT count(*) AS n FROM vec_chunks');
  if (chunks !== c.chunks.length || fts !== chunks || vec !== chunks)
    throw new IndexWriteError(`row counts differ: ${c.chunks.length} chunks built, ${chunks} in chunks, ${fts} in fts_chunks, ${vec} in vec_chunks`);
  for (const row of db.prepare('SELECT chunk_rowid AS rowid, embedding FROM vec_chunks').iterate() as IterableIterator<{ rowid: number; embedding: Buffer }>) {
    if (row.embedding.byteLength !== c.dimension * 4)
      throw new IndexWriteError(`vector ${row.rowid} has ${row.embedding.byteLength / 4} dimensions, expected ${c.dimension}`);
    const v = new Float32Array(row.embedding.buffer, row.embedding.byteOffset, c.dimension);
    if (!v.every(Number.isFinite)) throw new IndexWriteError(`vector ${row.rowid} holds non-finite values`);
  }
}
