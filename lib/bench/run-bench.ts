import os from 'node:os';
import { IndexReader } from '../db/index-reader';
import { loadJudgedSet } from '../search/eval/run-eval';
import { contentTerms } from '../search/fts-query';
import { benchHttp, type HttpBench, type LoadRun } from './http-bench';
import { benchInProcess } from './in-process';
import { benchArchive, benchEmbedThroughput, benchIngest } from './ingest-bench';
import { machineInfo } from './machine';
import { formatTable, ms, type BenchRow } from './report';
import { benchScale, type ScaleBench } from './scale';
import { ensureBuild } from './server';

export interface BenchOptions {
  root: string;
  corpusDir: string;
  rounds: number;
  connections: number;
  maxRequests: number;
  durationSeconds: number;
  scaleVectors: number;
  scaleQueries: number;
  /** Also 1,000,000 vectors (minutes: the ANN build and a 2 GB sqlite-vec table). */
  million?: boolean;
  /** Also a synthetic archive of this many documents through the whole ingest (long). */
  archiveDocuments?: number;
  port?: number;
  skipHttp?: boolean;
  useExistingBuild?: boolean;
  log: (line: string) => void;
}

export const DEFAULT_BENCH: Omit<BenchOptions, 'root' | 'corpusDir' | 'log'> = {
  rounds: 3,
  connections: 20,
  maxRequests: 2000,
  durationSeconds: 20,
  scaleVectors: 100_000,
  scaleQueries: 50,
};

const BUDGET = {
  ingestS: 30,
  ownWorkP50: 3,
  throughputShare: 0.85,
  healthP99: 50,
  pageKiB: 120,
  annP50: 10,
  annRecall: 0.95,
  embedShare: 0.85,
};

/**
 * Distinct query texts for the HTTP runs: the judged queries, then each with one content word of another judged query
 * added ("sanctions against China in a Taiwan crisis deterrence"), so no request of a cold run repeats an earlier text.
 */
export function distinctQueries(judged: string[], count: number): string[] {
  const words = [...new Set(judged.flatMap((q) => contentTerms(q)))];
  const out = new Set(judged);
  for (let i = 0; out.size < count && i < judged.length * words.length * 2; i++) {
    const q = judged[i % judged.length];
    const w = words[(i * 7919) % words.length];
    const w2 = words[(i * 104_729 + 13) % words.length];
    out.add(i < judged.length * words.length ? `${q} ${w}` : `${w2} ${q} ${w}`);
  }
  return [...out].slice(0, count);
}

function loadRows(label: string, l: LoadRun, single: number, cores: number, headline: boolean): BenchRow[] {
  const ceiling = (cores * 1000) / single;
  return [
    {
      figure: `/api/search ${l.connections} clients, ${label}: requests/s (${l.requests} in ${l.seconds.toFixed(0)} s) / ceiling ${cores} × 1000 / ${ms(single)}`,
      value: `${l.requestsPerSecond.toFixed(1)} = ${((100 * l.requestsPerSecond) / ceiling).toFixed(0)}%`,
      budget: headline ? `≥ ${BUDGET.throughputShare * 100}% of ${ceiling.toFixed(1)}` : '',
      pass: headline ? l.requestsPerSecond >= BUDGET.throughputShare * ceiling : null,
    },
    {
      figure: `/api/search ${l.connections} clients, ${label}: latency p50 / p95`,
      value: `${ms(l.latency.p50)} / ${ms(l.latency.p95)}`,
      budget: '',
      pass: null,
    },
    {
      figure: `/api/health during the ${label} load: p50 / p99 (n=${l.health.n})`,
      value: `${ms(l.health.p50)} / ${ms(l.health.p99)}`,
      budget: `p99 ≤ ${BUDGET.healthP99} ms`,
      pass: l.health.p99 <= BUDGET.healthP99,
    },
    {
      figure: `  noise floor meanwhile: a bare Node server's health answer, polled alike: p50 / p99 (n=${l.floor.n})`,
      value: `${ms(l.floor.p50)} / ${ms(l.floor.p99)}`,
      budget: '',
      pass: null,
    },
    {
      figure: `/api/search ${l.connections} clients, ${label}: errors (timeouts) + non-2xx`,
      value: `${l.errors} (${l.timeouts}) + ${l.non2xx}`,
      budget: '0',
      pass: l.errors + l.non2xx === 0,
    },
    {
      figure: `  server CPU per request, ${label} (1 core serves 1000 / this per s)`,
      value: l.serverCpuMsPerRequest === null ? 'n/a' : ms(l.serverCpuMsPerRequest),
      budget: '',
      pass: null,
    },
  ];
}

