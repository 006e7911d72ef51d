import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import type { IndexReader, StoredChunk } from '../../db/index-reader';
import type { EmbedMode, Embedder } from '../../embed/embedder';
import type { ChunkKind } from '../../types';
import { kindsFor, rankChunks, type RetrievalMethod } from '../search';
import { meanOf, ndcgAtK, reciprocalRank, recallAtK } from './metrics';

// Retrieval quality on the judged queries: BM25, vectors, the hybrid and MiniSearch over the same chunks.

export type QueryType = 'keyword' | 'paraphrase' | 'name';
export const QUERY_TYPES: QueryType[] = ['keyword', 'paraphrase', 'name'];

export interface Judgement {
  document: string;
  textIncludes: string;
  speaker: string;
  grade: number;
}

export interface JudgedQuery {
  id: string;
  query: string;
  type: QueryType;
  relevant: Judgement[];
}

export interface JudgedSet {
  version: number;
  queries: JudgedQuery[];
}

export type EvalMethod = 'bm25' | 'vector' | 'hybrid' | 'minisearch';
export const EVAL_METHODS: EvalMethod[] = ['bm25', 'vector', 'hybrid', 'minisearch'];
export const METHOD_LABELS: Record<EvalMethod, string> = {
  bm25: 'BM25 (FTS5)',
  vector: 'vectors (sqlite-vec)',
  hybrid: 'hybrid (RRF)',
  minisearch: 'MiniSearch BM25',
};
const RETRIEVAL: Record<Exclude<EvalMethod, 'minisearch'>, RetrievalMethod> = { bm25: 'keyword', vector: 'vector', hybrid: 'hybrid' };

export type EvalKind = 'quotes' | 'all';

/** Metrics are computed on this many results; recall is read at RECALL_K. */
export const DEPTH = 10;
export const RECALL_K = 5;
export const MIN_RECALL = 0.8;

export interface Metrics {
  recall5: number;
  mrr: number;
  ndcg10: number;
}

export interface QueryOutcome {
  id: string;
  query: string;
  type: QueryType;
  metrics: Metrics;
  /** Recall@5 this query can reach at best (more than 5 relevant passages caps it). */
  maxRecall5: number;
  /** 1-based rank (within DEPTH) of each counted judged passage, null when it was not retrieved. */
  ranks: (number | null)[];
}

export interface MethodReport {
  overall: Metrics;
  byType: Record<QueryType, Metrics & { queries: number }>;
  outcomes: QueryOutcome[];
}

export interface VariantReport {
  kind: EvalKind;
  queries: number;
  /** Judged passages no chunk of this kind filter holds (e.g. quotes the parser left inside analysis). */
  unreachable: { queryId: string; judgement: Judgement }[];
  /** Queries left out because none of their passages is reachable under this filter. */
  skipped: string[];
  methods: Record<EvalMethod, MethodReport>;
  /** The counted passages of each query, in the order of `QueryOutcome.ranks`. */
  counted: Map<string, Judgement[]>;
}

const SUPERSCRIPTS = /[¹²³⁴⁵⁶⁷⁸⁹⁰]/g;

/** The text form both sides are compared in: no italics asterisks or footnote superscripts, whitespace collapsed; case and apostrophes verbatim. */
export function normaliseForMatch(text: string): string {
  return text.replace(/\*/g, '').replace(SUPERSCRIPTS, '').replace(/\s+/g, ' ').trim();
}

export function loadJudgedSet(file: string | URL = new URL('./judged-queries.json', import.meta.url)): JudgedSet {
  return JSON.parse(readFileSync(file, 'utf8')) as JudgedSet;
}

/** Every chunk of the index, in rowid order. */
export function allChunks(reader: IndexReader): StoredChunk[] {
  const rowids = (reader.db.prepare('SELECT rowid FROM chunks ORDER BY rowid').all() as { rowid: number }[]).map((r) => Number(r.rowid));
  return reader.chunksByRowid(rowids);
}

