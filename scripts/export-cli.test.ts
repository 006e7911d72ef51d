// `npm run export` against a small hand-made index: quotes in document order with speaker, note and
// interview date; filters; clear errors for a missing index and an unknown speaker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runScript, type ScriptRun } from '../lib/cli/run-script';
import { writeIndexAtomically } from '../lib/db/write-index';
import { sampleContent } from '../lib/ingest/fixtures/index-content';
import type { QuoteRecord } from '../lib/types';

vi.setConfig({ testTimeout: 120_000 });

function exportCli(args: string[]): Promise<ScriptRun> {
  return runScript('export.ts', args);
}

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'export-cli-'));
  db = path.join(dir, 'corpus.db');
  writeIndexAtomically(db, sampleContent());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('npm run export', () => {
  it('prints every attributed quote as JSON, in document order, with speaker, note and interview date', async () => {
    const r = await exportCli(['--format', 'json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const quotes = JSON.parse(r.stdout) as QuoteRecord[];
    expect(quotes.map((q) => ({ id: q.id, kind: q.kind, speaker: q.speaker, date: q.interviewDate, footnote: q.footnote, href: q.href }))).toEqual([
      {
        id: 'q-roads',
        kind: 'interview',
        speaker: { id: 'henrik-aaltonen', name: 'Henrik Aaltonen', affiliation: 'University of Bergenholm' },
        date: '2023-05-04',
        footnote: { number: 1, text: 'Interview with Henrik Aaltonen. Transcribed on 4 May 2023.' },
        href: '/documents/harbour-report#p2',
      },
      {
        id: 'q-sanctions',
        kind: 'quote',
        speaker: { id: 'mca-official', name: 'MCA official', affiliation: 'Ministry of Coastal Affairs (MCA)' },
        date: null,
        footnote: null,
        href: '/documents/harbour-report#p3',
      },
    ]);
    expect(quotes[0].document).toEqual({ id: 'harbour-report', title: 'Harbour Report', authors: ['Anna Lind'], date: '2024-05' });
    expect(quotes[0].section).toBe('1. The Coast');
    for (const q of quotes) for (const style of ['chicago', 'apa', 'mla'] as const) expect(q.citation[style]).toContain('Harbour Report');
  });

  it('filters by speaker', async () => {
    const r = await exportCli(['--format', 'json', '--speaker', 'mca-official', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as QuoteRecord[]).map((q) => q.id)).toEqual(['q-sanctions']);
  });

  it('refuses an unknown speaker with exit 2 and the usage line', async () => {
    const r = await exportCli(['--format', 'json', '--speaker', 'nobody', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export failed: unknown speaker id "nobody"');
    expect(r.stdout).toBe('');
  });

  it('names the missing index and how to build it', async () => {
    const missing = path.join(dir, 'none', 'corpus.db');
    const r = await exportCli(['--format', 'json', '--db', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`export failed: No index at ${missing}. Build it with: npm run ingest -- --db ${missing}`);
  });
});
