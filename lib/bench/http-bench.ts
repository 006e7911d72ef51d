import autocannon from 'autocannon';
import { summarise, type LatencySummary } from './stats';
import { startServer, treeCpuMs, treeRssMiB } from './server';

export interface HttpBench {
  serverStartSeconds: number;
  firstQueryMs: number;
  firstQueryServerMs: number | null;
  firstQueryStatus: number;
  warmLog: string | null;
  sequential: LatencySummary;
  load: {
    connections: number;
    requests: number;
    seconds: number;
    requestsPerSecond: number;
    latency: LatencySummary;
    p97_5: number;
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  rssBeforeMiB: number | null;
  rssAfterMiB: number | null;
  /** server CPU time per request under load: what one core can serve is 1000 / this, whatever else runs on the machine */
  serverCpuMsPerRequest: number | null;
}

export interface HttpBenchOptions {
  root: string;
  dbPath: string;
  queries: string[];
  connections: number;
  maxRequests: number;
  durationSeconds: number;
}

const searchPath = (q: string) => `/api/search?q=${encodeURIComponent(q)}`;

async function timedGet(url: string): Promise<{ ms: number; status: number; tookMs: number | null }> {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  const ms = performance.now() - started;
  let tookMs: number | null = null;
  try {
    tookMs = (JSON.parse(text) as { tookMs?: number }).tookMs ?? null;
  } catch {
    // an error page: the status says enough
  }
  return { ms, status: res.status, tookMs };
}

/**
 * Starts the production server on the bench index, times the very first search after start, a sequential warm pass,
 * then autocannon with N connections rotating over the judged queries, bounded by count and by time.
 */
export async function benchHttp(o: HttpBenchOptions): Promise<HttpBench> {
  const server = await startServer(o.root, o.dbPath);
  try {
    const first = await timedGet(`${server.url}${searchPath(o.queries[0])}`);
    const sequential: number[] = [];
    for (const q of o.queries) sequential.push((await timedGet(`${server.url}${searchPath(q)}`)).ms);
    const rssBeforeMiB = treeRssMiB(server.pid);
    const cpuBefore = treeCpuMs(server.pid);
    let next = 0;
    const latencies: number[] = [];
    const instance = autocannon({
      url: server.url,
      connections: o.connections,
      duration: o.durationSeconds,
      maxOverallRequests: o.maxRequests,
      timeout: 10,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: searchPath(o.queries[next++ % o.queries.length]) }) }],
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    // autocannon ends on its own at the duration or the request cap; this only guards against a hung run
    const guard = setTimeout(() => instance.stop(), (o.durationSeconds + 15) * 1000);
    const result = await instance;
    clearTimeout(guard);
    const rssAfterMiB = treeRssMiB(server.pid);
    const cpuAfter = treeCpuMs(server.pid);
    const total = latencies.length;
    return {
      serverStartSeconds: server.startSeconds,
      firstQueryMs: first.ms,
      firstQueryServerMs: first.tookMs,
      firstQueryStatus: first.status,
      warmLog: /warmed[^\n]*/.exec(server.output())?.[0] ?? null,
      sequential: summarise(sequential),
      load: {
        connections: o.connections,
        requests: total,
        seconds: result.duration,
        requestsPerSecond: total / result.duration,
        latency: summarise(latencies),
        p97_5: result.latency.p97_5,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
      },
      rssBeforeMiB,
      rssAfterMiB,
      serverCpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && total ? (cpuAfter - cpuBefore) / total : null,
    };
  } finally {
    await server.stop();
  }
}
