import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { IndexReader } from '../db/index-reader';
import { toQuoteRecord } from '../records';
import type { QuoteRecord } from '../types';

// Saved quotes live in a user-data file of their own: ingest replaces the index, never this file. Quote ids are
// stable across re-ingests of the same text, so a saved id keeps pointing at its quote.

export const QUOTE_ID = /^[a-z][a-z0-9-]{0,119}$/;
export const MAX_SAVED = 5000;
const FILE_NAME = 'collections.json';

export class CollectionError extends Error {
  constructor(
    message: string,
    readonly kind: 'input' | 'storage',
  ) {
    super(message);
    this.name = 'CollectionError';
  }
}

export interface SavedItem {
  id: string;
  savedAt: string; // ISO time
}

const fileSchema = z.object({
  version: z.literal(1),
  items: z.array(z.object({ id: z.string().regex(QUOTE_ID), savedAt: z.string() })).max(MAX_SAVED),
});

/** Where user data lives: $USER_DATA_DIR, else data/user under the working directory. */
export function userDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.USER_DATA_DIR || path.join(process.cwd(), 'data', 'user'));
}

export function collectionsFile(dir = userDataDir()): string {
  return path.join(dir, FILE_NAME);
}

/** The file as messages and pages name it: relative to the working directory, never an absolute server path. */
export function displayPath(file = collectionsFile()): string {
  const rel = path.relative(process.cwd(), file);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  return process.env.USER_DATA_DIR && path.dirname(file) === userDataDir() ? `$USER_DATA_DIR/${path.basename(file)}` : path.basename(file);
}

/** The saved items, oldest first; an absent file is an empty collection, a damaged one an error (never overwritten). */
export function readSaved(file = collectionsFile()): SavedItem[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CollectionError(`cannot read ${displayPath(file)}: ${(e as NodeJS.ErrnoException).code ?? 'read error'}`, 'storage');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new CollectionError(`${displayPath(file)} is not valid JSON; repair it or move it away (saved quotes are kept there)`, 'storage');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success)
    throw new CollectionError(`${displayPath(file)} is not a saved-quotes file this version understands; repair it or move it away`, 'storage');
  return parsed.data.items;
}

/** Writes the whole file beside itself and renames it into place, so a crash leaves the old or the new file, never half. */
function writeSaved(file: string, items: SavedItem[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify({ version: 1, items }, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CollectionError(`cannot write ${displayPath(file)}: ${(e as NodeJS.ErrnoException).code ?? 'write error'}`, 'storage');
  }
}

// Changes in one process run one after another; read-modify-write must not interleave.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => T): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

function checkIds(ids: string[]): string[] {
  const unique = [...new Set(ids)];
  for (const id of unique) if (!QUOTE_ID.test(id)) throw new CollectionError(`"${id.slice(0, 40)}" is not a quote id`, 'input');
  return unique;
}

/** Adds quotes (already saved ones keep their time); ids must exist in the index. Returns the new list. */
export async function saveQuotes(reader: IndexReader, ids: string[], file = collectionsFile(), now = new Date()): Promise<SavedItem[]> {
  const wanted = checkIds(ids);
  for (const id of wanted) if (!reader.chunkById(id)) throw new CollectionError(`unknown quote id "${id}"`, 'input');
  return serially(() => {
    const items = readSaved(file);
    const have = new Set(items.map((i) => i.id));
    const added = wanted.filter((id) => !have.has(id)).map((id) => ({ id, savedAt: now.toISOString() }));
    if (!added.length) return items;
    const next = [...items, ...added];
    if (next.length > MAX_SAVED) throw new CollectionError(`at most ${MAX_SAVED} saved quotes; remove some first`, 'input');
    writeSaved(file, next);
    return next;
  });
}

/** Removes quotes by id (ids not saved are ignored). Returns the new list. */
export async function unsaveQuotes(ids: string[], file = collectionsFile()): Promise<SavedItem[]> {
  const gone = new Set(checkIds(ids));
  return serially(() => {
    const items = readSaved(file);
    const next = items.filter((i) => !gone.has(i.id));
    if (next.length !== items.length) writeSaved(file, next);
    return next;
  });
}

/** Removes every saved id the index no longer holds. Returns the ids removed. */
export async function pruneMissing(reader: IndexReader, file = collectionsFile()): Promise<string[]> {
  return serially(() => {
    const items = readSaved(file);
    const missing = items.filter((i) => !reader.chunkById(i.id)).map((i) => i.id);
    if (missing.length)
      writeSaved(
        file,
        items.filter((i) => !missing.includes(i.id)),
      );
    return missing;
  });
}

export interface ResolvedCollection {
  /** Saved quotes found in the index, with their saved time, in the order asked for. */
  quotes: (QuoteRecord & { savedAt: string })[];
  /** Saved ids the current index does not hold (their text changed or left the corpus). */
  missing: SavedItem[];
}

/** Resolves saved ids against the current index; order 'saved' is newest first, 'document' is reading order. */
export function resolveSaved(reader: IndexReader, items: SavedItem[], order: 'saved' | 'document' = 'saved'): ResolvedCollection {
  const found: { item: SavedItem; docIndex: number; ordinal: number; record: QuoteRecord }[] = [];
  const missing: SavedItem[] = [];
  const docOrder = new Map(reader.documents().map((d, i) => [d.id, i]));
  for (const item of items) {
    const chunk = reader.chunkById(item.id);
    if (!chunk) missing.push(item);
    else found.push({ item, docIndex: docOrder.get(chunk.documentId) ?? 0, ordinal: chunk.ordinal, record: toQuoteRecord(reader, chunk) });
  }
  if (order === 'document') found.sort((a, b) => a.docIndex - b.docIndex || a.ordinal - b.ordinal);
  else found.reverse();
  return { quotes: found.map((f) => ({ ...f.record, savedAt: f.item.savedAt })), missing };
}

/** The ids saved, for marking quotes as saved while browsing; a damaged file reads as empty here (the saved page reports it). */
export function savedIdSet(file = collectionsFile()): Set<string> {
  try {
    return new Set(readSaved(file).map((i) => i.id));
  } catch {
    return new Set();
  }
}
