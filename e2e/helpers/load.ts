import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// autocannon (a devDependency, v8) ships no types; this is the part of its API the tests use.
interface Histogram {
  average: number;
  mean: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  max: number;
  total: number;
  sent: number;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: Histogram;
  requests: Histogram;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (req: { path?: string; method?: string }) => { path?: string; method?: string };
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  stop(): void;
  on(event: 'response', fn: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: AutocannonRequest[];
  headers?: Record<string, string>;
}) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadSummary {
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

/**
 * The request mix: every judged query of lib/search/eval/judged-queries.json on /api/search, some
 * with a kind filter or a larger limit, and every fifth one on the search page (server rendering).
 */
export function judgedQueryPaths(): string[] {
  const file = path.resolve('lib/search/eval/judged-queries.json');
  const queries = (JSON.parse(readFileSync(file, 'utf8')) as { queries: { query: string }[] }).queries.map((q) => q.query);
  if (!queries.length) throw new Error(`${file} holds no queries`);
  return queries.map((q, i) => {
    const enc = encodeURIComponent(q);
    if (i % 5 === 4) return `/?q=${enc}`;
    if (i % 5 === 1) return `/api/search?q=${enc}&kind=quotes`;
    if (i % 5 === 3) return `/api/search?q=${enc}&limit=20`;
    return `/api/search?q=${enc}`;
  });
}

/** Starts a bounded load run (loopback only); `stop()` ends it early, `done` gives the figures. */
export function startLoad(options: { baseURL: string; paths: string[]; connections: number; seconds: number }): { stop(): void; done: Promise<LoadSummary> } {
  const url = new URL(options.baseURL);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`load tests run on loopback only, not ${url.hostname}`);
  if (options.seconds > 300 || options.connections > 100) throw new Error('load run is bounded to 300 s and 100 connections');
  let next = 0;
  const instance = autocannon({
    url: options.baseURL,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: options.paths[next++ % options.paths.length] }) }],
  });
  const done = new Promise<AutocannonResult>((resolve, reject) => instance.then(resolve, reject)).then(
    (r): LoadSummary => ({
      seconds: r.duration,
      connections: options.connections,
      requests: r.requests.total,
      requestsPerSecond: Math.round(r.requests.average * 10) / 10,
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: Math.round(r.latency.mean) },
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
    }),
  );
  return { stop: () => instance.stop(), done };
}

export function formatLoad(label: string, s: LoadSummary): string {
  return `${label}: ${s.requests} requests in ${s.seconds.toFixed(1)} s over ${s.connections} connections = ${s.requestsPerSecond} req/s; latency p50 ${s.latencyMs.p50} ms, p90 ${s.latencyMs.p90} ms, p99 ${s.latencyMs.p99} ms, max ${s.latencyMs.max} ms; errors ${s.errors}, timeouts ${s.timeouts}, non-2xx ${s.non2xx}; status ${JSON.stringify(s.statusCodes)}`;
}