/** Search collapses near-duplicates to one group, so results and judgements are matched per group. */
const groupOf = (c: StoredChunk): string => c.dupOf ?? c.id;

/** Embeds each query once, so the vector and hybrid runs share one embedding and the eval stays fast. */
export function memoEmbedder(inner: Embedder): Embedder {
  const cache = new Map<string, Float32Array>();
  return {
    id: inner.id,
    dimension: inner.dimension,
    async embed(texts: string[], mode: EmbedMode) {
      const missing = texts.filter((t) => !cache.has(`${mode}\0${t}`));
      if (missing.length) {
        const vectors = await inner.embed(missing, mode);
        missing.forEach((t, i) => cache.set(`${mode}\0${t}`, vectors[i]));
      }
      return texts.map((t) => cache.get(`${mode}\0${t}`)!);
    },
  };
}

/** MiniSearch over the same chunk texts, with the speaker, section and context fields our FTS table has, all options at their defaults. */
export function buildMiniSearch(
  reader: IndexReader,
  chunks: StoredChunk[],
): MiniSearch<{ id: number; text: string; speaker: string; section: string; context: string }> {
  const ms = new MiniSearch<{ id: number; text: string; speaker: string; section: string; context: string }>({
    fields: ['text', 'speaker', 'section', 'context'],
  });
  ms.addAll(
    chunks.map((c) => ({
      id: c.rowid,
      text: c.text,
      speaker: reader.speakerRef(c.speakerId)?.name ?? '',
      section: c.sectionHeading ?? '',
      context: c.context,
    })),
  );
  return ms;
}

function summarise(outcomes: QueryOutcome[]): Metrics {
  return {
    recall5: meanOf(outcomes.map((o) => o.metrics.recall5)),
    mrr: meanOf(outcomes.map((o) => o.metrics.mrr)),
    ndcg10: meanOf(outcomes.map((o) => o.metrics.ndcg10)),
  };
}

/** Grades a ranked list of groups: a judged passage counts once, at its first (highest) rank. */
export function gradeRanking(
  ranking: string[],
  judgements: Judgement[],
  groupsOf: (j: Judgement) => Set<string>,
): { grades: number[]; ranks: (number | null)[] } {
  const ranks: (number | null)[] = judgements.map(() => null);
  const grades = ranking.map((group, i) => {
    let best = -1;
    judgements.forEach((j, ji) => {
      if (ranks[ji] === null && groupsOf(j).has(group) && (best < 0 || j.grade > judgements[best].grade)) best = ji;
    });
    if (best < 0) return 0;
    ranks[best] = i + 1;
    return judgements[best].grade;
  });
  return { grades, ranks };
}

export interface EvalOptions {
  kinds?: EvalKind[];
  methods?: EvalMethod[];
}