function httpRows(http: HttpBench, buildSeconds: number | null, cores: number): BenchRow[] {
  const single = http.sequential.p50;
  return [
    ...(buildSeconds === null
      ? []
      : [{ figure: 'next build (sources were newer than the build)', value: `${buildSeconds.toFixed(0)} s`, budget: '', pass: null }]),
    { figure: 'server start to healthy (model warmed in every thread)', value: `${http.serverStartSeconds.toFixed(1)} s`, budget: '', pass: null },
    { figure: `  server log: ${http.warmLog ?? 'no warm-up line'}`, value: '', budget: '', pass: null },
    {
      figure: `first /api/search after healthy (status ${http.firstQueryStatus}, tookMs in server ${http.firstQueryServerMs ?? 'n/a'})`,
      value: ms(http.firstQueryMs),
      budget: '≤ 2 × cold p50',
      pass: http.firstQueryStatus === 200 && http.firstQueryMs <= 2 * single,
    },
    {
      figure: `/api/search one client, cold (distinct queries): p50 / p95 (n=${http.sequential.n})`,
      value: `${ms(single)} / ${ms(http.sequential.p95)}`,
      budget: '',
      pass: null,
    },
    {
      figure: '/api/search one client, warm (the same queries again: cached): p50 / p95',
      value: `${ms(http.sequentialWarm.p50)} / ${ms(http.sequentialWarm.p95)}`,
      budget: '',
      pass: null,
    },
    {
      figure: `/api/health with no search load (the machine's share of a health check): p50 / p99 (n=${http.healthIdle.n})`,
      value: `${ms(http.healthIdle.p50)} / ${ms(http.healthIdle.p99)}`,
      budget: '',
      pass: null,
    },
    {
      figure: `  noise floor meanwhile: a bare Node server's health answer, polled alike: p50 / p99 (n=${http.floorIdle.n})`,
      value: `${ms(http.floorIdle.p50)} / ${ms(http.floorIdle.p99)}`,
      budget: '',
      pass: null,
    },
    ...loadRows('cold (distinct queries)', http.cold, single, cores, true),
    ...loadRows('warm (10 repeated queries)', http.warm, single, cores, false),
    ...http.pages.map((p) => ({
      figure: `${p.page}: time to first byte / whole page (status ${p.status})`,
      value: `${ms(p.ttfbMs)} / ${ms(p.totalMs)}`,
      budget: '',
      pass: null,
    })),
    ...http.pages.map((p) => ({
      figure: `${p.page}: bytes, HTML markup + RSC payload = whole response`,
      value: `${(p.htmlBytes / 1024).toFixed(1)} + ${(p.payloadBytes / 1024).toFixed(1)} = ${(p.bytes / 1024).toFixed(1)} KiB`,
      budget: p.page.startsWith('search page') ? `≤ ${BUDGET.pageKiB} KB` : '',
      pass: p.page.startsWith('search page') ? p.bytes <= BUDGET.pageKiB * 1000 : null,
    })),
    {
      figure: 'server RSS (all threads) before / after the load',
      value: http.rssBeforeMiB === null ? 'n/a' : `${http.rssBeforeMiB.toFixed(0)} / ${http.rssAfterMiB?.toFixed(0)} MiB`,
      budget: '',
      pass: null,
    },
  ];
}

