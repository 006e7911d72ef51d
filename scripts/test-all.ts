import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// `npm test`: unit and integration tests (vitest), a production build, a real ingest, then the browser tests.
const root = process.cwd();
const node = process.execPath;
const bin = (p: string) => path.join(root, 'node_modules', p);
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n── ${label} ──`);
  const started = Date.now();
  const r = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`── ${label}: exit ${r.status ?? r.signal} in ${((Date.now() - started) / 1000).toFixed(1)} s ──`);
  return r.status ?? 1;
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += j.numPassedTests;
  totals.failed += j.numFailedTests;
  totals.skipped += j.numPendingTests + j.numTodoTests;
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  totals.passed += j.stats.expected + j.stats.flaky;
  totals.failed += j.stats.unexpected;
  totals.skipped += j.stats.skipped;
}

const only = process.argv[2]; // optional: "unit" or "e2e"
rmSync(path.join(root, 'test-results'), { recursive: true, force: true });
let failed = false;
if (only !== 'e2e') {
  // the formatter and linter, then the type checker: code is formatted the same everywhere
  const lint = run('format and lint (biome)', [bin('@biomejs/biome/bin/biome'), 'check', '.']);
  const types = run('type check (tsc)', [bin('typescript/bin/tsc'), '--noEmit']);
  if (lint !== 0 || types !== 0) totals.failed += 1;
  failed ||= lint !== 0 || types !== 0;

  const code = run('unit and integration tests (vitest)', [
    bin('vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest.json',
  ]);
  countVitest(path.join(root, 'test-results', 'vitest.json'));
  failed ||= code !== 0;
}
if (only !== 'unit') {
  let code = run('production build (next build)', [bin('next/dist/bin/next'), 'build']);
  if (code === 0) {
    const db = path.join(root, '.cache', 'e2e', 'corpus.db');
    rmSync(db, { force: true });
    code = run('ingest of the bundled corpus for the browser tests', ['node_modules/tsx/dist/cli.mjs', 'scripts/ingest.ts', '--db', db]);
  }
  if (code === 0) {
    code = run('browser tests (playwright, Debian chromium)', [bin('@playwright/test/cli.js'), 'test']);
    countPlaywright(path.join(root, 'test-results', 'e2e-results.json'));
  } else totals.failed += 1;
  failed ||= code !== 0;
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failed || totals.failed > 0 ? 1 : 0);
