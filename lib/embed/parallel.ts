import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Embedder } from './embedder';

/** How many extra processes to use: EMBED_WORKERS, else one per spare core (the model runs on one core). */
export function extraEmbedWorkers(): number {
  const env = process.env.EMBED_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.max(0, Math.min(availableParallelism() - 1, 3));
}

/** Passages per batch handed to a process: progress moves and memory in flight stays bounded (a batch is ~1 MB of vectors). */
export const EMBED_BATCH = 512;

/** A child process with the model loaded once, embedding one batch at a time. */
class EmbedChild {
  private readonly child: ChildProcess;
  private stderr = '';
  private pending: { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void } | null = null;

  constructor() {
    this.child = fork(fileURLToPath(new URL('./embed-child.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (d) => {
      this.stderr = (this.stderr + String(d)).slice(-2000);
    });
    this.child.on('message', (m: { ok: boolean; vectors?: number[][]; error?: string }) => {
      const p = this.pending;
      this.pending = null;
      if (m.ok) p?.resolve(m.vectors!.map((v) => Float32Array.from(v)));
      else p?.reject(new Error(m.error));
    });
    this.child.on('error', (e) => this.fail(e));
    this.child.on('exit', (code) => this.fail(new Error(`embedding process exited with ${code}: ${this.stderr.slice(-500)}`)));
  }

  private fail(e: Error): void {
    const p = this.pending;
    this.pending = null;
    p?.reject(e);
  }

  embed(spec: string, texts: string[]): Promise<Float32Array[]> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null || !this.child.connected) return reject(new Error('embedding process is gone'));
      this.pending = { resolve, reject };
      this.child.send({ spec, texts });
    });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

/**
 * Embeds passages with the loaded model here and, for large inputs, in extra processes running the same model (it uses
 * one core each). Work goes out in batches of EMBED_BATCH to whichever process is free, so progress is reported as it
 * happens and no process holds more than a batch; a process that fails leaves its batch, and the rest, to this one.
 */
export async function embedPassages(embedder: Embedder, texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
  const workers = texts.length >= 48 ? extraEmbedWorkers() : 0;
  // small inputs still split evenly, so every process has a share
  const batch = Math.max(16, Math.min(EMBED_BATCH, Math.ceil(texts.length / (workers + 1))));
  const batches: number[] = [];
  for (let start = 0; start < texts.length; start += batch) batches.push(start);
  const out: Float32Array[] = new Array(texts.length);
  let done = 0;
  let next = 0;
  const finished = (start: number, vectors: Float32Array[]) => {
    vectors.forEach((v, i) => {
      out[start + i] = v;
    });
    done += vectors.length;
    onProgress?.(done, texts.length);
  };
  const local = async () => {
    while (next < batches.length) {
      const start = batches[next++];
      const slice = texts.slice(start, start + batch);
      const vectors: Float32Array[] = [];
      for (let i = 0; i < slice.length; i += 16) vectors.push(...(await embedder.embed(slice.slice(i, i + 16), 'passage')));
      finished(start, vectors);
    }
  };
  const remote = async () => {
    const child = new EmbedChild();
    try {
      while (next < batches.length) {
        const start = batches[next++];
        try {
          finished(start, await child.embed(embedder.id, texts.slice(start, start + batch)));
        } catch {
          // this process failed: its batch goes back to the queue for the others, and it takes no more
          batches.push(start);
          return;
        }
      }
    } finally {
      child.stop();
    }
  };
  await Promise.all([local(), ...Array.from({ length: workers }, remote)]);
  // a batch put back after the local loop ended
  await local();
  return out;
}
