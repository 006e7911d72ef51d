import { setPriority } from 'node:os';
import autocannon from 'autocannon';

// The bench's helpers in processes of their own, so neither shares an event loop or a priority with the other or with the
// bench: `poll` asks /api/health every 50 ms at normal priority; `load` runs autocannon at a lower priority (a client on
// another machine would not take the server's core). Each answers one IPC message and exits.

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
  url: string;
  everyMs: number;
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
        const res = await fetch(`${r.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
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

process.on('disconnect', () => process.exit(0));
process.once('message', (r: LoadRequest | PollRequest) => {
  if (r.role === 'poll') {
    runPoll(r);
    process.send!('polling');
  } else
    runLoad(r).then(
      (result) => process.send!(result, () => process.exit(0)),
      (e: Error) => process.send!({ error: e.message }, () => process.exit(1)),
    );
});
