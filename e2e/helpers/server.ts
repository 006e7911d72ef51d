import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = process.cwd();
export const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

/** A free loopback port: `preferred` when it is free (e.g. from an env variable), else one the OS picks. */
export async function freePort(preferred?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(null));
      srv.listen(port, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
  if (preferred) {
    const p = await tryListen(preferred);
    if (p) return p;
  }
  const p = await tryListen(0);
  if (!p) throw new Error('no free loopback port');
  return p;
}

export interface RunningServer {
  baseURL: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** everything the server printed so far */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `next start` (the build in .next) on loopback (or `host`) with its own index file, and waits until /api/health answers ok. */
export async function startNextServer(options: {
  db: string;
  port: number;
  timeoutMs?: number;
  env?: Record<string, string>;
  /** the address to bind (default loopback) */
  host?: string;
}): Promise<RunningServer> {
  const { db, port } = options;
  const host = options.host ?? '127.0.0.1';
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', host], {
    cwd: ROOT,
    env: { ...process.env, CORPUS_DB: db, PORT: String(port), NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const baseURL = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const server: RunningServer = {
    baseURL,
    port,
    pid: child.pid!,
    child,
    output: () => out,
    stop: () => stopProcess(child),
  };
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${out.slice(-2000)}`);
    try {
      const r = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(2000) });
      last = await r.text();
      if ((JSON.parse(last) as { ok: boolean }).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.stop();
  throw new Error(`next start on ${baseURL} did not become healthy in time (last /api/health: ${last.slice(0, 300)}):\n${out.slice(-2000)}`);
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. */
export function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Resident and peak memory of a process, in MB, from /proc (Linux). */
export function memoryOf(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMB: Math.round(kb('VmRSS') / 1024), peakMB: Math.round(kb('VmHWM') / 1024) };
}

export interface IngestRun {
  child: ChildProcess;
  output(): string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs the real ingest CLI (`scripts/ingest.ts`) in its own process group, so helpers it forks can
 * be cleaned up. It runs with tsx as an import hook in this one process (not the tsx launcher, which
 * would spawn the ingest as a child), so a SIGKILL to `child` hits the ingest itself.
 */
export function runIngest(args: { corpus?: string; db: string; model?: string; env?: Record<string, string> }): IngestRun {
  const argv = ['--import', 'tsx', 'scripts/ingest.ts', '--db', args.db, '--model', args.model ?? 'use-lite'];
  if (args.corpus) argv.push('--corpus', args.corpus);
  const child = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...args.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, done };
}

/** Kills what is left of a process group this test started (e.g. embedding helpers of a killed ingest). */
export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}
