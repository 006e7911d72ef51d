import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FloorRequest, LoadRequest, LoadResult, PollRequest } from './load-child';
import { type PageWeight, timedGet, weighPage } from './page-weight';
import { HOST, startServer, treeCpuMs, treeRssMiB } from './server';
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
  /** /api/health polled every 50 ms meanwhile, from a process of its own at normal priority. */
  health: LatencySummary;
  /** The noise floor meanwhile: a bare Node server's constant health answer, polled the same way at the same time. */
  floor: LatencySummary;
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
  /** /api/health with no search load, polled the same way: what the machine alone costs a health check. */
  healthIdle: LatencySummary;
  /** The noise floor at the same time: a bare Node server answering a constant health body, polled the same way. */
  floorIdle: LatencySummary;
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

/** Starts one helper process (lib/bench/load-child.ts) and sends it its task. */
function helper(): ChildProcess {
  const child = fork(fileURLToPath(new URL('./load-child.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  return child;
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`bench helper exited with ${code} before answering`));
    child.once('exit', onExit);
    child.once('message', (m) => {
      child.removeListener('exit', onExit);
      resolve(m as T);
    });
  });
}

/** Polls a URL every `everyMs` from a process of its own until stopped, recording each answer's latency. */
async function poll(url: string, everyMs = 50): Promise<{ stop: () => Promise<number[]> }> {
  const child = helper();
  const ready = nextMessage<string>(child);
  child.send({ role: 'poll', url, everyMs } satisfies PollRequest);
  await ready;
  return {
    stop: async () => {
      const samples = nextMessage<number[]>(child);
      child.send('stop');
      return samples;
    },
  };
}

/** The noise-floor server (a bare Node server in a process of its own): its URL, and how to stop it. */
async function startFloor(): Promise<{ url: string; stop: () => void }> {
  const child = helper();
  const port = nextMessage<number>(child);
  child.send({ role: 'floor', host: HOST } satisfies FloorRequest);
  return { url: `http://${HOST}:${await port}/`, stop: () => child.send('stop') };
}

/** /api/health and the noise floor polled side by side until stopped. */
async function pollHealthAndFloor(url: string, floorUrl: string): Promise<{ stop: () => Promise<{ health: number[]; floor: number[] }> }> {
  const [health, floor] = await Promise.all([poll(`${url}/api/health`), poll(floorUrl)]);
  return { stop: async () => ({ health: await health.stop(), floor: await floor.stop() }) };
}

/** Load generator priority: BENCH_LOAD_NICE (0 to 19), else 5. */
function loadNice(): number {
  const env = process.env.BENCH_LOAD_NICE;
  return env !== undefined && /^\d+$/.test(env) ? Math.min(19, Number(env)) : 5;
}

async function load(url: string, floorUrl: string, pid: number, queries: string[], o: HttpBenchOptions): Promise<LoadRun> {
  const cpuBefore = treeCpuMs(pid);
  const polls = await pollHealthAndFloor(url, floorUrl);
  const generator = helper();
  const answer = nextMessage<LoadResult | { error: string }>(generator);
  generator.send({
    role: 'load',
    url,
    paths: queries.map(searchPath),
    connections: o.connections,
    durationSeconds: o.durationSeconds,
    maxRequests: Math.min(o.maxRequests, queries.length),
    nice: loadNice(),
  } satisfies LoadRequest);
  const result = await answer;
  const samples = await polls.stop();
  if ('error' in result) throw new Error(`load generator failed: ${result.error}`);
  const latencies = result.latencies;
  const cpuAfter = treeCpuMs(pid);
  const total = latencies.length;
  return {
    connections: o.connections,
    requests: total,
    seconds: result.seconds,
    requestsPerSecond: total / result.seconds,
    latency: summarise(latencies),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    health: summarise(samples.health),
    floor: summarise(samples.floor),
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
  const floor = await startFloor();
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
    const idle = await pollHealthAndFloor(server.url, floor.url);
    await new Promise((r) => setTimeout(r, 5000));
    const idleSamples = await idle.stop();
    const cold = await load(server.url, floor.url, server.pid, loadQueries, o);
    const warm = await load(server.url, floor.url, server.pid, seqQueries.slice(1, 11), o);
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
      healthIdle: summarise(idleSamples.health),
      floorIdle: summarise(idleSamples.floor),
      cold,
      warm,
      pages,
      rssBeforeMiB,
      rssAfterMiB,
    };
  } finally {
    floor.stop();
    await server.stop();
  }
}
