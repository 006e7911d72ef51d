import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import type {
  Attribution,
  AttributionMethod,
  ChunkKind,
  Citation,
  DateLabel,
  DocumentInfo,
  DocumentRef,
  IndexSummary,
  QuoteKind,
  ReaderDocument,
  SpeakerInfo,
  SpeakerRef,
} from '../types';
import { openDatabase, readSchemaVersion, type Db } from './open';
import { SCHEMA_VERSION } from './schema';
import { ANN_THRESHOLD, loadAnnFile } from './ann-file';
import type { AnnVectorStore } from './ann-store';
import { ExactVectorStore } from './vector-store';

type Statement = Database.Statement<unknown[]>;
const STATEMENT_CACHE_LIMIT = 500;
const CHUNK_CACHE_LIMIT = 20_000;
/** Up to this many vectors are scanned in memory (about 1 ms per 1,000 at 512 dimensions, 2 KB each); above, the ANN graph. */
export const EXACT_SCAN_MAX = ANN_THRESHOLD;

/** A chunk as stored, joined with what a result needs; SQL row shapes stay in this file. */
export interface StoredChunk {
  rowid: number;
  id: string;
  kind: ChunkKind;
  text: string;
  documentId: string;
  speakerId: string | null;
  sectionIndex: number;
  sectionHeading: string | null;
  anchors: string[];
  ordinal: number;
  /** How the speaker was found and the words that show it; null exactly when speakerId is null. */
  attribution: Attribution | null;
  footnoteNumber: number | null;
  footnoteText: string | null;
  interviewDate: string | null;
  dateLabel: DateLabel | null;
  /** The sentence that introduces a quote, as the document writes it. */
  leadIn: string | null;
  dupOf: string | null;
  citation: Citation;
  /** The author's paragraph framing a quote (its lead-in, or the paragraph around an inline quote); '' for analysis. */
  context: string;
  /** The page it starts on, for paginated sources. */
  page: number | null;
}

export interface ChunkFilter {
  kinds?: ChunkKind[];
  speakerIds?: string[];
  documentIds?: string[];
}

export interface RankedRow {
  rowid: number;
  score: number;
}

interface ChunkRow {
  rowid: number;
  id: string;
  kind: ChunkKind;
  text: string;
  document_id: string;
  speaker_id: string | null;
  section_idx: number;
  heading: string | null;
  anchors_json: string;
  ordinal: number;
  method: AttributionMethod | null;
  evidence: string | null;
  footnote_number: number | null;
  footnote_text: string | null;
  interview_date: string | null;
  date_label: DateLabel | null;
  lead_in: string | null;
  dup_of: string | null;
  citation_json: string;
  context: string;
  page: number | null;
}

/** BM25 weights of the FTS columns text, speaker, section and context: a quote's framing paragraph counts, weakly (0.6 tuned on the judged set; 0.3–1 within 0.01). */
export const BM25_WEIGHTS: readonly number[] = [1.0, 2.0, 0.5, 0.6];
const BM25_COLUMN_WEIGHTS = BM25_WEIGHTS.join(', ');
const CHUNK_SELECT = `SELECT c.rowid AS rowid, c.id, c.kind, c.text, c.document_id, c.speaker_id, c.section_idx, s.heading, c.anchors_json,
  c.ordinal, c.method, c.evidence, c.footnote_number, f.text AS footnote_text, c.interview_date, c.date_label, c.lead_in, c.dup_of, c.citation_json, c.context, c.page
  FROM chunks c
  LEFT JOIN sections s ON s.document_id = c.document_id AND s.idx = c.section_idx
  LEFT JOIN footnotes f ON f.document_id = c.document_id AND f.number = c.footnote_number`;

function toChunk(r: ChunkRow): StoredChunk {
  return {
    rowid: Number(r.rowid),
    id: r.id,
    kind: r.kind,
    text: r.text,
    documentId: r.document_id,
    speakerId: r.speaker_id,
    sectionIndex: r.section_idx,
    sectionHeading: r.heading,
    anchors: JSON.parse(r.anchors_json) as string[],
    ordinal: r.ordinal,
    attribution: r.method && r.speaker_id ? { method: r.method, evidence: r.evidence ?? '' } : null,
    footnoteNumber: r.footnote_number,
    footnoteText: r.footnote_text,
    interviewDate: r.interview_date,
    dateLabel: r.date_label,
    leadIn: r.lead_in,
    dupOf: r.dup_of,
    citation: JSON.parse(r.citation_json) as Citation,
    context: r.context,
    page: r.page ?? null,
  };
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}

