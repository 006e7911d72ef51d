// Ingest end to end on small invented corpora, with a fake embedder (the model is irrelevant here):
// what reaches the index, overrides, and that every failure leaves the previous index as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markdown } from '../corpus/fixtures/synthetic';
import { CorpusError } from '../corpus/read-source';
import { IndexReader } from '../db/index-reader';
import { IndexWriteError } from '../db/write-index';
import { toQuoteRecord } from '../records';
import { fakeEmbedder } from './fixtures/fake-embedder';
import { distinctTexts, ingestCorpus } from './ingest';

// the fake model cannot be loaded by id in extra embedding processes
process.env.EMBED_WORKERS = '0';

const REPORT = `Harbour Report

1. The Coast

The northern coast has seen rising tension over the last decade, and the navy has expanded patrols along the fjords and straits.¹ As Henrik Aaltonen explains:

Patrols alone cannot deter a determined adversary. What matters is that allies are present and visible in our waters.²

The ministry has been cautious about publicising its plans, as one MCA official points out:

We do not announce deployments in advance. That is simply prudent, and our partners understand it.³

Aaltonen: The burden must be shared more evenly, or the alliance will fray at its edges over time.⁴

¹ Fleet Review 2022.

² Interview with Henrik Aaltonen, Professor of Maritime Strategy at the University of Bergenholm. Transcribed on 4 May 2023.

³ Interview with an official of the Ministry of Coastal Affairs (MCA). Transcribed on 7 May 2023.

⁴ Interview with Hernik Aaltonen. Transcribed on 4 May 2023.
`;

// numbered markers, but the endnotes are missing
const ARTICLE = `Harbour Article

Relations between the two coastal states warmed slowly during the nineteen-nineties and into the new century.1

Karl Brandt explained, “The harbour agreement was the first step toward a real partnership between our navies.”2 The reaction in the capital was mixed.

Bob Lindqvist recalled that “the agreement was signed in a fishing hut because the ministry had no room free.”3

Robert Lindqvist argued that “the northern fleet is stretched far thinner than the ministry admits in public.”4
`;

let root: string;
let corpus: string;
let dbPath: string;
let original: Buffer;

function writeCorpus(dir: string, files: Record<string, string>) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}
const validFiles = () => ({
  'harbour-report.md': markdown(REPORT, { title: 'Harbour Report', authors: ['Anna Lind'] }),
  'harbour-article.md': markdown(ARTICLE, { title: 'Harbour Article', authors: [] }),
});
const dbDirEntries = () => readdirSync(path.dirname(dbPath)).sort();
function expectOldIndexIntact() {
  expect(readFileSync(dbPath).equals(original)).toBe(true);
  expect(dbDirEntries()).toEqual(['corpus.db']);
}

let summary: Awaited<ReturnType<typeof ingestCorpus>>;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'ingest-'));
  corpus = path.join(root, 'corpus');
  dbPath = path.join(root, 'data', 'corpus.db');
  writeCorpus(corpus, validFiles());
  summary = await ingestCorpus({ corpusDir: corpus, dbPath, embedder: fakeEmbedder() });
  original = readFileSync(dbPath);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a successful ingest', () => {
  it('summarises documents, quotes per speaker, chunks and the model', () => {
    expect(summary.documents.map((d) => [d.id, d.quotes])).toEqual([
      ['harbour-article', 3],
      ['harbour-report', 3],
    ]);
    expect(summary.quotesPerSpeaker.map((s) => [s.id, s.interview, s.quote])).toEqual([
      ['henrik-aaltonen', 2, 0],
      ['bob-lindqvist', 0, 1],
      ['karl-brandt', 0, 1],
      ['mca-official', 1, 0],
      ['robert-lindqvist', 0, 1],
    ]);
    expect(summary.embedder).toBe('fake-hash-8');
    expect(summary.chunks).toBeGreaterThan(summary.quotes);
    // every chunk's vector was embedded or reused from a chunk of the same text
    expect(summary.embedding!.computed + summary.embedding!.reused).toBe(summary.chunks);
    expect(summary.warnings).toEqual([]);
    expect(dbDirEntries()).toEqual(['corpus.db']);
  });

  it('records the embedder and its dimension in the index', () => {
    const reader = IndexReader.open(dbPath);
    try {
      expect(reader.summary()).toMatchObject({ embedder: 'fake-hash-8', dimension: 8, documents: 2, quotes: 6 });
    } finally {
      reader.close();
    }
  });

  it('ingests a document whose footnote definitions are missing, with its quotes attributed by the names in the text', () => {
    const reader = IndexReader.open(dbPath);
    try {
      const records = reader.quotes({ documentId: 'harbour-article' }).map((c) => toQuoteRecord(reader, c));
      expect(records.map((r) => [r.kind, r.speaker?.name, r.footnote, r.interviewDate])).toEqual([
        ['quote', 'Karl Brandt', { number: 2, text: null }, null],
        ['quote', 'Bob Lindqvist', { number: 3, text: null }, null],
        ['quote', 'Robert Lindqvist', { number: 4, text: null }, null],
      ]);
      expect(records[0].text).toBe('The harbour agreement was the first step toward a real partnership between our navies.');
      expect(records[0].href).toBe('/documents/harbour-article#p3'); // p1 is the title line
    } finally {
      reader.close();
    }
  });

  it('stores the interview quotes with the note text, the merged spelling and the date', () => {
    const reader = IndexReader.open(dbPath);
    try {
      const records = reader.quotes({ documentId: 'harbour-report' }).map((c) => toQuoteRecord(reader, c));
      expect(records.map((r) => [r.speaker?.id, r.footnote?.number, r.interviewDate])).toEqual([
        ['henrik-aaltonen', 2, '2023-05-04'],
        ['mca-official', 3, '2023-05-07'],
        ['henrik-aaltonen', 4, '2023-05-04'],
      ]);
      expect(records[2].footnote?.text).toBe('Interview with Hernik Aaltonen. Transcribed on 4 May 2023.');
      expect(reader.speaker('henrik-aaltonen')).toMatchObject({
        name: 'Henrik Aaltonen',
        aliases: ['Hernik Aaltonen'],
        affiliation: 'University of Bergenholm',
      });
    } finally {
      reader.close();
    }
  });
});

