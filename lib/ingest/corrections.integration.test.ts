// corrections.yaml end to end: ingest applies it, the index shows the corrected speaker with its evidence, the
// correction survives a re-ingest of an edited document, and one whose quote is gone is reported, not lost silently.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdown } from '../corpus/fixtures/synthetic';
import { IndexReader } from '../db/index-reader';
import { toQuoteRecord } from '../records';
import { fakeEmbedder } from './fixtures/fake-embedder';
import { ingestCorpus } from './ingest';

process.env.EMBED_WORKERS = '0';

const REPORT = `Harbour Report

1. The Coast

The northern coast has seen rising tension, and the navy has expanded patrols along the fjords.¹ As Henrik Aaltonen explains:

Patrols alone cannot deter a determined adversary. What matters is that allies are present and visible in our waters.²

As one European commentator summarized, “The long-held notion that the coast is safe is no longer accurate in any sense.”

A harbour master in the north put it more bluntly, “a harbour policy for every season and every coast of the country is what we were promised.”

¹ Fleet Review 2022.

² Interview with Henrik Aaltonen, Professor of Maritime Strategy at the University of Bergenholm. Transcribed on 4 May 2023.
`;

const CORRECTIONS = `corrections:
  - document: harbour-report
    quote: The long-held notion that
    speaker: Lena Falk
  - document: harbour-report
    quote: a harbour policy for every season
    notQuote: true
`;

let root: string;
let corpus: string;
let dbPath: string;

function write(report: string, corrections = CORRECTIONS) {
  writeFileSync(path.join(corpus, 'harbour-report.md'), markdown(report, { title: 'Harbour Report', authors: ['Anna Lind'] }));
  writeFileSync(path.join(corpus, 'corrections.yaml'), corrections);
}

function quotes() {
  const reader = IndexReader.open(dbPath);
  try {
    return reader.quotes({ documentId: 'harbour-report', includeUnattributed: true }).map((c) => ({ ...toQuoteRecord(reader, c), leadIn: c.leadIn }));
  } finally {
    reader.close();
  }
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'corrections-'));
  corpus = path.join(root, 'corpus');
  dbPath = path.join(root, 'corpus.db');
  rmSync(corpus, { recursive: true, force: true });
  mkdirSync(corpus, { recursive: true });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('corrections.yaml through ingest', () => {
  it('keeps an unattributed quote searchable, and the report lists it with its lead-in', async () => {
    write(REPORT, 'corrections:\n');
    const summary = await ingestCorpus({ corpusDir: corpus, dbPath, embedder: fakeEmbedder() });
    const q = quotes().find((x) => x.text.startsWith('The long-held'))!;
    expect(q).toMatchObject({ kind: 'quote', speaker: null, attribution: null, leadIn: 'As one European commentator summarized,' });
    const report = summary.reports[0];
    expect(report.unattributed.map((u) => u.text.slice(0, 13))).toEqual(['The long-held', 'a harbour pol']);
    expect(report.byMethod).toMatchObject({ note: 1, override: 0 });
    expect(report.bySpeaker).toEqual([{ speakerId: 'henrik-aaltonen', name: 'Henrik Aaltonen', count: 1 }]);
    // exports of attributed quotes leave it out
    const reader = IndexReader.open(dbPath);
    try {
      expect(reader.quotes().map((c) => c.text.slice(0, 7))).toEqual(['Patrols']);
    } finally {
      reader.close();
    }
  });

  it('applies the corrections, and they survive a re-ingest of the document edited elsewhere', async () => {
    write(REPORT);
    let summary = await ingestCorpus({ corpusDir: corpus, dbPath, embedder: fakeEmbedder() });
    const check = () => {
      const all = quotes();
      const fixed = all.find((x) => x.text.startsWith('The long-held'))!;
      expect(fixed.speaker?.name).toBe('Lena Falk');
      expect(fixed.attribution).toEqual({ method: 'override', evidence: 'corrections.yaml: speaker Lena Falk (line 2)' });
      expect(all.some((x) => x.text.startsWith('a harbour policy'))).toBe(false);
      expect(summary.reports[0].corrections).toEqual({ applied: 2, unmatched: [] });
      expect(summary.reports[0].byMethod.override).toBe(1);
    };
    check();
    const edited = REPORT.replace(
      '1. The Coast\n',
      '1. The Coast\n\nA paragraph added in a later version of the report, about the weather at sea and the ferries.\n',
    );
    write(edited);
    summary = await ingestCorpus({ corpusDir: corpus, dbPath, embedder: fakeEmbedder() });
    check();
  });

  it('reports a correction whose quote is gone, and keeps the rest of the index right', async () => {
    write(REPORT.replace('The long-held notion that the coast', 'The old belief that the coast'));
    const summary = await ingestCorpus({ corpusDir: corpus, dbPath, embedder: fakeEmbedder() });
    expect(summary.reports[0].corrections.applied).toBe(1);
    expect(summary.reports[0].corrections.unmatched).toEqual([
      { quoteStart: 'The long-held notion that', reason: expect.stringMatching(/no quote in the document starts with these words/) },
    ]);
    expect(summary.warnings.some((w) => w.includes('corrections.yaml:2: correction for harbour-report no longer matches'))).toBe(true);
    expect(quotes().find((x) => x.text.startsWith('The old belief'))!.speaker).toBeNull();
  });

  it('refuses a broken corrections.yaml with its file and line, leaving the index as it was', async () => {
    write(REPORT, 'corrections:\n  - document: harbour-report\n    quote: The long-held notion\n');
    await expect(ingestCorpus({ corpusDir: corpus, dbPath, embedder: fakeEmbedder() })).rejects.toThrow(
      /corrections\.yaml:2: corrections\[0\] needs "speaker: NAME"/,
    );
    expect(quotes().find((x) => x.text.startsWith('The old belief'))).toBeDefined();
  });
});
