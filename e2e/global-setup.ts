import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

// `npm test` ingests the bundled corpus into this file first; a direct `playwright test` builds it if absent.
export default function globalSetup() {
  const db = path.resolve('.cache/e2e/corpus.db');
  if (existsSync(db)) return;
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/ingest.ts', '--db', db, '--quiet'], { stdio: 'inherit' });
}