function scaleRows(scale: ScaleBench): BenchRow[] {
  const n = scale.vectors >= 1_000_000 ? `${scale.vectors / 1_000_000}M` : `${scale.vectors / 1000}k`;
  const rows: BenchRow[] = [
    { figure: `${n} vectors (${scale.dimension}-d, ${scale.source}), ${scale.queries} queries, top-10:`, value: '', budget: '', pass: null },
  ];
  for (const m of scale.methods) {
    const ann = m.name.startsWith('ANN');
    const judged = ann && scale.vectors >= 1_000_000;
    rows.push(
      {
        figure: `  ${m.name}: p50 / p95`,
        value: `${ms(m.latency.p50)} / ${ms(m.latency.p95)}`,
        budget: judged ? `p50 ≤ ${BUDGET.annP50} ms` : '',
        pass: judged ? m.latency.p50 <= BUDGET.annP50 : null,
      },
      {
        figure: `  ${m.name}: recall@10 against exact`,
        value: m.recall.toFixed(3),
        budget: judged ? `≥ ${BUDGET.annRecall}` : '',
        pass: judged ? m.recall >= BUDGET.annRecall : null,
      },
      {
        figure: `  ${m.name}: build / memory / disk`,
        value: `${m.buildSeconds.toFixed(1)} s / ${m.memoryMiB.toFixed(0)} MiB / ${m.diskMiB === null ? '–' : `${m.diskMiB.toFixed(0)} MiB`}`,
        budget: '',
        pass: null,
      },
    );
  }
  return rows;
}

/** Real chunk and query embeddings of the temporary index, for the scale runs. */
async function realVectors(dbPath: string, embedder: { embed: (t: string[], m: 'query') => Promise<Float32Array[]> }, queries: string[]) {
  const reader = IndexReader.open(dbPath);
  try {
    const store = reader.vectors()!;
    const base = new Float32Array(store.size * store.dimension);
    for (let i = 0; i < store.size; i++) base.set(store.vectorAt(i), i * store.dimension);
    const qv = await embedder.embed(queries, 'query');
    const queryVectors = new Float32Array(qv.length * store.dimension);
    qv.forEach((v, i) => queryVectors.set(v, i * store.dimension));
    const texts = reader.chunksByRowid(Array.from(store.rowids)).map((c) => c.text);
    return { base, queryVectors, texts };
  } finally {
    reader.close();
  }
}

