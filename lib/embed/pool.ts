import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { EmbedderError, type EmbedMode, type Embedder } from './embedder';
import { findProjectRoot } from './huggingface';
import type { LoadEmbedderOptions } from './index';

/** Threads of a pool: EMBED_THREADS, else one per core (the model uses one core per call). */
export function poolSize(): number {
  const env = process.env.EMBED_THREADS;
  if (env !== undefined && /^\d+$/.test(env) && Number(env) > 0) return Math.min(Number(env), 32);
  return Math.max(1, availableParallelism());
}

/**
 * Nice value for the model threads: EMBED_NICE (0 to 19), else 10. Lower priority than the event loop, so on a busy core
 * the thread that answers requests (health checks, our part of each search) runs first and the model takes what is left.
 */
export function threadNice(): number {
  const env = process.env.EMBED_NICE;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(Number(env), 19);
  return 10;
}

interface Job {
  id: number;
  texts: string[];
  mode: EmbedMode;
  resolve: (v: Float32Array[]) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Job | null;
  /** The thread's Linux thread id (null elsewhere), to check its priority. */
  tid: number | null;
}

/** The worker bootstrap, found from the project root (bundled server code has no stable path of its own). */
function workerFile(): string {
  return path.join(/*turbopackIgnore: true*/ findProjectRoot(), 'lib', 'embed', 'embed-worker.mjs');
}

/**
 * The embedding model in a pool of worker threads, one model instance each, so concurrent searches embed in parallel and
 * the event loop never runs the model. Requests queue in order and go to the first idle thread. A thread that dies fails
 * its request and is replaced.
 */
export class EmbedderPool implements Embedder {
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;

  private constructor(
    readonly id: string,
    readonly dimension: number,
    private readonly slots: Slot[],
    private readonly spawn: () => Promise<{ worker: Worker; id: string; dimension: number; tid: number | null }>,
  ) {
    for (const slot of slots) this.attach(slot);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Linux thread ids of the model threads (empty where the platform has none to give). */
  get threadIds(): number[] {
    return this.slots.flatMap((s) => (s.tid === null ? [] : [s.tid]));
  }

  /** Starts `size` threads with the model of `spec`; rejects when the first cannot load it. */
  static async start(spec: string, size: number = poolSize(), options: LoadEmbedderOptions = {}, nice: number = threadNice()): Promise<EmbedderPool> {
    const spawn = () =>
      new Promise<{ worker: Worker; id: string; dimension: number; tid: number | null }>((resolve, reject) => {
        const worker = new Worker(workerFile(), { workerData: { spec, options, nice } });
        const fail = (e: Error) => {
          void worker.terminate();
          reject(e instanceof EmbedderError ? e : new EmbedderError(`embedding thread could not load ${spec}: ${e.message}`, { cause: e }));
        };
        worker.once('error', fail);
        worker.once('exit', (code) => fail(new Error(`exited with ${code}`)));
        worker.once('message', (m: { type: string; id?: string; dimension?: number; tid?: number | null; error?: string }) => {
          worker.removeAllListeners('error');
          worker.removeAllListeners('exit');
          if (m.type === 'ready') resolve({ worker, id: m.id!, dimension: m.dimension!, tid: m.tid ?? null });
          else fail(new Error(m.error ?? 'unknown error'));
        });
      });
    const started = await Promise.allSettled(Array.from({ length: Math.max(1, size) }, spawn));
    const ok = started.filter((s): s is PromiseFulfilledResult<Awaited<ReturnType<typeof spawn>>> => s.status === 'fulfilled').map((s) => s.value);
    if (!ok.length) throw (started[0] as PromiseRejectedResult).reason;
    return new EmbedderPool(
      ok[0].id,
      ok[0].dimension,
      ok.map((s) => ({ worker: s.worker, busy: null, tid: s.tid })),
      spawn,
    );
  }

  private attach(slot: Slot): void {
    slot.worker.on('message', (m: { type: string; id: number; vectors?: Float32Array[]; error?: string }) => {
      if (m.type !== 'done' || !slot.busy || slot.busy.id !== m.id) return;
      const job = slot.busy;
      slot.busy = null;
      if (m.error) job.reject(new EmbedderError(m.error));
      else job.resolve(m.vectors!);
      this.pump();
    });
    slot.worker.on('error', () => undefined);
    slot.worker.once('exit', () => {
      const job = slot.busy;
      slot.busy = null;
      job?.reject(new EmbedderError('the embedding thread stopped while embedding'));
      if (this.disposed) return;
      // replace the thread; until then the others serve the queue
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
      this.spawn().then(
        ({ worker, tid }) => {
          if (this.disposed) return void worker.terminate();
          const fresh = { worker, busy: null, tid };
          this.slots.push(fresh);
          this.attach(fresh);
          this.pump();
        },
        () => undefined,
      );
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.busy) continue;
      const job = this.queue.shift()!;
      slot.busy = job;
      slot.worker.postMessage({ id: job.id, texts: job.texts, mode: job.mode });
    }
  }

  embed(texts: string[], mode: EmbedMode): Promise<Float32Array[]> {
    if (this.disposed) return Promise.reject(new EmbedderError('This embedding pool was disposed; start another.'));
    if (!texts.length) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, texts, mode, resolve, reject });
      this.pump();
    });
  }

  /** Runs the same texts once in every thread (a model's first call at a new input size is slow in each instance). */
  async warm(texts: string[]): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        for (const t of texts) {
          await new Promise<void>((resolve) => {
            const job: Job = { id: this.nextId++, texts: [t], mode: 'query', resolve: () => resolve(), reject: () => resolve() };
            const send = () => {
              if (slot.busy) return void setTimeout(send, 5);
              slot.busy = job;
              slot.worker.postMessage({ id: job.id, texts: job.texts, mode: job.mode });
            };
            send();
          });
        }
      }),
    );
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.reject(new EmbedderError('The embedding pool was disposed.'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
