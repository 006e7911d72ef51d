import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CorpusError, documentIdFromFileName } from '../corpus/read-source';
import { openDatabase } from '../db/open';
import { acquireIngestLock, cleanLeftovers, IndexWriteError, writeIndexAtomically } from '../db/write-index';
import type { Embedder } from '../embed/embedder';
import { embedPassages } from '../embed/parallel';
import { buildIndexContent, listCorpusFiles, parseCorpus, type EmbedPassagesFn } from './ingest';
import { buildDocumentReport, type DocumentIngestReport } from './report';
import { checkUpload, documentIdOfUpload, MAX_UPLOAD_FILES, shownName, type UploadFormat, UploadRefusal } from './upload-checks';

export { UploadRefusal } from './upload-checks';

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

export type FilePhase = 'reading' | 'parsing' | 'embedding' | 'indexing' | 'done';

/** What a running change reports: each file's phase, and the embedding progress shared by all new files. */
export type ChangeEvent =
  | { type: 'file'; name: string; documentId: string; phase: FilePhase }
  | { type: 'progress'; phase: 'embedding'; done: number; total: number };

export interface ChangeResult {
  reports: DocumentIngestReport[];
  removed: string[]; // file names taken out of the corpus
  index: { documents: number; chunks: number; quotes: number };
}

/** A validated change holding the ingest lock: `run` builds and swaps, `cancel` lets go without touching anything. */
export interface PreparedChange {
  files: { name: string; documentId: string; format: UploadFormat }[];
  run(embedder: Embedder, onEvent?: (e: ChangeEvent) => void): Promise<ChangeResult>;
  cancel(): void;
}

interface ChangeOptions {
  corpusDir: string;
  dbPath: string;
}

const STAGING_PREFIX = '.staging-';
const EMBED_SLICE = 32;
const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{0,120}$/;

