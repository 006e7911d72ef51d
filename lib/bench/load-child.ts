import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setPriority } from 'node:os';
import autocannon from 'autocannon';

// The bench's helpers in processes of their own, so none shares an event loop or a priority with another or with the
// bench: `poll` asks a URL (/api/health) every 50 ms at normal priority; `load` runs autocannon at a lower priority (a client
// on another machine would not take the server's core); `floor` serves a constant health answer from a bare Node server, the
// machine's noise floor for a health check. Each answers one IPC message; poll and load then exit, floor when told to.

export interface LoadRequest {
  role: 'load';
  url: string;
  paths: string[];
  connections: number;
  durationSeconds: number;
  maxRequests: number;
  nice: number;
}

export interface PollRequest {
  role: 'poll';
  /** The whole address to ask. */
  url: string;
  everyMs: number;
}

export interface FloorRequest {
  role: 'floor';
  host: string;
}

export interface LoadResult {
  latencies: number[];
  seconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function runLoad(r: LoadRequest): Promise<LoadResult> {
  try {
    if (r.nice > 0) setPriority(r.nice);
  } catch {
    // not allowed here: the figures say what priority was asked for, and the run goes on
  }
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: r.url,
    connections: r.connections,
    duration: r.durationSeconds,
    maxOverallRequests: r.maxRequests,
    timeout: 20,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: r.paths[next++ % r.paths.length] }) }],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  // autocannon ends on its own at the duration or the request cap; this only guards against a hung run
  const guard = setTimeout(() => instance.stop(), (r.durationSeconds + 25) * 1000);
  const result = await instance;
  clearTimeout(guard);
  return { latencies, seconds: result.duration, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx };
}

/** Polls until the parent says stop (or goes away), then hands back every latency; a failed check counts as 10 s. */
function runPoll(r: PollRequest): void {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      try {
        const res = await fetch(r.url, { signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        samples.push(performance.now() - t);
      } catch {
        samples.push(10_000);
      }
      await new Promise((done) => setTimeout(done, r.everyMs));
    }
  })();
  process.once('message', async () => {
    running = false;
    await loop;
    process.send!(samples, () => process.exit(0));
  });
}

/** A bare Node HTTP server answering a small constant JSON body, as cheap as a health check can be; its port goes to the parent. */
function runFloor(r: FloorRequest): void {
  const body = JSON.stringify({ ok: true, warm: true, index: { documents: 4, speakers: 19, quotes: 68, chunks: 212 } });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.listen(0, r.host, () => process.send!((server.address() as AddressInfo).port));
  process.once('message', () => server.close(() => process.exit(0)));
}

process.on('disconnect', () => process.exit(0));
process.once('message', (r: LoadRequest | PollRequest | FloorRequest) => {
  if (r.role === 'poll') {
    runPoll(r);
    process.send!('polling');
  } else if (r.role === 'floor') runFloor(r);
  else
    runLoad(r).then(
      (result) => process.send!(result, () => process.exit(0)),
      (e: Error) => process.send!({ error: e.message }, () => process.exit(1)),
    );
});
