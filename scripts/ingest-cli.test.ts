// `npm run ingest` on bad input, through the real CLI: each case must exit non-zero with a message
// naming the file, and leave a previously built index byte for byte as it was.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runScript, type ScriptRun } from '../lib/cli/run-script';

const IS_ROOT = process.getuid?.() === 0;

const VALID = `---
title: "Harbour Notes"
authors: ["Anna Lind"]
date: "2024-05"
kind: report
---
Harbour Notes

The northern coast has seen rising tension over the last decade, and the navy has expanded patrols along the fjords and straits. As Henrik Aaltonen explains:

Patrols alone cannot deter a determined adversary. What matters is that allies are present and visible in our waters.¹

¹ Interview with Henrik Aaltonen, Professor at the University of Bergenholm. Transcribed on 4 May 2023.
`;

type Run = ScriptRun;

function ingest(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runScript('ingest.ts', args, { ...process.env, EMBED_WORKERS: '0', ...env });
}

// each case starts a CLI process (about a second alone, much more on a busy machine)
vi.setConfig({ testTimeout: 120_000 });

let root: string;
let dbDir: string;
let db: string;
let original: Buffer;
let built: Run;

/** A corpus folder holding the valid document plus the given extra files. */
function corpusWith(name: string, files: Record<string, string | Buffer> = {}): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'aaa-valid.md'), VALID);
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
  return dir;
}

/** A copy of the built index in a folder of its own, for one case. */
function indexCopy(name: string): string {
  const dir = path.join(root, `db-${name}`);
  mkdirSync(dir);
  copyFileSync(db, path.join(dir, 'corpus.db'));
  return path.join(dir, 'corpus.db');
}

/** Runs the ingest of `corpus` against a fresh copy of the built index and checks the refusal. */
async function expectRefusal(corpus: string, message: string | RegExp) {
  const target = indexCopy(path.basename(corpus));
  const run = await ingest(['--corpus', corpus, '--db', target]);
  expectRefused(run, message, target);
}

function expectRefused(run: Run, message: string | RegExp, target = db) {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trim().split('\n');
  if (typeof message === 'string') expect(lines[0]).toBe(`ingest failed: ${message}`);
  else expect(lines[0]).toMatch(message);
  expect(lines.at(-1)).toBe('The previous index, if any, was left as it was.');
  expect(readFileSync(target).equals(original)).toBe(true);
  expect(readdirSync(path.dirname(target))).toEqual(['corpus.db']);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'ingest-cli-'));
  dbDir = path.join(root, 'data');
  db = path.join(dbDir, 'corpus.db');
  built = await ingest(['--corpus', corpusWith('valid'), '--db', db]);
  original = readFileSync(db);
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a valid corpus', () => {
  it('builds the index, exits 0 and prints the summary', () => {
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^Indexed 1 documents from .* into .*corpus\.db\n/);
    expect(built.stdout).toContain('  aaa-valid: 1 quotes, 2 chunks');
    expect(built.stdout).toMatch(/Quotes per speaker \(interview \+ quoted\):\n {2}Henrik Aaltonen +1 interview +0 quoted/);
    expect(built.stdout).toMatch(/1 quotes, 2 chunks, model use-lite, \d+\.\d s/);
    expect(readdirSync(dbDir)).toEqual(['corpus.db']);
  });
});

