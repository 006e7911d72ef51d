// 4: chunks carry the attribution's evidence, the note's date label, the lead-in and the page; unattributed quotes are kept
export const SCHEMA_VERSION = 4;

/** The index schema. vec_chunks is created separately because its dimension depends on the model. */
export const SCHEMA_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
  id TEXT PRIMARY KEY, ordinal INTEGER NOT NULL, title TEXT NOT NULL, authors_json TEXT NOT NULL, date TEXT,
  publisher TEXT, place TEXT, url TEXT, kind TEXT NOT NULL, path TEXT NOT NULL, content_hash TEXT NOT NULL,
  bibtex TEXT NOT NULL, ris TEXT NOT NULL, citation_json TEXT NOT NULL
);
CREATE TABLE sections (
  document_id TEXT NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL, heading TEXT, anchor TEXT NOT NULL,
  PRIMARY KEY (document_id, idx)
);
CREATE TABLE paragraphs (
  document_id TEXT NOT NULL REFERENCES documents(id), anchor TEXT NOT NULL, ordinal INTEGER NOT NULL,
  section_idx INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, refs_json TEXT NOT NULL, italic INTEGER NOT NULL,
  page INTEGER,
  PRIMARY KEY (document_id, anchor)
);
CREATE TABLE footnotes (
  document_id TEXT NOT NULL REFERENCES documents(id), number INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (document_id, number)
);
CREATE TABLE speakers (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases_json TEXT NOT NULL, anonymous INTEGER NOT NULL, role TEXT,
  affiliation TEXT, interview_dates_json TEXT NOT NULL, documents_json TEXT NOT NULL, quote_count INTEGER NOT NULL
);
CREATE TABLE chunks (
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, document_id TEXT NOT NULL REFERENCES documents(id),
  kind TEXT NOT NULL CHECK (kind IN ('interview', 'quote', 'analysis')), speaker_id TEXT REFERENCES speakers(id),
  section_idx INTEGER NOT NULL, anchors_json TEXT NOT NULL, text TEXT NOT NULL, ordinal INTEGER NOT NULL,
  word_count INTEGER NOT NULL, method TEXT, footnote_number INTEGER, interview_date TEXT, dup_of TEXT,
  citation_json TEXT NOT NULL, context TEXT NOT NULL DEFAULT '', evidence TEXT, date_label TEXT, lead_in TEXT,
  page INTEGER,
  CHECK ((speaker_id IS NULL) = (method IS NULL) OR kind = 'analysis')
);
CREATE INDEX chunks_document ON chunks(document_id, ordinal);
CREATE INDEX chunks_speaker ON chunks(speaker_id, kind);
CREATE VIRTUAL TABLE fts_chunks USING fts5(text, speaker, section, context, tokenize = 'porter unicode61 remove_diacritics 2');
`;

export function vecTableSql(dimension: number): string {
  if (!Number.isInteger(dimension) || dimension <= 0 || dimension > 8192) throw new Error(`invalid embedding dimension ${dimension}`);
  return `CREATE VIRTUAL TABLE vec_chunks USING vec0(
  chunk_rowid INTEGER PRIMARY KEY,
  embedding float[${dimension}] distance_metric=cosine,
  kind TEXT,
  speaker_id TEXT,
  document_id TEXT
);`;
}
