// Integration: the bundled corpus ingested with the bundled model (use-lite), checked against figures
// established by reading the documents (lib/ingest/fixtures/report-interviews.ts), then exported
// through the CLI. A second ingest of the same corpus, through the CLI, must give the same index.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScript } from '../cli/run-script';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexReader } from '../db/index-reader';
import { openDatabase } from '../db/open';
import { loadEmbedder, type Embedder } from '../embed';
import type { QuoteRecord } from '../types';
import { INTERVIEWS_PER_SPEAKER, REPORT_ID, REPORT_INTERVIEWS } from './fixtures/report-interviews';
import { ingestCorpus, type IngestSummary } from './ingest';

const CORPUS = path.join(process.cwd(), 'corpus');
const WEB_ID = 'leidenasiacentre-2025-japans-shift-toward-nato-and-europe';
const MARRIAGE_ID = 'japan-and-europe-a-marriage-of-convenience-matures';
const SEVEN = Object.keys(INTERVIEWS_PER_SPEAKER);

const run = runScript;

let root: string;
let dbA: string; // ingested in this process
let dbB: string; // ingested again through the CLI
let embedder: Embedder;
let summary: IngestSummary;
let cli: Awaited<ReturnType<typeof run>>;
let exportA: QuoteRecord[];
let exportB: QuoteRecord[];
let reader: IndexReader;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'bundled-corpus-'));
  dbA = path.join(root, 'a', 'corpus.db');
  dbB = path.join(root, 'b', 'corpus.db');
  // the CLI ingest embeds with the default extra embedding processes; this one embeds in-process only
  const cliEnv = { ...process.env };
  delete cliEnv.EMBED_WORKERS;
  delete cliEnv.EMBED_MODEL;
  const second = run('ingest.ts', ['--corpus', CORPUS, '--db', dbB], cliEnv);
  process.env.EMBED_WORKERS = '0';
  embedder = await loadEmbedder('use-lite');
  summary = await ingestCorpus({ corpusDir: CORPUS, dbPath: dbA, embedder });
  cli = await second;
  const exportJson = async (db: string) => {
    const r = await run('export.ts', ['--format', 'json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as QuoteRecord[];
  };
  [exportA, exportB] = await Promise.all([exportJson(dbA), exportJson(dbB)]);
  reader = IndexReader.open(dbA);
}, 300_000);

afterAll(async () => {
  reader?.close();
  await embedder?.dispose?.();
  rmSync(root, { recursive: true, force: true });
});

const reportInterviews = () => exportA.filter((q) => q.document.id === REPORT_ID && q.kind === 'interview');

