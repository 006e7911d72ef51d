import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';

// A production Next.js server on loopback for the HTTP bench: built if needed, started as a child, always stopped.

export const HOST = '127.0.0.1';

/** The Next.js CLI as Node resolves it from the project (node_modules may sit in a parent folder). */
export function nextBin(root: string): string {
  return createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');
}

const BUILD_INPUTS = ['app', 'lib', 'instrumentation.ts', 'proxy.ts', 'middleware.ts', 'next.config.ts', 'package.json', 'postcss.config.mjs', 'tsconfig.json'];

/** The newest modification time (ms) among the files a production build is made from; tests and lib/bench excluded. */
export function newestSourceMtime(root: string): { mtimeMs: number; file: string } {
  let newest = { mtimeMs: 0, file: '' };
  const visit = (full: string, depth: number) => {
    if (!existsSync(full) || depth > 12) return;
    const st = statSync(full);
    if (st.isDirectory()) {
      // the bench's own code is never part of the app
      if (path.relative(root, full) === path.join('lib', 'bench')) return;
      for (const name of readdirSync(full)) visit(path.join(full, name), depth + 1);
    } else if (!/\.test\.tsx?$/.test(full) && st.mtimeMs > newest.mtimeMs) newest = { mtimeMs: st.mtimeMs, file: path.relative(root, full) };
  };
  for (const entry of BUILD_INPUTS) visit(path.join(root, entry), 0);
  return newest;
}

/** Makes sure .next holds a production build of the current sources (built when missing or older than a source file). */
export function ensureBuild(root: string, log: (line: string) => void, allowStale = false): { built: boolean; seconds: number; buildDate: string } {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (existsSync(buildId)) {
    const builtAt = statSync(buildId).mtimeMs;
    const newest = newestSourceMtime(root);
    if (allowStale || newest.mtimeMs <= builtAt) return { built: false, seconds: 0, buildDate: new Date(builtAt).toISOString() };
    log(`The production build is older than ${newest.file}: running next build…`);
  } else log('No production build (.next/BUILD_ID missing): running next build…');
  const started = performance.now();
  const r = spawnSync(process.execPath, [nextBin(root), 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  if (r.status !== 0)
    throw new Error(`next build failed (exit ${r.status ?? r.signal}):\n${r.stdout?.toString().slice(-2000)}${r.stderr?.toString().slice(-2000)}`);
  return { built: true, seconds: (performance.now() - started) / 1000, buildDate: statSync(buildId).mtime.toISOString() };
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface ProcStat {
  ppid: number;
  cpuTicks: number; // utime + stime, in USER_HZ (100 per second on Linux)
}

/** Every process's parent and CPU ticks, from /proc/<pid>/stat; empty where /proc is unavailable. */
function processTable(): Map<number, ProcStat> {
  const table = new Map<number, ProcStat>();
  if (!existsSync('/proc/self/stat')) return table;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { ppid: Number(f[1]), cpuTicks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  return table;
}

/** A process and all its descendants (next start may fork workers). */
function processTree(pid: number, table: Map<number, ProcStat>): number[] {
  const out: number[] = [];
  const stack = [pid];
  while (stack.length && out.length < 1000) {
    const p = stack.pop()!;
    if (!table.has(p)) continue;
    out.push(p);
    for (const [child, st] of table) if (st.ppid === p) stack.push(child);
  }
  return out;
}

/** Resident memory (MiB) of a process and its descendants; null where /proc is unavailable. */
export function treeRssMiB(pid: number): number | null {
  const tree = processTree(pid, processTable());
  if (!tree.length) return null;
  let kib = 0;
  for (const p of tree) {
    try {
      kib += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kib / 1024;
}

/** CPU time (ms, user + system) a process and its descendants have used so far; null where /proc is unavailable. */
export function treeCpuMs(pid: number): number | null {
  const table = processTable();
  const tree = processTree(pid, table);
  return tree.length ? tree.reduce((sum, p) => sum + table.get(p)!.cpuTicks, 0) * 10 : null;
}

export interface RunningServer {
  url: string;
  pid: number;
  startSeconds: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `next start` on a free loopback port with the given index and waits (bounded) until /api/health answers ok and warm. */
export async function startServer(root: string, dbPath: string, timeoutMs = 300_000, fixedPort?: number): Promise<RunningServer> {
  // a shared machine gives each user a port of their own: --port or BENCH_PORT, else any free one
  const envPort = Number(process.env.BENCH_PORT);
  const port = fixedPort ?? (Number.isInteger(envPort) && envPort > 0 ? envPort : await freePort());
  const url = `http://${HOST}:${port}`;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [nextBin(root), 'start', '-p', String(port), '-H', HOST], {
    cwd: root,
    env: { ...process.env, CORPUS_DB: dbPath, NODE_ENV: 'production', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  exited.then(() => process.removeListener('exit', onExit));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${out}`);
    let res: Response | null = null;
    try {
      res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
    } catch {
      // not listening yet
    }
    if (res) {
      const text = await res.text();
      if (!/json/.test(res.headers.get('content-type') ?? '')) {
        await stop();
        throw new Error(`/api/health answered ${res.status} ${res.headers.get('content-type')}, not JSON: is the production build older than app/api/health?`);
      }
      const health = JSON.parse(text) as { ok?: boolean; warm?: boolean };
      // healthy = serving the index and done with start-up warming (a build without the flag counts as warm)
      if (res.ok && health.ok && health.warm !== false)
        return { url, pid: child.pid!, startSeconds: (performance.now() - started) / 1000, output: () => out, stop };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`next start did not answer /api/health within ${timeoutMs / 1000} s:\n${out}`);
}
