import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { existsSync } from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/** Where the index lives: --db, then $CORPUS_DB, then data/corpus.db under the project. */
export function resolveIndexPath(explicit?: string | null): string {
  return path.resolve(/*turbopackIgnore: true*/ explicit || process.env.CORPUS_DB || path.join(process.cwd(), 'data', 'corpus.db'));
}

export class IndexMissingError extends Error {
  constructor(readonly indexPath: string) {
    super(`No index at ${indexPath}. Build it with: npm run ingest${indexPath === resolveIndexPath() ? '' : ` -- --db ${indexPath}`}`);
    this.name = 'IndexMissingError';
  }
}

/** Opens a database with sqlite-vec loaded. The app and search open the index read-only. */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  if (options.readonly && !existsSync(file)) throw new IndexMissingError(file);
  const db = new Database(file, { readonly: !!options.readonly, fileMustExist: !!options.readonly });
  sqliteVec.load(db);
  return db;
}

/** The schema version recorded in an open index; undefined when none is, and an error when the file has no meta table. */
export function readSchemaVersion(db: Db): string | undefined {
  return (db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value;
}

/** The schema version an index file was written with, or null when the file is not an index this tool can read. */
export function indexSchemaVersion(file: string): number | null {
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = readSchemaVersion(db);
    return version === undefined ? null : Number(version);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