/** Runs every judged query through every method on one index and scores the top DEPTH results. */
export async function runEval(reader: IndexReader, embedder: Embedder, judged: JudgedSet, options: EvalOptions = {}): Promise<VariantReport[]> {
  const chunks = allChunks(reader);
  const byRowid = new Map(chunks.map((c) => [c.rowid, c]));
  const ms = buildMiniSearch(reader, chunks);
  const memo = memoEmbedder(embedder);
  const methods = options.methods ?? EVAL_METHODS;

  // which chunk groups hold each judged passage, and of which kinds
  const holders = new Map<Judgement, StoredChunk[]>();
  for (const q of judged.queries)
    for (const j of q.relevant) {
      const needle = normaliseForMatch(j.textIncludes);
      holders.set(
        j,
        chunks.filter((c) => c.documentId === j.document && normaliseForMatch(c.text).includes(needle)),
      );
    }
  const groupsOf = (j: Judgement) => new Set(holders.get(j)!.map(groupOf));

  const reports: VariantReport[] = [];
  for (const kind of options.kinds ?? ['quotes', 'all']) {
    const allowed = kindsFor(kind);
    const inKind = (k: ChunkKind) => !allowed || allowed.includes(k);
    const unreachable: VariantReport['unreachable'] = [];
    const skipped: string[] = [];
    const counted = new Map<string, Judgement[]>();
    for (const q of judged.queries) {
      const reachable = q.relevant.filter((j) => holders.get(j)!.some((c) => inKind(c.kind)));
      for (const j of q.relevant) if (!reachable.includes(j)) unreachable.push({ queryId: q.id, judgement: j });
      if (reachable.length) counted.set(q.id, reachable);
      else skipped.push(q.id);
    }
    const perMethod = {} as Record<EvalMethod, MethodReport>;
    for (const method of methods) {
      const outcomes: QueryOutcome[] = [];
      for (const q of judged.queries) {
        const judgements = counted.get(q.id);
        if (!judgements) continue;
        let ranked: StoredChunk[];
        if (method === 'minisearch') {
          const seen = new Set<string>();
          ranked = ms
            .search(q.query)
            .map((r) => byRowid.get(Number(r.id))!)
            .filter((c) => inKind(c.kind) && !seen.has(groupOf(c)) && !!seen.add(groupOf(c)));
        } else {
          ranked = (await rankChunks(reader, memo, { q: q.query, kind }, RETRIEVAL[method])).ranked.map((r) => r.chunk);
        }
        const { grades, ranks } = gradeRanking(ranked.slice(0, DEPTH).map(groupOf), judgements, groupsOf);
        const ideal = judgements.map((j) => j.grade);
        outcomes.push({
          id: q.id,
          query: q.query,
          type: q.type,
          metrics: { recall5: recallAtK(grades, judgements.length, RECALL_K), mrr: reciprocalRank(grades), ndcg10: ndcgAtK(grades, ideal, DEPTH) },
          maxRecall5: Math.min(RECALL_K, judgements.length) / judgements.length,
          ranks,
        });
      }
      const byType = {} as MethodReport['byType'];
      for (const t of QUERY_TYPES) {
        const of = outcomes.filter((o) => o.type === t);
        byType[t] = { ...summarise(of), queries: of.length };
      }
      perMethod[method] = { overall: summarise(outcomes), byType, outcomes };
    }
    reports.push({ kind, queries: counted.size, unreachable, skipped, methods: perMethod, counted });
  }
  return reports;
}

/** What makes `--check` fail: the hybrid not strictly ahead of every other method on every metric, or recall@5 under the floor. */
export function checkVariant(report: VariantReport, minRecall = MIN_RECALL): string[] {
  const problems: string[] = [];
  const hybrid = report.methods.hybrid?.overall;
  if (!hybrid) return ['the hybrid was not evaluated'];
  for (const m of EVAL_METHODS) {
    const other = report.methods[m]?.overall;
    if (m === 'hybrid' || !other) continue;
    for (const key of ['recall5', 'mrr', 'ndcg10'] as const)
      if (!(hybrid[key] > other[key]))
        problems.push(`hybrid ${key} ${hybrid[key].toFixed(3)} is not ahead of ${METHOD_LABELS[m]} ${other[key].toFixed(3)} (kind ${report.kind})`);
  }
  if (hybrid.recall5 < minRecall) problems.push(`hybrid recall@5 ${hybrid.recall5.toFixed(3)} is under ${minRecall} (kind ${report.kind})`);
  return problems;
}

/**
 * Overall recall@5 if every keyword and name query were perfect (up to its cap) while paraphrases kept the best recall any
 * evaluated method reaches on each: paraphrases share no word with their passages, so only the embedding and the WordNet
 * expansion can find them, and this says how far the method is from the limit the paraphrases set.
 */
export function paraphraseBoundRecall(report: VariantReport): number {
  const best = new Map<string, number>();
  for (const m of EVAL_METHODS)
    for (const o of report.methods[m]?.outcomes ?? []) if (o.type === 'paraphrase') best.set(o.id, Math.max(best.get(o.id) ?? 0, o.metrics.recall5));
  return meanOf((report.methods.hybrid?.outcomes ?? []).map((o) => (o.type === 'paraphrase' ? (best.get(o.id) ?? 0) : o.maxRecall5)));
}