describe('the report’s interview quotes in the export', () => {
  it('lists all 34, in document order, each with speaker, note, interview date and whole text', () => {
    expect(reportInterviews().map((q) => ({ speaker: q.speaker?.id, footnote: q.footnote?.number ?? null, date: q.interviewDate, text: q.text }))).toEqual(
      REPORT_INTERVIEWS.map(({ speaker, footnote, date, text }) => ({ speaker, footnote, date, text })),
    );
  });

  it('carries the interview note, section, link and citation with each quote', () => {
    for (const q of reportInterviews()) {
      if (q.footnote) expect(q.footnote.text).toMatch(/^Interview (with )?.*Transcribed on \d{1,2} December 2024\./);
      expect(q.section).toMatch(/^\d\. /);
      expect(q.href).toMatch(new RegExp(`^/documents/${REPORT_ID}#p\\d+$`));
      expect(q.document).toEqual({
        id: REPORT_ID,
        title: "Shaping a New Alliance: Japan's Defense Evolution and Strategic Shift towards NATO and Europe",
        authors: ['Anoma P. van der Veere'],
        date: '2025-04',
      });
      expect(q.citation.chicago).toContain('Shaping a New Alliance');
    }
    const kiba = reportInterviews().find((q) => q.footnote?.number === 132)!;
    expect(kiba.section).toBe('5. The Taiwan Scenario: A Case for Extended Cooperation with Europe');
    expect(kiba.footnote).toEqual({ number: 132, text: 'Interview with Saya Kiba. Transcribed on 3 December 2024.' });
  });

  it('counts the quotes per speaker and attributes nothing else to the seven interviewees', () => {
    const counts: Record<string, number> = {};
    for (const q of reportInterviews()) counts[q.speaker!.id] = (counts[q.speaker!.id] ?? 0) + 1;
    expect(counts).toEqual(INTERVIEWS_PER_SPEAKER);
    expect(exportA.filter((q) => q.speaker && SEVEN.includes(q.speaker.id))).toHaveLength(34);
    expect(summary.quotesPerSpeaker.filter((s) => SEVEN.includes(s.id)).map((s) => [s.id, s.interview, s.quote])).toEqual(
      Object.entries(INTERVIEWS_PER_SPEAKER).map(([id, n]) => [id, n, 0]),
    );
  });

  it('gives each interviewee the affiliation of the fullest note, and merges the misspelt name', () => {
    const affiliation = Object.fromEntries(reportInterviews().map((q) => [q.speaker!.id, q.speaker!.affiliation]));
    expect(affiliation).toEqual({
      'takuya-matsuda': 'Aoyama-Gakuin University',
      'tsuyoshi-goroku': 'Nishogakusha University',
      'mfa-official': 'Ministry of Foreign Affairs (MFA), Japan',
      'ken-jimbo': 'Keio University',
      'yoichiro-sato': 'Ritsumeikan Asia Pacific University',
      'kei-koga': 'Nanyang Technological University (NTU)',
      'saya-kiba': 'Kobe City University of Foreign Studies',
    });
    expect(reader.speaker('tsuyoshi-goroku')).toMatchObject({ name: 'Tsuyoshi Goroku', aliases: ['Tusyoshi Goroku'], interviewDates: ['2024-12-03'] });
    expect(reader.speakers().some((s) => /Tusyoshi/.test(s.name))).toBe(false);
    expect(
      reportInterviews()
        .filter((q) => q.footnote?.text?.includes('Tusyoshi'))
        .map((q) => [q.footnote!.number, q.speaker!.id]),
    ).toEqual([
      [41, 'tsuyoshi-goroku'],
      [84, 'tsuyoshi-goroku'],
    ]);
    expect(reader.speaker('mfa-official')).toMatchObject({ anonymous: true, interviewDates: ['2024-12-18'] });
  });
});

describe('the other documents', () => {
  it('attributes the Marriage article’s inline quotations, kind quote, without interview dates', () => {
    const marriage = exportA.filter((q) => q.document.id === MARRIAGE_ID);
    expect(marriage.every((q) => q.kind === 'quote' && q.interviewDate === null)).toBe(true);
    expect(marriage.filter((q) => q.speaker?.id === 'ishii-masafumi').map((q) => [q.footnote, q.text.split(' ').slice(0, 4).join(' ')])).toEqual([
      [{ number: 38, text: null }, 'The first thing we'],
      [null, 'the Strategic Concept acknowledges'],
      [null, 'create the possibility for'],
      [null, 'We know Germany won’t'],
      [null, 'they don’t have to'],
    ]);
    expect(marriage.map((q) => q.speaker?.name)).toEqual(expect.arrayContaining(['Tsuruoka Michito', 'Nishihara Masashi', 'Hayashi Yoshimasa']));
  });

  it('links the web article’s chunks that repeat the report’s foreword to the foreword', () => {
    const web = reader.db.prepare('SELECT id, text, dup_of FROM chunks WHERE document_id = ? ORDER BY ordinal').all(WEB_ID) as {
      id: string;
      text: string;
      dup_of: string | null;
    }[];
    const linked = web.filter((c) => c.dup_of);
    expect(linked.length).toBeGreaterThanOrEqual(3);
    for (const c of linked) {
      const target = reader.chunkById(c.dup_of!)!;
      expect(target.documentId).toBe(REPORT_ID);
      expect(target.sectionHeading).toBe("Foreword: Japan's Shift toward NATO and Europe");
      expect(reader.copiesOf(target.id).map((x) => x.id)).toContain(c.id);
    }
    for (const passage of [
      'While Japan remains strongly committed',
      "As Russia's largest trading partner",
      'I observed a strong interest among Japanese experts',
    ])
      expect(
        linked.some((c) => c.text.includes(passage)),
        passage,
      ).toBe(true);
    expect(web.find((c) => c.text.startsWith('Originally published as foreword'))!.dup_of).toBeNull();
    expect(reader.db.prepare('SELECT count(*) AS n FROM chunks WHERE document_id = ? AND dup_of IS NOT NULL').get(REPORT_ID)).toEqual({ n: 0 });
  });
});

