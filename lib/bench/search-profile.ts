import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import type { IndexReader } from '../db/index-reader';
import type { EmbedMode, Embedder } from '../embed/embedder';
import { compareSpeakers, themeMatrix } from '../search/compare';
import { clearParseCache } from '../search/parsed-query';
import { rankChunks, searchQuotes, type KindFilter, type RetrievalMethod } from '../search/search';
import { summarise, type LatencySummary } from './stats';

/**
 * Our own work per search, measured apart from the model: query vectors are embedded once (and kept in a file, so a
 * before/after pair sees the very same vectors), then searchQuotes runs over the judged queries with each query's
 * analysis forgotten first, as a new query pays it. A CPU profile of the same loop splits the time into stages.
 */

/** An embedder that answers queries from vectors kept in a file, loading the real model only for a text it lacks. */
export class StoredQueryVectors implements Embedder {
  private readonly vectors = new Map<string, Float32Array>();
  private inner: Embedder | null = null;
  private dirty = false;

  constructor(
    readonly id: string,
    readonly dimension: number,
    private readonly file: string,
    private readonly load: () => Promise<Embedder>,
  ) {
    if (existsSync(file)) {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { id: string; vectors: Record<string, string> };
      if (stored.id === id)
        for (const [text, b64] of Object.entries(stored.vectors)) {
          const bytes = Buffer.from(b64, 'base64');
          this.vectors.set(text, new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
        }
    }
  }

  async embed(texts: string[], mode: EmbedMode): Promise<Float32Array[]> {
    if (mode !== 'query') throw new Error('stored query vectors answer queries only');
    const missing = [...new Set(texts.filter((t) => !this.vectors.has(t)))];
    if (missing.length) {
      this.inner ??= await this.load();
      const got = await this.inner.embed(missing, 'query');
      missing.forEach((t, i) => this.vectors.set(t, got[i]));
      this.dirty = true;
    }
    return texts.map((t) => this.vectors.get(t)!);
  }

  save(): void {
    if (!this.dirty) return;
    const vectors: Record<string, string> = {};
    for (const [t, v] of this.vectors) vectors[t] = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify({ id: this.id, vectors }));
    this.dirty = false;
  }

  async dispose(): Promise<void> {
    await this.inner?.dispose?.();
  }
}

/** Queries beyond the judged set that take the paths the judged ones may not: notices, role names, a long query. */
export const EXTRA_QUERIES = [
  'the and of',
  '日本と欧州の安全保障',
  '?!… --',
  'what does the foreign ministry say about NATO',
  'the ambassador on the Indo-Pacific',
  'Koga on sanctions',
  'sanctons against Chian',
  `${'Japan Europe security cooperation defence industry supply chains semiconductors Taiwan contingency NATO partnership '.repeat(4)}`.trim(),
];

const KINDS: (KindFilter | undefined)[] = [undefined, 'all', 'quotes', 'interview', 'quote', 'analysis'];
const METHODS: RetrievalMethod[] = ['hybrid', 'keyword', 'vector'];

/** Every field of every search the product can run on the queries (tookMs aside), to diff before against after. */
export async function dumpSearches(reader: IndexReader, embedder: Embedder, queries: string[]): Promise<unknown> {
  const strip = <T extends { tookMs: number }>(r: T) => ({ ...r, tookMs: undefined });
  const speakers = reader.speakers();
  const named = speakers.filter((s) => !s.anonymous);
  const documents = reader.documents();
  const out: Record<string, unknown> = {};
  for (const q of queries) {
    const entry: Record<string, unknown> = {};
    for (const kind of KINDS) {
      entry[`search:${kind}`] = strip(await searchQuotes(reader, embedder, { q, kind }));
      entry[`search:${kind}:100`] = strip(await searchQuotes(reader, embedder, { q, kind, limit: 100 }));
    }
    entry['search:offset'] = strip(await searchQuotes(reader, embedder, { q, limit: 7, offset: 5 }));
    entry['search:speaker'] = strip(await searchQuotes(reader, embedder, { q, speakers: named.slice(0, 2).map((s) => s.id), limit: 100 }));
    entry['search:document'] = strip(await searchQuotes(reader, embedder, { q, documents: documents.slice(0, 1).map((d) => d.id), limit: 100 }));
    for (const method of METHODS)
      for (const kind of [undefined, 'quotes'] as const) {
        const r = await rankChunks(reader, embedder, { q, kind }, method);
        entry[`rank:${method}:${kind}`] = {
          ranked: r.ranked.map((c) => [c.chunk.id, c.score, c.vectorScore]),
          namedSpeakers: r.namedSpeakers,
          concepts: r.concepts,
        };
      }
    if (q.trim() && named.length >= 3) {
      try {
        entry.compare = strip(
          await compareSpeakers(
            reader,
            embedder,
            q,
            named.slice(0, 3).map((s) => s.id),
          ),
        );
      } catch (e) {
        entry.compare = String(e);
      }
    }
    out[q] = entry;
  }
  const themes = queries.filter((q) => q.trim()).slice(0, 16);
  out.matrix = strip(
    await themeMatrix(
      reader,
      embedder,
      themes,
      named.slice(0, 5).map((s) => s.id),
    ),
  );
  return out;
}