describe.concurrent('bad input: non-zero exit, the file named, the old index intact', () => {
  it('an empty file', async () => {
    const dir = corpusWith('empty-file', { 'zz-empty.md': '' });
    await expectRefusal(dir, `${path.join(dir, 'zz-empty.md')}: is empty (0 bytes)`);
  });

  it('a document with nothing after its front matter', async () => {
    const dir = corpusWith('empty-body', { 'zz-front-matter-only.md': '---\ntitle: Nothing\n---\n\n\n' });
    await expectRefusal(dir, `${path.join(dir, 'zz-front-matter-only.md')}:4: is empty: there is no text after the front matter`);
  });

  it('a binary file (NUL bytes)', async () => {
    const dir = corpusWith('binary', { 'zz-image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]) });
    // PNG magic bytes are not UTF-8 either; whichever check fires first, the file is named
    await expectRefusal(dir, new RegExp(`^ingest failed: ${escape(path.join(dir, 'zz-image.md'))}(:\\d+)?: (contains NUL bytes|is not valid UTF-8)`));
    const dir2 = corpusWith('nul', { 'zz-nul.md': Buffer.from('plain text\u0000with a NUL byte\n') });
    await expectRefusal(dir2, `${path.join(dir2, 'zz-nul.md')}: contains NUL bytes; it looks like a binary file, not a text document`);
  });

  it('bytes that are not UTF-8 (Latin-1), with the line', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('---\ntitle: Latin\n---\nLine four is fine.\nLine five has caf'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait.\n'),
    ]);
    const dir = corpusWith('latin1', { 'zz-latin1.md': latin1 });
    await expectRefusal(
      dir,
      new RegExp(`^ingest failed: ${escape(path.join(dir, 'zz-latin1.md'))}:5: is not valid UTF-8 \\(byte 0xe9 at offset \\d+\\); save the file as UTF-8$`),
    );
  });

  it('broken YAML front matter, with the line', async () => {
    const dir = corpusWith('yaml', { 'zz-broken.md': '---\ntitle: ok\ndate: "2024-05"\nauthors: [Anna Lind\n---\nBody text.\n' });
    await expectRefusal(dir, new RegExp(`^ingest failed: ${escape(path.join(dir, 'zz-broken.md'))}:4: broken front matter: `));
  });

  it('front matter that is never closed, and a bad date', async () => {
    const dir = corpusWith('unclosed', { 'zz-open.md': '---\ntitle: ok\nBody text.\n' });
    await expectRefusal(dir, `${path.join(dir, 'zz-open.md')}:1: front matter starts with "---" but has no closing "---" line`);
    const dir2 = corpusWith('bad-date', { 'zz-date.md': '---\ndate: April 2025\n---\nBody text.\n' });
    await expectRefusal(dir2, `${path.join(dir2, 'zz-date.md')}: "date" must look like 2025, 2025-04 or 2025-04-07, not "April 2025"`);
  });

  it('a missing corpus folder', async () => {
    const missing = path.join(root, 'no-such-folder');
    await expectRefusal(missing, `${missing}: corpus folder does not exist; pass --corpus DIR or create it`);
  });

  it('an empty corpus folder (a README is not a document)', async () => {
    const dir = path.join(root, 'empty-folder');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'README.md'), '# Notes\n\nNothing here yet.\n');
    await expectRefusal(dir, `${dir}: holds no documents (.md, .markdown, .txt, .pdf, .docx, .html or .htm files); add at least one`);
  });

  it('two files that give the same document id', async () => {
    const dir = corpusWith('duplicate-ids', { 'AAA Valid.md': VALID });
    await expectRefusal(
      dir,
      `${path.join(dir, 'aaa-valid.md')}: has the same document id "aaa-valid" as ${path.join(dir, 'AAA Valid.md')}; rename one of them`,
    );
  });

  it('a document over 20 MB', async () => {
    const dir = corpusWith('huge');
    const huge = path.join(dir, 'zz-huge.md');
    writeFileSync(huge, '');
    truncateSync(huge, 20 * 1024 * 1024 + 1);
    await expectRefusal(dir, `${huge}: is 20.0 MB; documents over 20 MB are refused`);
  });

  it('a broken speakers.yaml', async () => {
    const dir = corpusWith('overrides', { 'speakers.yaml': 'speakers:\n  - aliases: [Someone]\n' });
    await expectRefusal(dir, `${path.join(dir, 'speakers.yaml')}: speakers[0] needs a "name"`);
  });

  // Tests usually run as root here, where chmod 000 does not stop reads: the unreadable file is then
  // a folder named like a document and a symbolic link to nothing, which fail when read the same way.
  it.runIf(!IS_ROOT)('an unreadable file (chmod 000)', async () => {
    const dir = corpusWith('unreadable', { 'zz-secret.md': VALID.replace('Harbour Notes', 'Secret Notes') });
    chmodSync(path.join(dir, 'zz-secret.md'), 0o000);
    await expectRefusal(dir, `${path.join(dir, 'zz-secret.md')}: cannot be read: EACCES`);
  });

  it('an unreadable file: a folder named like a document', async () => {
    const dir = corpusWith('folder-doc');
    mkdirSync(path.join(dir, 'zz-folder.md'));
    await expectRefusal(dir, `${path.join(dir, 'zz-folder.md')}: is not a regular file`);
  });

  it('an unreadable file: a symbolic link to nothing', async () => {
    const dir = corpusWith('dangling');
    symlinkSync(path.join(root, 'nowhere', 'gone.md'), path.join(dir, 'zz-dangling.md'));
    await expectRefusal(dir, `${path.join(dir, 'zz-dangling.md')}: cannot be read: ENOENT`);
  });

  it('a usage error exits 2 with the usage line', async () => {
    const run = await ingest(['--corpus', corpusWith('valid'), '--db', db, '--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ingest failed: unknown option --frobnicate');
    expect(run.stderr).toContain('usage: npm run ingest');
    expect(readFileSync(db).equals(original)).toBe(true);
  });
});

describe('interrupted and concurrent ingests', () => {
  it('a lock held by a live process makes a second ingest refuse, leaving lock and index alone', async () => {
    writeFileSync(`${db}.lock`, String(process.pid));
    try {
      const run = await ingest(['--corpus', corpusWith('valid'), '--db', db]);
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n')[0]).toBe(`ingest failed: another ingest (pid ${process.pid}) is writing ${db}; wait for it to finish`);
      expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
      expect(readFileSync(db).equals(original)).toBe(true);
    } finally {
      rmSync(`${db}.lock`, { force: true });
    }
  });

  it('the leftovers of a killed ingest (a temporary file and a stale lock) are cleaned by the next ingest', async () => {
    const dir = path.join(root, 'killed');
    mkdirSync(dir);
    const target = path.join(dir, 'corpus.db');
    copyFileSync(db, target);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const tmp = `corpus.db.tmp-${dead}-1700000000000`;
    writeFileSync(path.join(dir, tmp), 'SQLite format 3\u0000 half-written');
    writeFileSync(`${target}.lock`, String(dead));
    const run = await ingest(['--corpus', corpusWith('valid'), '--db', target]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`removed leftovers of an interrupted ingest: (${escape(tmp)}, corpus\\.db\\.lock|corpus\\.db\\.lock, ${escape(tmp)})`),
    );
    expect(readdirSync(dir)).toEqual(['corpus.db']);
    expect(existsSync(`${target}.lock`)).toBe(false);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