/** Runs every measurement once, in order, and returns the final table (the temporary index is always removed). */
export async function runBench(o: BenchOptions): Promise<{ table: string; rows: BenchRow[] }> {
  const loadBefore = os.loadavg();
  const cores = os.availableParallelism();
  const rows: BenchRow[] = [];
  const queries = loadJudgedSet().queries.map((q) => q.query);

  o.log('1/6 ingest of the bundled corpus into a temporary index (cold model load included)…');
  const ingest = await benchIngest(o.corpusDir);
  try {
    rows.push({
      figure: `ingest, bundled corpus (${ingest.chunks} chunks, model load ${ingest.modelLoadSeconds.toFixed(1)} s + ingest ${ingest.ingestSeconds.toFixed(1)} s)`,
      value: `${ingest.totalSeconds.toFixed(1)} s`,
      budget: `< ${BUDGET.ingestS} s`,
      pass: ingest.totalSeconds < BUDGET.ingestS,
    });
    const real = await realVectors(ingest.index.dbPath, ingest.embedder, queries);

    o.log('2/6 embedding throughput: the model on one thread, then ingest’s parallel embedding…');
    const tp = await benchEmbedThroughput(ingest.embedder, real.texts, ingest);
    const ceiling = tp.singleRate * tp.cores;
    const share = (rate: number) => `${rate.toFixed(1)} = ${((100 * rate) / ceiling).toFixed(0)}%`;
    const loads = (s: number[]) => (s.length ? s.map((x) => `${x.toFixed(1)} s`).join(', ') : 'none');
    rows.push(
      { figure: '  model on one thread: chunks/s', value: tp.singleRate.toFixed(1), budget: '', pass: null },
      tp.ingestPhase
        ? {
            figure: `  ingest's whole embedding phase (bundled corpus, ${tp.ingestPhase.passages} passages in ${tp.ingestPhase.seconds.toFixed(1)} s; helper model loads ${loads(tp.ingestPhase.helperLoadSeconds)} from fork, started before parsing): chunks/s / (one thread × ${tp.cores} cores)`,
            value: share(tp.ingestPhase.rate),
            budget: `≥ ${BUDGET.embedShare * 100}%`,
            pass: tp.ingestPhase.rate >= BUDGET.embedShare * ceiling,
          }
        : { figure: "  ingest's embedding phase: not reported by ingest", value: 'n/a', budget: `≥ ${BUDGET.embedShare * 100}%`, pass: false },
      {
        figure: `  embedPassages, ${tp.chunks} chunks, ${tp.processes} processes forked at its start (model loads included, not overlapped)`,
        value: share(tp.coldRate),
        budget: '',
        pass: null,
      },
      { figure: `  the same again, helpers already loaded (model loads excluded)`, value: share(tp.warmRate), budget: '', pass: null },
      {
        figure: '  cores this process tree got (CPU / wall): one thread / the warm parallel run (a shared machine caps the second)',
        value: `${tp.singleCores?.toFixed(2) ?? 'n/a'} / ${tp.warmCores?.toFixed(2) ?? 'n/a'}`,
        budget: '',
        pass: null,
      },
      ...(tp.singleCores && tp.warmCores
        ? [
            {
              figure: '  warm parallel rate / (one thread’s rate per core got × cores got): the code’s own efficiency',
              value: `${((100 * tp.warmRate) / ((tp.singleRate / Math.min(1, tp.singleCores)) * tp.warmCores)).toFixed(0)}%`,
              budget: '',
              pass: null,
            },
          ]
        : []),
    );

    o.log(`3/6 in-process search: ${queries.length} judged queries × ${o.rounds}…`);
    const inProc = await benchInProcess(ingest.index.dbPath, ingest.embedder, queries, o.rounds);
    rows.push(
      {
        figure: `search in process p50 / p95 (searchQuotes, embedding included, n=${inProc.search.n})`,
        value: `${ms(inProc.search.p50)} / ${ms(inProc.search.p95)}`,
        budget: '',
        pass: null,
      },
      { figure: '  first search in the process (model loaded, caches cold)', value: ms(inProc.firstQueryMs), budget: '', pass: null },
      { figure: '  CPU time per search (mean; barely affected by other load)', value: ms(inProc.cpuMsPerSearch), budget: '', pass: null },
      { figure: '  of which: query embedding alone p50 / p95', value: `${ms(inProc.embed.p50)} / ${ms(inProc.embed.p95)}`, budget: '', pass: null },
      {
        figure: '  of which: our own work (all but the embedding; query analysed anew) p50 / p95',
        value: `${ms(inProc.withoutEmbedding.p50)} / ${ms(inProc.withoutEmbedding.p95)}`,
        budget: `p50 ≤ ${BUDGET.ownWorkP50} ms`,
        pass: inProc.withoutEmbedding.p50 <= BUDGET.ownWorkP50,
      },
      { figure: '  repeated search (response cache) p50 / p95', value: `${ms(inProc.cached.p50)} / ${ms(inProc.cached.p95)}`, budget: '', pass: null },
    );

    if (!o.skipHttp) {
      o.log('4/6 HTTP: production server on loopback…');
      try {
        const build = ensureBuild(o.root, o.log, o.useExistingBuild);
        o.log(build.built ? `    built the app in ${build.seconds.toFixed(0)} s` : `    using the production build of ${build.buildDate}`);
        const reader = IndexReader.open(ingest.index.dbPath);
        const speakers = reader.speakers().slice(0, 3);
        const doc = reader.documents()[0];
        reader.close();
        const pageQuery = encodeURIComponent('sanctions against China in a Taiwan crisis');
        const http = await benchHttp({
          root: o.root,
          dbPath: ingest.index.dbPath,
          queries: distinctQueries(queries, 40 + o.maxRequests),
          connections: o.connections,
          maxRequests: o.maxRequests,
          durationSeconds: o.durationSeconds,
          port: o.port,
          pages: [
            { name: 'search page, 20 results', path: `/?q=${pageQuery}&limit=20` },
            { name: 'compare page, 3 speakers', path: `/compare?q=${pageQuery}&speakers=${speakers.map((s) => s.id).join(',')}` },
            { name: 'document page', path: `/documents/${doc.id}` },
          ],
        });
        rows.push(...httpRows(http, build.built ? build.seconds : null, cores));
      } catch (e) {
        // the other figures still stand; the table says why this one is missing
        o.log(`    HTTP bench failed: ${(e as Error).message}`);
        rows.push({
          figure: `/api/search ${o.connections} clients (${(e as Error).message.split('\n')[0].slice(0, 80)})`,
          value: 'n/a',
          budget: 'runs',
          pass: false,
        });
      }
    } else o.log('4/6 HTTP skipped (--no-http)');

    const sizes = [o.scaleVectors, ...(o.million ? [1_000_000] : [])];
    for (const count of sizes) {
      o.log(`5/6 scale: ${count.toLocaleString('en')} vectors drawn from the corpus's embeddings…`);
      const scale = benchScale({
        count,
        dim: ingest.embedder.dimension,
        base: real.base,
        queryVectors: real.queryVectors,
        queryCount: o.scaleQueries,
        log: o.log,
      });
      rows.push(...scaleRows(scale));
    }
    if (!o.million) rows.push({ figure: '1M vectors: run npm run bench -- --million (the ANN build takes minutes)', value: '', budget: '', pass: null });

    if (o.archiveDocuments) {
      o.log(`6/6 synthetic archive: ${o.archiveDocuments.toLocaleString('en')} documents through the whole ingest…`);
      const a = await benchArchive(o.corpusDir, o.archiveDocuments, ingest.embedder, o.log).catch((e: Error) => {
        // the other figures still stand; the table says why this one is missing
        o.log(`    archive bench failed: ${e.stack ?? e.message}`);
        rows.push({
          figure: `archive of ${o.archiveDocuments} documents (${e.message.split('\n')[0].slice(0, 80)})`,
          value: 'n/a',
          budget: 'runs',
          pass: false,
        });
        return null;
      });
      if (a) {
        const perDoc = a.seconds / a.documents;
        rows.push(
          {
            figure: `archive of ${a.documents.toLocaleString('en')} documents (${a.chunks.toLocaleString('en')} chunks): ingest time (plan: reading/parsing/chunking/citations ${a.planSeconds.toFixed(0)} s; embedding ${a.embedSeconds.toFixed(0)} s from ${a.embedStartSeconds.toFixed(0)} s, overlapping the plan's end)`,
            value: `${a.seconds.toFixed(0)} s`,
            budget: '',
            pass: null,
          },
          {
            figure: '  passages embedded / chunks that reused a vector of the same text',
            value: `${a.computed.toLocaleString('en')} / ${a.reused.toLocaleString('en')}`,
            budget: '',
            pass: null,
          },
          {
            figure: `  embedding phase: passages/s (every process) / (one thread ${tp.singleRate.toFixed(1)}/s × ${tp.cores} cores)`,
            value: share(a.computed / a.embedSeconds),
            budget: '',
            pass: null,
          },
          { figure: '  time per document', value: `${((1000 * a.seconds) / a.documents).toFixed(0)} ms`, budget: '', pass: null },
          {
            figure: `  peak RSS (this process with its model and what the earlier steps left, and the embedding processes; ${a.startRssMiB.toFixed(0)} MiB as the archive began)`,
            value: `${a.peakRssMiB.toFixed(0)} MiB`,
            budget: '',
            pass: null,
          },
          { figure: '  index size on disk', value: `${a.indexMiB.toFixed(0)} MiB`, budget: '', pass: null },
          ...(a.documents < 10_000
            ? [
                {
                  figure: `  10,000 documents projected linearly from this run (${(perDoc * 1000).toFixed(0)} ms per document)`,
                  value: `${((perDoc * 10_000) / 60).toFixed(0)} min`,
                  budget: '',
                  pass: null,
                },
              ]
            : []),
        );
      }
    } else rows.push({ figure: 'synthetic archive ingest: run npm run bench -- --archive 10000 (long)', value: '', budget: '', pass: null });
  } finally {
    ingest.index.remove();
  }
  await ingest.embedder.dispose?.();
  return { table: formatTable(rows, machineInfo(), { before: loadBefore, after: os.loadavg() }), rows };
}