const f3 = (n: number) => n.toFixed(3);

function metricCells(m: Metrics): string {
  return `${f3(m.recall5)}  ${f3(m.mrr)}  ${f3(m.ndcg10)}`;
}

/** A table per kind filter: methods down, overall and each query type across. */
export function formatVariant(report: VariantReport): string {
  const methods = EVAL_METHODS.filter((m) => report.methods[m]);
  const first = report.methods[methods[0]];
  const groups: { label: string; get: (r: MethodReport) => Metrics }[] = [
    { label: `overall (${report.queries})`, get: (r) => r.overall },
    ...QUERY_TYPES.map((t) => ({ label: `${t} (${first.byType[t].queries})`, get: (r: MethodReport) => r.byType[t] })),
  ];
  const cell = 21;
  const lines: string[] = [];
  const title = report.kind === 'quotes' ? 'kind = quotes (interview + quote chunks)' : 'kind = all (quotes and analysis chunks)';
  lines.push(`${title}: ${report.queries} queries, metrics on the top ${DEPTH}`);
  lines.push(`${''.padEnd(22)}${groups.map((g) => g.label.padEnd(cell)).join(' │ ')}`);
  lines.push(`${'method'.padEnd(22)}${groups.map(() => 'R@5    MRR    nDCG10'.padEnd(cell)).join(' │ ')}`);
  lines.push('─'.repeat(22 + groups.length * (cell + 3) - 3));
  for (const m of methods) lines.push(`${METHOD_LABELS[m].padEnd(22)}${groups.map((g) => metricCells(g.get(report.methods[m])).padEnd(cell)).join(' │ ')}`);
  if (report.unreachable.length) {
    lines.push(
      `${report.unreachable.length} judged passages are held by no chunk of this kind and are not counted${report.skipped.length ? `; queries without any countable passage left out: ${report.skipped.join(', ')}` : ''}:`,
    );
    for (const u of report.unreachable) lines.push(`  ${u.queryId} ${u.judgement.speaker}: “${u.judgement.textIncludes}”`);
  }
  return lines.join('\n');
}

/** The queries the hybrid does not fully recall in its top 5, with where each method ranked the passages it missed. */
export function formatFailures(report: VariantReport): string {
  const hybrid = report.methods.hybrid;
  if (!hybrid) return '';
  const lines: string[] = [];
  const others = EVAL_METHODS.filter((m) => m !== 'hybrid' && report.methods[m]);
  const rankOf = (m: EvalMethod, id: string, i: number) => {
    const r = report.methods[m].outcomes.find((o) => o.id === id)?.ranks[i];
    return r ? String(r) : '–';
  };
  for (const o of hybrid.outcomes) {
    if (o.metrics.recall5 >= 1) continue;
    const cap = o.maxRecall5 < 1 ? ` (at most ${f3(o.maxRecall5)} with ${report.counted.get(o.id)!.length} passages)` : '';
    lines.push(`${o.id} [${o.type}] “${o.query}”: R@5 ${f3(o.metrics.recall5)}${cap}, MRR ${f3(o.metrics.mrr)}`);
    report.counted.get(o.id)!.forEach((j, i) => {
      const r = o.ranks[i];
      if (r !== null && r <= RECALL_K) return;
      const elsewhere = others.map((m) => `${m} ${rankOf(m, o.id, i)}`).join(', ');
      lines.push(`    grade ${j.grade} ${j.speaker}: “${j.textIncludes}” — hybrid rank ${r ?? '–'}; ${elsewhere}`);
    });
  }
  return lines.length
    ? `Hybrid misses in the top ${RECALL_K} (kind ${report.kind}; ranks within the top ${DEPTH}, – = not there):\n${lines.join('\n')}`
    : `The hybrid finds every countable passage in its top ${RECALL_K} (kind ${report.kind}).`;
}