describe('the index', () => {
  it('records the embedder and its dimension', () => {
    expect(reader.summary()).toMatchObject({ embedder: 'use-lite', dimension: 512, documents: 4 });
    expect(summary.embedder).toBe('use-lite');
  });

  it('passes the integrity checks, with one row per chunk in chunks, fts_chunks and vec_chunks', () => {
    const db = openDatabase(dbA, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
      expect([n('fts_chunks'), n('vec_chunks')]).toEqual([n('chunks'), n('chunks')]);
      expect(n('chunks')).toBe(summary.chunks);
      for (const row of db.prepare('SELECT embedding FROM vec_chunks').iterate() as IterableIterator<{ embedding: Buffer }>) {
        const v = new Float32Array(row.embedding.buffer, row.embedding.byteOffset, row.embedding.byteLength / 4);
        expect(v.length).toBe(512);
        expect(Math.abs(Math.hypot(...v) - 1)).toBeLessThan(1e-3);
      }
    } finally {
      db.close();
    }
    expect(readdirSync(path.dirname(dbA))).toEqual(['corpus.db']);
  });

  it('finds a quote as the nearest chunk to its own embedding (vectors stored with the right chunks)', async () => {
    for (const fn of [8, 66, 132, 142]) {
      const q = reportInterviews().find((x) => x.footnote?.number === fn)!;
      const [v] = await embedder.embed([`${q.speaker!.name}: ${q.text}`], 'passage');
      const [top] = reader.vectorSearch(v, 3);
      expect(reader.chunksByRowid([top.rowid])[0].id).toBe(q.id);
      expect(top.score).toBeGreaterThan(0.999);
    }
  });
});

describe('a second ingest of the same corpus (through the CLI)', () => {
  it('succeeds and prints the summary with the quotes per speaker', () => {
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^Indexed 4 documents from /);
    expect(cli.stdout).toMatch(/Tsuyoshi Goroku +7 interview +0 quoted/);
    expect(cli.stdout).toMatch(/Saya Kiba +3 interview +0 quoted/);
    expect(cli.stdout).toMatch(new RegExp(`${summary.quotes} quotes, ${summary.chunks} chunks, model use-lite, \\d+\\.\\d s`));
  });

  it('gives identical ids and content: the same export, chunks, speakers and paragraphs', () => {
    expect(exportB).toEqual(exportA);
    const dump = (file: string) => {
      const db = openDatabase(file, { readonly: true });
      try {
        return {
          chunks: db
            .prepare(
              'SELECT rowid, id, document_id, kind, speaker_id, section_idx, anchors_json, text, ordinal, word_count, method, footnote_number, interview_date, dup_of FROM chunks ORDER BY rowid',
            )
            .all(),
          speakers: db.prepare('SELECT * FROM speakers ORDER BY id').all(),
          paragraphs: db.prepare('SELECT * FROM paragraphs ORDER BY document_id, ordinal').all(),
          footnotes: db.prepare('SELECT * FROM footnotes ORDER BY document_id, number').all(),
          meta: db.prepare("SELECT key, value FROM meta WHERE key != 'built_at' ORDER BY key").all(),
        };
      } finally {
        db.close();
      }
    };
    const a = dump(dbA);
    const b = dump(dbB);
    expect(a.chunks.length).toBe(summary.chunks);
    expect(b).toEqual(a);
  });

  it('gives byte-identical vectors, though its embedding ran in extra processes', () => {
    const vectors = (file: string) => {
      const db = openDatabase(file, { readonly: true });
      try {
        return (db.prepare('SELECT chunk_rowid AS rowid, embedding FROM vec_chunks ORDER BY chunk_rowid').all() as { rowid: number; embedding: Buffer }[]).map(
          (r) => [Number(r.rowid), r.embedding.toString('base64')],
        );
      } finally {
        db.close();
      }
    };
    const a = vectors(dbA);
    expect(a).toHaveLength(summary.chunks);
    expect(vectors(dbB)).toEqual(a);
  });
});
