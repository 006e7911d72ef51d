import autocannon from 'autocannon';
import { type PageWeight, timedGet, weighPage } from './page-weight';
import { startServer, treeCpuMs, treeRssMiB } from './server';
import { summarise, type LatencySummary } from './stats';

export interface LoadRun {
  connections: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** /api/health polled every 50 ms meanwhile. */
  health: LatencySummary;
  /** server CPU time per request: what one core can serve is 1000 / this per second */
  serverCpuMsPerRequest: number | null;
}

export type PageFigure = PageWeight;

export interface HttpBench {
  serverStartSeconds: number;
  firstQueryMs: number;
  firstQueryServerMs: number | null;
  firstQueryStatus: number;
  warmLog: string | null;
  /** One client, distinct queries never searched before. */
  sequential: LatencySummary;
  /** One client, the same queries again (query vector and response caches). */
  sequentialWarm: LatencySummary;
  /** N clients on distinct queries: the headline. */
  cold: LoadRun;
  /** N clients on a few repeated queries. */
  warm: LoadRun;
  pages: PageFigure[];
  rssBeforeMiB: number | null;
  rssAfterMiB: number | null;
}

export interface HttpBenchOptions {
  root: string;
  dbPath: string;
  /** Distinct query texts, as many as the runs need (every request of the cold runs asks one never asked before). */
  queries: string[];
  connections: number;
  maxRequests: number;
  durationSeconds: number;
  port?: number;
  /** Page paths to weigh (search, compare, document). */
  pages: { name: string; path: string }[];
}

const searchPath = (q: string) => `/api/search?q=${encodeURIComponent(q)}`;

/** Polls a URL every `everyMs` until stopped, recording each answer's latency. */
function pollHealth(url: string, everyMs = 50): { stop: () => Promise<number[]> } {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        samples.push(performance.now() - t);
      } catch {
        samples.push(10_000);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}

async function load(url: string, pid: number, queries: string[], o: HttpBenchOptions): Promise<LoadRun> {
  const cpuBefore = treeCpuMs(pid);
  let next = 0;
  const latencies: number[] = [];
  const health = pollHealth(`${url}/api/health`);
  const instance = autocannon({
    url,
    connections: o.connections,
    duration: o.durationSeconds,
    maxOverallRequests: Math.min(o.maxRequests, queries.length),
    timeout: 20,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: searchPath(queries[next++ % queries.length]) }) }],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  // autocannon ends on its own at the duration or the request cap; this only guards against a hung run
  const guard = setTimeout(() => instance.stop(), (o.durationSeconds + 25) * 1000);
  const result = await instance;
  clearTimeout(guard);
  const healthSamples = await health.stop();
  const cpuAfter = treeCpuMs(pid);
  const total = latencies.length;
  return {
    connections: o.connections,
    requests: total,
    seconds: result.duration,
    requestsPerSecond: total / result.duration,
    latency: summarise(latencies),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    health: summarise(healthSamples),
    serverCpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && total ? (cpuAfter - cpuBefore) / total : null,
  };
}

/**
 * Starts the production server on the bench index; times the very first search, one client on distinct (cold) queries
 * and again on the same ones (warm), N clients on distinct queries (cold, the headline) and on a few repeated ones (warm),
 * with /api/health polled throughout, and the time to first byte and size of the search, compare and document pages.
 */
export async function benchHttp(o: HttpBenchOptions): Promise<HttpBench> {
  // start-up warms the model in every thread: minutes on a loaded machine
  const server = await startServer(o.root, o.dbPath, 300_000, o.port);
  try {
    const sequentialCount = Math.min(40, Math.floor(o.queries.length / 4));
    const seqQueries = o.queries.slice(0, sequentialCount);
    const loadQueries = o.queries.slice(sequentialCount);
    const first = await timedGet(`${server.url}${searchPath(seqQueries[0])}`);
    let firstServerMs: number | null = null;
    try {
      firstServerMs = (JSON.parse(first.text) as { tookMs?: number }).tookMs ?? null;
    } catch {
      // an error page: the status says enough
    }
    const sequential: number[] = [];
    for (const q of seqQueries.slice(1)) sequential.push((await timedGet(`${server.url}${searchPath(q)}`)).ms);
    const sequentialWarm: number[] = [];
    for (const q of seqQueries.slice(1)) sequentialWarm.push((await timedGet(`${server.url}${searchPath(q)}`)).ms);
    const rssBeforeMiB = treeRssMiB(server.pid);
    const cold = await load(server.url, server.pid, loadQueries, o);
    const warm = await load(server.url, server.pid, seqQueries.slice(1, 11), o);
    const rssAfterMiB = treeRssMiB(server.pid);
    const pages: PageFigure[] = [];
    // the route's first run compiles nothing in production, but warms its code: each page is weighed on its second request
    for (const p of o.pages) pages.push(await weighPage(server.url, p));
    return {
      serverStartSeconds: server.startSeconds,
      firstQueryMs: first.ms,
      firstQueryServerMs: firstServerMs,
      firstQueryStatus: first.status,
      warmLog: /warmed[^\n]*/.exec(server.output())?.[0] ?? null,
      sequential: summarise(sequential),
      sequentialWarm: summarise(sequentialWarm),
      cold,
      warm,
      pages,
      rssBeforeMiB,
      rssAfterMiB,
    };
  } finally {
    await server.stop();
  }
}
