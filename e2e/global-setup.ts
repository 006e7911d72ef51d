import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Documents in an index whose file is not in the bundled corpus (left by an upload test that was cut off), or null if it cannot be read. */
function foreignDocuments(db: string): string[] | null {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      const bundled = new Set(readdirSync('corpus'));
      return (d.prepare('SELECT path FROM documents').all() as { path: string }[]).map((r) => path.basename(r.path)).filter((f) => !bundled.has(f));
    } finally {
      d.close();
    }
  } catch {
    return null;
  }
}

// `npm test` ingests the bundled corpus into this file first; a direct `playwright test` builds it if absent.
// The server's corpus folder (CORPUS_DIR, where browser uploads land) is a fresh copy of corpus/, never corpus/ itself.
export default function globalSetup() {
  const db = path.resolve('.cache/e2e/corpus.db');
  const corpusCopy = path.resolve('.cache/e2e/corpus');
  rmSync(corpusCopy, { recursive: true, force: true });
  cpSync('corpus', corpusCopy, { recursive: true });
  if (existsSync(db) && foreignDocuments(db)?.length === 0) return;
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/ingest.ts', '--db', db, '--quiet'], { stdio: 'inherit' });
}