/** Functions whose inclusive time the profile reports, in pipeline order (names as the code declares them). */
export const STAGES = [
  'searchQuotes',
  'rankChunks',
  'parseQuery',
  'expand',
  'keywordSearch',
  'vectorSearch',
  'speakersNamedIn',
  'speakersDescribedIn',
  'chunksByRowid',
  'fuseRankings',
  'keywordCredit',
  'expandedCredit',
  'applyRelevanceFloor',
  'queryNotice',
  'evidenceFor',
  'toSearchResult',
  'matchedTerms',
  'bestSentence',
  'relatedMatches',
  'alsoInFor',
  'toQuoteRecord',
  'suggestSpelling',
  'analyseText',
  'lightStem',
  '(garbage collector)',
];

export interface SearchProfile {
  searches: number;
  ownWork: LatencySummary;
  /** Process CPU time per search: barely inflated when other processes share the cores, unlike wall time. */
  ownWorkCpu: LatencySummary;
  /** Inclusive ms per search of each stage, from the CPU profile (sampled every 50 µs). */
  stages: { name: string; msPerSearch: number; share: number }[];
  /** The functions with the most self time, ms per search. */
  topSelf: { name: string; where: string; msPerSearch: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** searchQuotes over the queries `rounds` times, each query's analysis forgotten first; timed, then profiled. */
export async function profileSearches(reader: IndexReader, embedder: Embedder, queries: string[], rounds: number): Promise<SearchProfile> {
  // warm: the index's caches (statements, vectors, speakers, word counts, chunk analyses) fill on first use
  for (const q of queries) await searchQuotes(reader, embedder, { q });
  const runOnce = async (samples: number[] | null, cpu: number[] | null) => {
    for (let r = 0; r < rounds; r++)
      for (const q of queries) {
        clearParseCache();
        const cpuStart = process.cpuUsage();
        const started = performance.now();
        await searchQuotes(reader, embedder, { q });
        samples?.push(performance.now() - started);
        const used = process.cpuUsage(cpuStart);
        cpu?.push((used.user + used.system) / 1000);
      }
  };
  const samples: number[] = [];
  const cpu: number[] = [];
  await runOnce(samples, cpu);

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await session.post('Profiler.start');
  await runOnce(null, null);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();

  const nodes = new Map<number, ProfileNode>((profile.nodes as ProfileNode[]).map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of nodes.values()) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  const self = new Map<string, { where: string; us: number }>();
  const sampleIds = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < sampleIds.length; i++) {
    const us = deltas[i + 1] ?? 0;
    const leaf = nodes.get(sampleIds[i])!;
    const where = `${path.basename(leaf.callFrame.url)}:${leaf.callFrame.lineNumber + 1}`;
    const key = `${leaf.callFrame.functionName || '(anonymous)'} ${where}`;
    self.set(key, { where, us: (self.get(key)?.us ?? 0) + us });
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const name = nodes.get(id)!.callFrame.functionName;
      if (!seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + us);
      }
    }
  }
  const searches = rounds * queries.length;
  // searchQuotes resumes from microtasks after each await, so its own frame misses part of the work: share of all busy time
  const total = [...self.entries()].filter(([k]) => !k.startsWith('(idle)')).reduce((sum, [, v]) => sum + v.us, 0) || 1;
  return {
    searches,
    ownWork: summarise(samples),
    ownWorkCpu: summarise(cpu),
    stages: STAGES.map((name) => ({ name, msPerSearch: (inclusive.get(name) ?? 0) / 1000 / searches, share: (inclusive.get(name) ?? 0) / total })),
    topSelf: [...self.entries()]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, 30)
      .map(([k, v]) => ({ name: k.split(' ')[0], where: v.where, msPerSearch: v.us / 1000 / searches })),
  };
}

export function formatProfile(p: SearchProfile): string {
  const f = (x: number) => x.toFixed(3).padStart(8);
  const lines = [
    `own work per search (${p.searches} searches, each query analysed anew): p50 ${p.ownWork.p50.toFixed(2)} ms, p95 ${p.ownWork.p95.toFixed(2)} ms, mean ${p.ownWork.mean.toFixed(2)} ms`,
    `  the same in process CPU time: p50 ${p.ownWorkCpu.p50.toFixed(2)} ms, p95 ${p.ownWorkCpu.p95.toFixed(2)} ms, mean ${p.ownWorkCpu.mean.toFixed(2)} ms`,
    '',
    'stage (inclusive, CPU profile)      ms/search   share',
    ...p.stages.map((s) => `  ${s.name.padEnd(32)} ${f(s.msPerSearch)}   ${(s.share * 100).toFixed(1).padStart(5)}%`),
    '',
    'most self time                                   ms/search',
    ...p.topSelf.map((s) => `  ${`${s.name} ${s.where}`.padEnd(46)} ${f(s.msPerSearch)}`),
  ];
  return lines.join('\n');
}