/** Builds the WHERE parts of a filter for a table alias (or vec0 metadata columns when alias is ''). */
function filterSql(filter: ChunkFilter, alias: string): { sql: string; params: string[] } {
  const col = (c: string) => (alias ? `${alias}.${c}` : c);
  const parts: string[] = [];
  const params: string[] = [];
  if (filter.kinds?.length) {
    parts.push(`${col('kind')} IN (${placeholders(filter.kinds.length)})`);
    params.push(...filter.kinds);
  }
  if (filter.speakerIds?.length) {
    parts.push(`${col('speaker_id')} IN (${placeholders(filter.speakerIds.length)})`);
    params.push(...filter.speakerIds);
  }
  if (filter.documentIds?.length) {
    parts.push(`${col('document_id')} IN (${placeholders(filter.documentIds.length)})`);
    params.push(...filter.documentIds);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** Read-only access to a built index, with small lookups cached for the life of the handle. */
export class IndexReader {
  private cachedDocuments: DocumentInfo[] | null = null;
  private cachedSpeakers: SpeakerInfo[] | null = null;
  private cachedSummary: IndexSummary | null = null;
  private cachedCopies: Map<string, StoredChunk[]> | null = null;
  private cachedWordCounts: Map<string, number> | null = null;
  // the index never changes under a handle, so statements and hydrated chunks are kept (bounded) across searches
  private readonly statements = new Map<string, Statement>();
  private readonly chunkCache = new Map<number, StoredChunk>();
  private vectorStore: ExactVectorStore | null | undefined;
  private annStore: AnnVectorStore | null = null;
  private annCheckedAt = 0;
  readonly fileStamp: string;

  private constructor(
    readonly db: Db,
    readonly path: string,
  ) {
    const st = statSync(path);
    this.fileStamp = `${st.ino}:${st.mtimeMs}:${st.size}`;
  }

  static open(file: string): IndexReader {
    const db = openDatabase(file, { readonly: true });
    let version: string | undefined;
    try {
      version = readSchemaVersion(db);
    } catch {
      db.close();
      throw new Error(`${file} is not an index built by this tool; rebuild it with npm run ingest`);
    }
    if (version !== String(SCHEMA_VERSION)) {
      db.close();
      throw new Error(`${file} has index schema ${version ?? 'unknown'}, this version needs ${SCHEMA_VERSION}; rebuild it with npm run ingest`);
    }
    return new IndexReader(db, file);
  }

  private statement(sql: string): Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  close(): void {
    this.db.close();
  }

  private metaValue(key: string): string {
    return (this.statement('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? '';
  }

  summary(): IndexSummary {
    if (this.cachedSummary) return this.cachedSummary;
    const count = (sql: string) => (this.statement(sql).get() as { n: number }).n;
    this.cachedSummary = {
      embedder: this.metaValue('embedder'),
      dimension: Number(this.metaValue('dimension')),
      builtAt: this.metaValue('built_at'),
      corpusHash: this.metaValue('corpus_hash'),
      documents: count('SELECT count(*) AS n FROM documents'),
      speakers: count('SELECT count(*) AS n FROM speakers'),
      quotes: count("SELECT count(*) AS n FROM chunks WHERE kind != 'analysis'"),
      chunks: count('SELECT count(*) AS n FROM chunks'),
    };
    return this.cachedSummary;
  }

  documents(): DocumentInfo[] {
    if (!this.cachedDocuments) {
      const rows = this.statement('SELECT id, title, authors_json, date, publisher, place, url, kind FROM documents ORDER BY ordinal').all() as {
        id: string;
        title: string;
        authors_json: string;
        date: string | null;
        publisher: string | null;
        place: string | null;
        url: string | null;
        kind: string;
      }[];
      this.cachedDocuments = rows.map((r) => ({
        id: r.id,
        title: r.title,
        authors: JSON.parse(r.authors_json) as string[],
        date: r.date,
        publisher: r.publisher,
        place: r.place,
        url: r.url,
        kind: r.kind,
      }));
    }
    return this.cachedDocuments;
  }

  document(id: string): DocumentInfo | null {
    return this.documents().find((d) => d.id === id) ?? null;
  }

  /** A document's own citations (Chicago, APA, MLA) and its BibTeX and RIS, all built at ingest. */
  documentCitations(id: string): (Citation & { bibtex: string; ris: string }) | null {
    const row = this.statement('SELECT bibtex, ris, citation_json FROM documents WHERE id = ?').get(id) as
      | { bibtex: string; ris: string; citation_json: string }
      | undefined;
    return row ? { ...(JSON.parse(row.citation_json) as Citation), bibtex: row.bibtex, ris: row.ris } : null;
  }

  documentRef(id: string): DocumentRef {
    const d = this.document(id);
    if (!d) throw new Error(`document ${id} is not in the index`);
    return { id: d.id, title: d.title, authors: d.authors, date: d.date };
  }

  speakers(): SpeakerInfo[] {
    if (!this.cachedSpeakers) {
      const rows = this.statement('SELECT * FROM speakers ORDER BY quote_count DESC, name').all() as {
        id: string;
        name: string;
        aliases_json: string;
        anonymous: number;
        role: string | null;
        affiliation: string | null;
        interview_dates_json: string;
        documents_json: string;
        quote_count: number;
      }[];
      this.cachedSpeakers = rows.map((r) => ({
        id: r.id,
        name: r.name,
        affiliation: r.affiliation,
        role: r.role,
        anonymous: !!r.anonymous,
        aliases: JSON.parse(r.aliases_json) as string[],
        interviewDates: JSON.parse(r.interview_dates_json) as string[],
        documents: (JSON.parse(r.documents_json) as string[]).map((d) => this.documentRef(d)),
        quoteCount: r.quote_count,
      }));
    }
    return this.cachedSpeakers;
  }

  /** Every word of the corpus (chunk texts, speaker names and aliases, headings), lower case, with how often it occurs. */
  corpusWordCounts(): ReadonlyMap<string, number> {
    if (!this.cachedWordCounts) {
      const counts = new Map<string, number>();
      const add = (text: string | null) => {
        for (const w of text?.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
      };
      // analysis chunks hold the lead-ins too, so chunk texts alone cover every paragraph
      for (const r of this.statement('SELECT text FROM chunks').iterate() as IterableIterator<{ text: string }>) add(r.text);
      for (const r of this.statement('SELECT heading FROM sections').iterate() as IterableIterator<{ heading: string | null }>) add(r.heading);
      for (const s of this.speakers()) [s.name, ...s.aliases].forEach(add);
      this.cachedWordCounts = counts;
    }
    return this.cachedWordCounts;
  }

  speaker(id: string): SpeakerInfo | null {
    return this.speakers().find((s) => s.id === id) ?? null;
  }

  speakerRef(id: string | null): SpeakerRef | null {
    if (!id) return null;
    const s = this.speaker(id);
    return s ? { id: s.id, name: s.name, affiliation: s.affiliation } : null;
  }

  chunksByRowid(rowids: number[]): StoredChunk[] {
    if (!rowids.length) return [];
    const missing = [...new Set(rowids.filter((r) => !this.chunkCache.has(r)))];
    if (missing.length) {
      if (this.chunkCache.size + missing.length > CHUNK_CACHE_LIMIT) this.chunkCache.clear();
      const rows = this.statement(`${CHUNK_SELECT} WHERE c.rowid IN (${placeholders(missing.length)})`).all(...missing) as ChunkRow[];
      for (const r of rows) this.chunkCache.set(Number(r.rowid), toChunk(r));
    }
    return rowids.map((r) => this.chunkCache.get(r)).filter((c): c is StoredChunk => !!c);
  }

  chunkById(id: string): StoredChunk | null {
    const row = this.statement(`${CHUNK_SELECT} WHERE c.id = ?`).get(id) as ChunkRow | undefined;
    return row ? toChunk(row) : null;
  }

  /**
   * Attributed quotes (interview and quote kinds) in document order, optionally for some speakers or one document;
   * quotes that name no speaker only when asked for (the reader lists them, exports leave them out).
   */
  quotes(filter: { speakerIds?: string[]; documentId?: string; kinds?: QuoteKind[]; includeUnattributed?: boolean } = {}): StoredChunk[] {
    const f = filterSql(
      {
        kinds: filter.kinds?.length ? filter.kinds : ['interview', 'quote'],
        speakerIds: filter.speakerIds,
        documentIds: filter.documentId ? [filter.documentId] : undefined,
      },
      'c',
    );
    const rows = this.statement(
      `${CHUNK_SELECT} JOIN documents d ON d.id = c.document_id WHERE ${filter.includeUnattributed ? '1 = 1' : 'c.speaker_id IS NOT NULL'}${f.sql} ORDER BY d.ordinal, c.ordinal`,
    ).all(...f.params) as ChunkRow[];
    return rows.map(toChunk);
  }

  /** Chunks that repeat a given chunk in other documents ("also in"). */
  copiesOf(id: string): StoredChunk[] {
    if (!this.cachedCopies) {
      this.cachedCopies = new Map();
      const rows = this.statement(`${CHUNK_SELECT} WHERE c.dup_of IS NOT NULL`).all() as ChunkRow[];
      for (const r of rows.map(toChunk)) this.cachedCopies.set(r.dupOf!, [...(this.cachedCopies.get(r.dupOf!) ?? []), r]);
    }
    return this.cachedCopies.get(id) ?? [];
  }

  /** Nearest chunks by cosine distance; score = 1 − distance. The KNN runs in its own CTE before any join. */
  vectorSearch(vector: Float32Array, k: number, filter: ChunkFilter = {}): RankedRow[] {
    const limit = Math.max(1, Math.min(k, 4096));
    const store = this.vectors();
    if (store) return store.search(vector, limit, filter);
    const approximate = this.ann()?.search(vector, limit, filter);
    if (approximate) return approximate;
    const f = filterSql(filter, '');
    const rows = this.statement(
      `WITH knn AS (SELECT chunk_rowid, distance FROM vec_chunks WHERE embedding MATCH ? AND k = ?${f.sql}) SELECT chunk_rowid AS rowid, distance FROM knn ORDER BY distance`,
    ).all(Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength), limit, ...f.params) as { rowid: number; distance: number }[];
    return rows.map((r) => ({ rowid: Number(r.rowid), score: 1 - r.distance }));
  }

  /** The index's vectors in memory for an exact scan, loaded on first use; null above EXACT_SCAN_MAX rows (sqlite-vec then). */
  vectors(): ExactVectorStore | null {
    if (this.vectorStore === undefined) {
      const { chunks, dimension } = this.summary();
      this.vectorStore = chunks <= EXACT_SCAN_MAX ? ExactVectorStore.load(this.db, dimension) : null;
    }
    return this.vectorStore;
  }

  /** The ANN graph written beside a large index (by ingest), once it is there; looked for at most every 10 s. */
  private ann(): AnnVectorStore | null {
    if (!this.annStore && Date.now() - this.annCheckedAt > 10_000) {
      this.annCheckedAt = Date.now();
      this.annStore = loadAnnFile(this.db, this.path);
    }
    return this.annStore;
  }

  /** BM25 over text, speaker and section (FTS5 ranks are negative; score is their negation). */
  keywordSearch(match: string, k: number, filter: ChunkFilter = {}): RankedRow[] {
    const f = filterSql(filter, 'c');
    // the SQL varies only with the filter's shape, so the prepared statement is reused across queries
    const rows = this.statement(
      `SELECT f.rowid AS rowid, bm25(fts_chunks, ${BM25_COLUMN_WEIGHTS}) AS rank FROM fts_chunks f JOIN chunks c ON c.rowid = f.rowid WHERE fts_chunks MATCH ?${f.sql} ORDER BY rank LIMIT ?`,
    ).all(match, ...f.params, k) as { rowid: number; rank: number }[];
    return rows.map((r) => ({ rowid: Number(r.rowid), score: -r.rank }));
  }

  /** A document laid out for reading: sections, paragraphs, footnotes and the quotes marked in it. */
  readerDocument(id: string): ReaderDocument | null {
    const document = this.document(id);
    if (!document) return null;
    const sections = this.statement('SELECT idx, heading, anchor FROM sections WHERE document_id = ? ORDER BY idx').all(id) as {
      idx: number;
      heading: string | null;
      anchor: string;
    }[];
    const paragraphs = this.statement('SELECT anchor, section_idx, kind, text, refs_json, page FROM paragraphs WHERE document_id = ? ORDER BY ordinal').all(
      id,
    ) as {
      anchor: string;
      section_idx: number;
      kind: ReaderDocument['sections'][number]['paragraphs'][number]['kind'];
      text: string;
      refs_json: string;
      page: number | null;
    }[];
    const footnotes = this.statement('SELECT number, text FROM footnotes WHERE document_id = ? ORDER BY number').all(id) as { number: number; text: string }[];
    const quotes = this.quotes({ documentId: id, includeUnattributed: true }).map((q) => ({
      id: q.id,
      kind: q.kind as QuoteKind,
      text: q.text,
      speaker: this.speakerRef(q.speakerId),
      anchors: q.anchors,
      interviewDate: q.interviewDate,
      footnoteNumber: q.footnoteNumber,
      attribution: q.attribution,
      dateLabel: q.dateLabel,
      leadIn: q.leadIn,
    }));
    const quotesByAnchor = new Map<string, string[]>();
    for (const q of quotes) for (const a of q.anchors) quotesByAnchor.set(a, [...(quotesByAnchor.get(a) ?? []), q.id]);
    return {
      document,
      sections: sections
        .map((s) => ({
          heading: s.heading,
          anchor: s.anchor,
          paragraphs: paragraphs
            .filter((p) => p.section_idx === s.idx)
            .map((p) => ({
              anchor: p.anchor,
              kind: p.kind,
              text: p.text,
              footnoteRefs: JSON.parse(p.refs_json) as { number: number; offset: number }[],
              quoteIds: quotesByAnchor.get(p.anchor) ?? [],
              page: p.page ?? null,
            })),
        }))
        .filter((s) => s.heading !== null || s.paragraphs.length > 0),
      footnotes,
      quotes,
    };
  }
}