/** Staging folders of changes whose process died (a crash or kill mid-way), left inside the corpus folder. */
function cleanStaleStaging(corpusDir: string): void {
  for (const name of readdirSync(corpusDir)) {
    const pid = new RegExp(`^${STAGING_PREFIX.replace('.', '\\.')}(\\d+)-`).exec(name)?.[1];
    if (!pid) continue;
    let alive = true;
    try {
      process.kill(Number(pid), 0);
    } catch (e) {
      alive = (e as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (!alive || Number(pid) === process.pid) rmSync(path.join(corpusDir, name), { recursive: true, force: true });
  }
}

/** Links (or copies, across file systems) a corpus file into the staging folder. */
function stageExisting(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Turns messages about staging paths into messages about the user's file names. */
function plainPaths(message: string, ...dirs: string[]): string {
  let out = message;
  for (const d of dirs) out = out.split(`${d}${path.sep}`).join('');
  return out;
}

// Vectors of the served index by the exact text the model saw, so that adding one document embeds
// only its own passages. Kept per process (route bundles are separate modules, hence globalThis).
interface VectorCache {
  embedder: string;
  corpusHash: string;
  vectors: Map<string, Float32Array>;
}
const store = globalThis as unknown as { __eqVectorCache?: VectorCache };

function readIndexMeta(dbPath: string): { embedder: string; corpusHash: string } | null {
  if (!existsSync(dbPath)) return null;
  try {
    const db = openDatabase(dbPath, { readonly: true });
    try {
      const get = (k: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(k) as { value: string } | undefined)?.value ?? '';
      return { embedder: get('embedder'), corpusHash: get('corpus_hash') };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

function readStoredVectors(dbPath: string, dimension: number): Map<string, { text: string; vector: Float32Array }> {
  const db = openDatabase(dbPath, { readonly: true });
  try {
    const byRowid = new Map<number, { id: string; text: string }>();
    for (const r of db.prepare('SELECT rowid, id, text FROM chunks').iterate() as IterableIterator<{ rowid: number; id: string; text: string }>)
      byRowid.set(Number(r.rowid), { id: r.id, text: r.text });
    const out = new Map<string, { text: string; vector: Float32Array }>();
    for (const r of db.prepare('SELECT chunk_rowid AS rowid, embedding FROM vec_chunks').iterate() as IterableIterator<{ rowid: number; embedding: Buffer }>) {
      const chunk = byRowid.get(Number(r.rowid));
      if (!chunk || r.embedding.byteLength !== dimension * 4) continue;
      out.set(chunk.id, {
        text: chunk.text,
        vector: new Float32Array(r.embedding.buffer.slice(r.embedding.byteOffset, r.embedding.byteOffset + dimension * 4)),
      });
    }
    return out;
  } finally {
    db.close();
  }
}

/**
 * The vectors the served index already holds, keyed by the text the model embedded. When the
 * cache is cold, the corpus the index was built from is planned again without the model (same
 * corpus hash, same model, same chunk text required) and each chunk's input is paired with its
 * stored vector; anything that does not match is simply embedded again.
 */
async function knownVectors(corpusDir: string, dbPath: string, embedder: Embedder): Promise<Map<string, Float32Array>> {
  const meta = readIndexMeta(dbPath);
  if (!meta || meta.embedder !== embedder.id) return new Map();
  const cached = store.__eqVectorCache;
  if (cached && cached.embedder === embedder.id && cached.corpusHash === meta.corpusHash) return cached.vectors;
  try {
    let texts: string[] = [];
    const plan: EmbedPassagesFn = async (t) => {
      texts = t;
      return t.map(() => new Float32Array(embedder.dimension));
    };
    const { content } = await buildIndexContent(corpusDir, embedder, undefined, plan);
    if (content.corpusHash !== meta.corpusHash) return new Map();
    const stored = readStoredVectors(dbPath, embedder.dimension);
    const vectors = new Map<string, Float32Array>();
    content.chunks.forEach((ch, i) => {
      const s = stored.get(ch.id);
      if (s && s.text === ch.text) vectors.set(texts[i], s.vector);
    });
    store.__eqVectorCache = { embedder: embedder.id, corpusHash: meta.corpusHash, vectors };
    return vectors;
  } catch {
    return new Map(); // the corpus no longer parses or the index cannot be read: embed everything
  }
}

/** Embeds only the passages whose vectors are not known yet; records every vector it used in `used`. */
function reusingEmbed(embedder: Embedder, known: Map<string, Float32Array>, used: Map<string, Float32Array>): EmbedPassagesFn {
  return async (texts, onProgress) => {
    const missing = [...new Set(texts.filter((t) => !known.has(t)))];
    onProgress(0, missing.length);
    // in slices small enough to stay in this process (a server has no spare process to fork), with a turn
    // of the event loop between them so a streamed response can send the progress
    const fresh: Float32Array[] = [];
    for (let i = 0; i < missing.length; i += EMBED_SLICE) {
      fresh.push(...(await embedPassages(embedder, missing.slice(i, i + EMBED_SLICE), (done) => onProgress(i + done, missing.length))));
      await new Promise((r) => setImmediate(r));
    }
    const local = new Map(missing.map((t, i) => [t, fresh[i]]));
    return texts.map((t) => {
      const v = local.get(t) ?? known.get(t)!;
      used.set(t, v);
      return v;
    });
  };
}

interface ChangePlan extends ChangeOptions {
  add: { name: string; bytes: Uint8Array; format: UploadFormat }[];
  remove: string[]; // corpus file names to take out
  replace: boolean;
}

/** Takes the lock, stages the corpus as it will be, and checks that it parses; refusals leave everything as it was. */
async function prepareChange(plan: ChangePlan): Promise<PreparedChange> {
  const { corpusDir, dbPath } = plan;
  const folder = path.basename(corpusDir);
  if (!existsSync(corpusDir) || !statSync(corpusDir).isDirectory())
    throw new UploadRefusal(409, `The corpus folder "${folder}" does not exist on the server; create it (or set CORPUS_DIR) and try again.`);
  cleanLeftovers(dbPath);
  let release: () => void;
  try {
    release = acquireIngestLock(dbPath);
  } catch (e) {
    if (e instanceof IndexWriteError) throw new UploadRefusal(409, 'Another ingest is running (an upload or npm run ingest); try again when it has finished.');
    throw e;
  }
  const staging = path.join(corpusDir, `${STAGING_PREFIX}${process.pid}-${Date.now()}`);
  const finish = () => {
    rmSync(staging, { recursive: true, force: true });
    release();
  };
  try {
    cleanStaleStaging(corpusDir);
    for (const f of plan.add)
      if (existsSync(path.join(corpusDir, f.name)) && !plan.replace)
        throw new UploadRefusal(409, `${shownName(f.name)} is already in the corpus; choose "Replace existing files" to overwrite it.`);
    mkdirSync(staging);
    const replaced = new Set(plan.add.map((f) => f.name));
    const removed = new Set(plan.remove);
    for (const name of readdirSync(corpusDir)) {
      if (name.startsWith('.') || replaced.has(name) || removed.has(name)) continue;
      const from = path.join(corpusDir, name);
      if (lstatSync(from).isFile()) stageExisting(from, path.join(staging, name));
    }
    for (const f of plan.add) writeFileSync(path.join(staging, f.name), f.bytes, { flag: 'wx' });
    let listed: string[];
    try {
      listed = listCorpusFiles(staging).map((f) => path.basename(f));
    } catch (e) {
      if (e instanceof CorpusError && plan.remove.length) throw new UploadRefusal(409, 'The last document of the corpus cannot be removed.');
      throw e;
    }
    for (const f of plan.add)
      if (!listed.includes(f.name))
        throw new UploadRefusal(
          415,
          `${shownName(f.name)} is a ${f.format.toUpperCase()} file, which this version cannot ingest; convert it to Markdown or text.`,
        );
    // a broken document is refused here, before anything is embedded or moved
    await parseCorpus(staging);
  } catch (e) {
    finish();
    if (e instanceof CorpusError) {
      const message = plainPaths(e.message, staging, corpusDir);
      throw new UploadRefusal(422, `${message}${/[.!?]$/.test(message) ? '' : '.'} Nothing was changed.`);
    }
    throw e;
  }

  const files = plan.add.map((f) => ({ name: f.name, documentId: documentIdOfUpload(f.name), format: f.format }));
  let settled = false;
  return {
    files,
    cancel() {
      if (!settled) finish();
      settled = true;
    },
    async run(embedder, onEvent) {
      if (settled) throw new Error('this change has already run or was cancelled');
      settled = true;
      const moved: { from: string; to: string }[] = [];
      try {
        // each phase is announced, then the event loop gets a turn so a streamed response can send it before the next (blocking) step
        const each = async (phase: FilePhase) => {
          for (const f of files) onEvent?.({ type: 'file', name: f.name, documentId: f.documentId, phase });
          await new Promise((r) => setImmediate(r));
        };
        await each('reading');
        await each('parsing');
        const known = await knownVectors(corpusDir, dbPath, embedder);
        await each('embedding');
        const used = new Map<string, Float32Array>();
        const { content, docs, registry } = await buildIndexContent(
          staging,
          embedder,
          (e) => {
            if (e.phase === 'embed') onEvent?.({ type: 'progress', phase: 'embedding', done: e.done, total: e.total });
          },
          reusingEmbed(embedder, known, used),
        );
        await each('indexing');
        // the index records where each document lives, which is the corpus folder, not the staging copy
        for (const d of content.documents) {
          const final = path.join(corpusDir, path.basename(d.path));
          d.path = path.relative(process.cwd(), final) || final;
        }
        // move the new files in (keeping what they replace or what is removed) and swap the index; undo the moves if the swap fails
        const backup = (name: string) => {
          const from = path.join(corpusDir, name);
          if (!existsSync(from)) return;
          const to = path.join(staging, `.previous-${name}`);
          renameSync(from, to);
          moved.push({ from, to });
        };
        for (const name of plan.remove) {
          backup(name);
          backup(name.replace(/\.[A-Za-z0-9]+$/, '.meta.yaml'));
        }
        for (const f of plan.add) {
          backup(f.name);
          const to = path.join(corpusDir, f.name);
          renameSync(path.join(staging, f.name), to);
          moved.push({ from: path.join(staging, f.name), to });
        }
        writeIndexAtomically(dbPath, content);
        moved.length = 0;
        store.__eqVectorCache = { embedder: embedder.id, corpusHash: content.corpusHash, vectors: used };
        const names = new Map(registry.speakers.map((s) => [s.id, s.name]));
        const reports = files.map((f) => {
          const doc = docs.find((d) => d.source.id === f.documentId)!;
          const report = buildDocumentReport(doc, (m) => registry.idFor(doc.source.id, m), f.format);
          report.file = f.name;
          report.bySpeaker = report.bySpeaker.map((s) => ({ ...s, name: names.get(s.speakerId) ?? s.name }));
          report.warnings = report.warnings.map((w) => ({ ...w, message: plainPaths(w.message, staging, corpusDir) }));
          return report;
        });
        await each('done');
        return {
          reports,
          removed: plan.remove,
          index: { documents: content.documents.length, chunks: content.chunks.length, quotes: content.chunks.filter((c) => c.kind !== 'analysis').length },
        };
      } catch (e) {
        for (const m of moved.reverse()) renameSync(m.to, m.from);
        if (e instanceof Error) e.message = plainPaths(e.message, staging, corpusDir);
        throw e;
      } finally {
        finish();
      }
    },
  };
}

/**
 * Checks uploaded files (name, size, type by content), takes the ingest lock and stages the corpus
 * with them; throws UploadRefusal (with an HTTP status) for anything refused, leaving all as it was.
 */
export async function prepareAddDocuments(options: ChangeOptions & { files: UploadFile[]; replace?: boolean }): Promise<PreparedChange> {
  const { files } = options;
  if (!files.length) throw new UploadRefusal(400, 'No files were sent; choose at least one document.');
  if (files.length > MAX_UPLOAD_FILES) throw new UploadRefusal(400, `${files.length} files were sent; add at most ${MAX_UPLOAD_FILES} at a time.`);
  const add = files.map((f) => ({ name: f.name, bytes: f.bytes, format: checkUpload(f.name, f.bytes) }));
  const ids = new Map<string, string>();
  for (const f of add) {
    const id = documentIdOfUpload(f.name);
    const other = ids.get(id);
    if (other) throw new UploadRefusal(400, `${shownName(other)} and ${shownName(f.name)} give the same document id "${id}"; send one of them or rename one.`);
    ids.set(id, f.name);
  }
  return prepareChange({ ...options, add, remove: [], replace: !!options.replace });
}

/** Takes one document (and its metadata sidecar) out of the corpus and rebuilds the index without it. */
export async function prepareRemoveDocument(options: ChangeOptions & { documentId: string }): Promise<PreparedChange> {
  const { documentId, corpusDir } = options;
  if (!DOCUMENT_ID.test(documentId)) throw new UploadRefusal(400, 'That is not a document id (lower-case letters, digits and hyphens).');
  let files: string[] = [];
  try {
    files = existsSync(corpusDir) ? listCorpusFiles(corpusDir).map((f) => path.basename(f)) : [];
  } catch {
    files = [];
  }
  const name = files.find((f) => documentIdFromFileName(f) === documentId);
  if (!name) throw new UploadRefusal(404, `No document "${documentId}" in the corpus folder.`);
  return prepareChange({ ...options, add: [], remove: [name], replace: false });
}

/** Runs a prepared change with the embedder the loader gives; the change is released when the model cannot be had. */
export async function runWithEmbedder(
  change: PreparedChange,
  loadEmbedder: () => Promise<Embedder>,
  onEvent?: (e: ChangeEvent) => void,
): Promise<ChangeResult> {
  let embedder: Embedder;
  try {
    embedder = await loadEmbedder();
  } catch (e) {
    change.cancel();
    throw e;
  }
  return change.run(embedder, onEvent);
}

/** Adds documents in one go (checks, stage, ingest, move in, swap); for scripts and tests. */
export async function addDocuments(
  options: ChangeOptions & { files: UploadFile[]; replace?: boolean; embedder: Embedder; onEvent?: (e: ChangeEvent) => void },
): Promise<ChangeResult> {
  return (await prepareAddDocuments(options)).run(options.embedder, options.onEvent);
}

/** Removes one document in one go; for scripts and tests. */
export async function removeDocument(options: ChangeOptions & { documentId: string; embedder: Embedder }): Promise<ChangeResult> {
  return (await prepareRemoveDocument(options)).run(options.embedder);
}
