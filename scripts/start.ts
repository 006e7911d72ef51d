import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexSchemaVersion, resolveIndexPath } from '../lib/db/open';
import { SCHEMA_VERSION } from '../lib/db/schema';

// `npm start`: build the index if it is missing or from an older version, build the app if its sources changed, then serve.
const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(tsx?|css|json|csl|mjs)$/.test(name) && !/\.test\.ts$/.test(name)) hash.update(full).update(readFileSync(full));
    }
  };
  for (const dir of ['app', 'lib']) walk(path.join(root, dir));
  for (const f of ['package.json', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json']) if (existsSync(f)) hash.update(readFileSync(f));
  return hash.digest('hex');
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`${[path.basename(cmd), ...args].join(' ')} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

const db = resolveIndexPath();
const schema = existsSync(db) ? indexSchemaVersion(db) : null;
// a file that is no index at all is left alone: the app says what is wrong with it
if (!existsSync(db) || (schema !== null && schema !== SCHEMA_VERSION)) {
  console.log(
    existsSync(db)
      ? `The index at ${path.relative(root, db)} has schema ${schema}, this version needs ${SCHEMA_VERSION}: rebuilding it from corpus/ with the bundled model…`
      : `No index at ${path.relative(root, db)}: building it from corpus/ with the bundled model…`,
  );
  run(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/ingest.ts', '--db', db]);
}
const stampFile = path.join(root, '.next', 'source-hash');
const hash = sourceHash();
if (!existsSync(path.join(root, '.next', 'BUILD_ID')) || !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== hash) {
  console.log('Building the app (first start or sources changed)…');
  run(process.execPath, [nextBin, 'build']);
  writeFileSync(stampFile, hash);
}
const port = process.env.PORT || '3000';
const child = spawn(process.execPath, [nextBin, 'start', '-p', port, ...(process.env.HOSTNAME ? ['-H', process.env.HOSTNAME] : [])], {
  stdio: 'inherit',
  env: { ...process.env, CORPUS_DB: db },
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