describe('distinctTexts', () => {
  it('lists each text once with every position that holds it, so identical passages are embedded once', () => {
    expect(distinctTexts(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual({ distinct: ['a', 'b', 'c'], positions: [[0, 2, 5], [1, 4], [3]] });
  });
});

describe('what counts as a document', () => {
  it('reads Markdown and plain text with a sidecar, and skips READMEs, sidecars and hidden files', async () => {
    const dir = path.join(root, 'kinds');
    writeCorpus(dir, {
      'README.md': '# About this corpus\n',
      '.draft.md': markdown('A hidden draft that is not part of the corpus at all, whatever it says.'),
      'winter-notes.txt': 'Winter Notes\n\nThe harbours of the north freeze in January, and the fleet moves south until the ice breaks in spring.\n',
      'winter-notes.meta.yaml': 'title: Winter Notes\nauthors: [Karl Brandt]\ndate: 2023-01\nkind: note\n',
      'harbour-report.md': markdown(REPORT, { title: 'Harbour Report' }),
    });
    const db = path.join(root, 'kinds-db', 'corpus.db');
    const s = await ingestCorpus({ corpusDir: dir, dbPath: db, embedder: fakeEmbedder() });
    expect(s.documents.map((d) => [d.id, d.title])).toEqual([
      ['harbour-report', 'Harbour Report'],
      ['winter-notes', 'Winter Notes'],
    ]);
    const reader = IndexReader.open(db);
    try {
      expect(reader.document('winter-notes')).toMatchObject({ authors: ['Karl Brandt'], date: '2023-01', kind: 'note' });
    } finally {
      reader.close();
    }
  });

  it('refuses a corpus path that is a file, not a folder', async () => {
    const file = path.join(root, 'not-a-folder.md');
    writeFileSync(file, markdown('Some text.'));
    await expect(ingestCorpus({ corpusDir: file, dbPath, embedder: fakeEmbedder() })).rejects.toThrow(`${file}: is not a folder`);
    expectOldIndexIntact();
  });
});

describe('corpus/speakers.yaml', () => {
  it('merges the aliases it lists and replaces the affiliation', async () => {
    const dir = path.join(root, 'with-overrides');
    writeCorpus(dir, {
      ...validFiles(),
      'speakers.yaml': 'speakers:\n  - name: Robert Lindqvist\n    aliases: [Bob Lindqvist]\n    affiliation: Harbour Policy Centre\n',
    });
    const db = path.join(root, 'overrides', 'corpus.db');
    const s = await ingestCorpus({ corpusDir: dir, dbPath: db, embedder: fakeEmbedder() });
    expect(s.quotesPerSpeaker.find((x) => x.id === 'robert-lindqvist')).toMatchObject({ quote: 2 });
    expect(s.quotesPerSpeaker.some((x) => x.id === 'bob-lindqvist')).toBe(false);
    const reader = IndexReader.open(db);
    try {
      expect(reader.speaker('robert-lindqvist')).toMatchObject({ affiliation: 'Harbour Policy Centre', aliases: ['Bob Lindqvist'] });
    } finally {
      reader.close();
    }
  });
});

describe('failures leave the previous index as it was', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(root, 'failing');
    writeCorpus(dir, validFiles());
  });

  it('an embedder that fails mid-way', async () => {
    const embedder = fakeEmbedder({
      onBatch: (_texts, n) => {
        if (n === 1) throw new Error('model crashed');
      },
    });
    // enough chunks for several batches: one per section
    writeFileSync(
      path.join(dir, 'more.md'),
      markdown(
        Array.from(
          { length: 40 },
          (_, i) =>
            `${i + 1}. Section ${i + 1}\n\nParagraph ${i} on the fleet and the harbours of the northern coast, which the ministry has neglected for years.`,
        ).join('\n\n'),
      ),
    );
    await expect(ingestCorpus({ corpusDir: dir, dbPath, embedder })).rejects.toThrow('model crashed');
    expect(embedder.calls).toBe(1);
    expectOldIndexIntact();
  });

  it('an embedder that returns non-finite vectors', async () => {
    const embedder = fakeEmbedder({ vectorFor: (t, v) => (t.includes('Patrols alone') ? v.map(() => Number.NaN) : v) });
    await expect(ingestCorpus({ corpusDir: dir, dbPath, embedder })).rejects.toThrow(IndexWriteError);
    expectOldIndexIntact();
  });

  it('a document over the 20 MB limit, named with its size', async () => {
    const big = path.join(dir, 'huge.md');
    writeFileSync(big, '');
    truncateSync(big, 21 * 1024 * 1024);
    const err = await ingestCorpus({ corpusDir: dir, dbPath, embedder: fakeEmbedder() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    expect((err as Error).message).toBe(`${big}: is 21.0 MB; documents over 20 MB are refused`);
    expectOldIndexIntact();
  });

  it('a 10 MB document with one byte that is not UTF-8 near its end: named with the line, quickly', async () => {
    const line = 'The minister said “we will not wait” and the fleet sailed north — Søren Ærø agreed.\n';
    const lines = Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(line));
    const file = path.join(dir, 'zz-large.md');
    writeFileSync(file, Buffer.concat([Buffer.from(`---\ntitle: Large\n---\n${line.repeat(lines)}`), Buffer.from([0xff]), Buffer.from(' end\n')]));
    const started = performance.now();
    await expect(ingestCorpus({ corpusDir: dir, dbPath, embedder: fakeEmbedder() })).rejects.toThrow(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${lines + 4}: is not valid UTF-8 \\(byte 0xff at offset \\d+\\)`),
    );
    expect(performance.now() - started).toBeLessThan(20_000);
    expectOldIndexIntact();
  });

  it('a broken speakers.yaml, named', async () => {
    writeFileSync(path.join(dir, 'speakers.yaml'), 'speakers:\n  - name: [unclosed\n');
    await expect(ingestCorpus({ corpusDir: dir, dbPath, embedder: fakeEmbedder() })).rejects.toThrow(
      new RegExp(`^${path.join(dir, 'speakers.yaml').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: is not valid YAML`),
    );
    writeFileSync(path.join(dir, 'speakers.yaml'), 'people: []\n');
    await expect(ingestCorpus({ corpusDir: dir, dbPath, embedder: fakeEmbedder() })).rejects.toThrow(/speakers\.yaml: must have a "speakers:" list/);
    expectOldIndexIntact();
  });

  it('a lock held by a live ingest: refused with a clear message, the lock left in place', async () => {
    const lock = `${dbPath}.lock`;
    writeFileSync(lock, String(process.pid));
    try {
      await expect(ingestCorpus({ corpusDir: dir, dbPath, embedder: fakeEmbedder() })).rejects.toThrow(
        `another ingest (pid ${process.pid}) is writing ${dbPath}; wait for it to finish`,
      );
      expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
      expect(readFileSync(dbPath).equals(original)).toBe(true);
    } finally {
      rmSync(lock, { force: true });
    }
    expectOldIndexIntact();
  });
});

describe('leftovers of a killed ingest', () => {
  it('are removed by the next ingest, which reports them', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const db = path.join(root, 'leftovers', 'corpus.db');
    mkdirSync(path.dirname(db), { recursive: true });
    const tmp = `corpus.db.tmp-${dead}-1700000000000`;
    writeFileSync(path.join(path.dirname(db), tmp), 'half-written index');
    writeFileSync(`${db}.lock`, String(dead));
    const s = await ingestCorpus({ corpusDir: corpus, dbPath: db, embedder: fakeEmbedder() });
    expect(s.cleaned.sort()).toEqual([tmp, 'corpus.db.lock'].sort());
    expect(readdirSync(path.dirname(db))).toEqual(['corpus.db']);
    expect(existsSync(db)).toBe(true);
  });
});
