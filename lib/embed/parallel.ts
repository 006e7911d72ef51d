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

/** The largest batch handed to a process: progress moves and memory in flight stays bounded (a batch is ~0.5 MB of vectors). */
export const EMBED_BATCH = 256;
/** The smallest: the last batches shrink to this, so no process sits idle long while another finishes. */
export const EMBED_MIN_BATCH = 16;
/** Passages per model call in this process (as before; 4 per call ran at the same rate warm, but a cold model pays once per new input shape). */
const LOCAL_SLICE = 16;
/** Below this many passages a helper's model load costs more than it saves. */
export const PARALLEL_MIN_TEXTS = 48;

/** Vectors cross the IPC channel as one base64 string of float32s (JSON number arrays cost the parent more than the model). */
export function packVectors(vectors: Float32Array[]): string {
  const out = Buffer.alloc(vectors.reduce((n, v) => n + v.byteLength, 0));
  let at = 0;
  for (const v of vectors) {
    out.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), at);
    at += v.byteLength;
  }
  return out.toString('base64');
}

export function unpackVectors(packed: string, count: number): Float32Array[] {
  const bytes = Buffer.from(packed, 'base64');
  if (!count) return [];
  const dim = bytes.byteLength / 4 / count;
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return Array.from({ length: count }, (_, i) => all.subarray(i * dim, (i + 1) * dim));
}

/** A child process with the model loaded once (asked for as soon as it starts), embedding one batch at a time. */
class EmbedChild {
  private readonly child: ChildProcess;
  private stderr = '';
  private pending: { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void; count: number } | null = null;
  /** Resolves when the model is loaded, with the seconds it took from the fork. */
  readonly ready: Promise<number>;

  constructor(private readonly spec: string) {
    const started = performance.now();
    this.child = fork(fileURLToPath(new URL('./embed-child.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (d) => {
      this.stderr = (this.stderr + String(d)).slice(-2000);
    });
    this.child.on('message', (m: { ok: boolean; vectors?: string; error?: string }) => {
      const p = this.pending;
      this.pending = null;
      if (!p) return;
      if (m.ok) p.resolve(unpackVectors(m.vectors ?? '', p.count));
      else p.reject(new Error(m.error));
    });
    this.child.on('error', (e) => this.fail(e));
    this.child.on('exit', (code) => this.fail(new Error(`embedding process exited with ${code}: ${this.stderr.slice(-500)}`)));
    // an empty request loads the model: it starts now, while the caller reads and parses
    this.ready = this.request(spec, []).then(() => (performance.now() - started) / 1000);
    this.ready.catch(() => undefined);
  }

  private fail(e: Error): void {
    const p = this.pending;
    this.pending = null;
    p?.reject(e);
  }

  private request(spec: string, texts: string[]): Promise<Float32Array[]> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null || !this.child.connected) return reject(new Error('embedding process is gone'));
      this.pending = { resolve, reject, count: texts.length };
      this.child.send({ spec, texts });
    });
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    await this.ready;
    return this.request(this.spec, texts);
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

/**
 * Extra processes running the same model as `embedder`, started early so their model loads overlap whatever the caller
 * does before it has passages (reading and parsing a corpus). Stop them when done; unused ones cost only their load.
 */
export class EmbedHelpers {
  private readonly children: EmbedChild[];
  private stopped = false;

  constructor(
    readonly spec: string,
    count: number = extraEmbedWorkers(),
  ) {
    this.children = Array.from({ length: count }, () => new EmbedChild(spec));
  }

  get size(): number {
    return this.children.length;
  }

  /** Seconds from fork to loaded model, per helper (NaN for one that failed); waits for every load. */
  loadSeconds(): Promise<number[]> {
    return Promise.all(this.children.map((c) => c.ready.catch(() => Number.NaN)));
  }

  /** Takes the helpers for one run of work; each is used by one loop at a time. */
  take(): EmbedChild[] {
    return this.stopped ? [] : this.children;
  }

  stop(): void {
    this.stopped = true;
    for (const c of this.children) c.stop();
  }
}

export interface EmbedBatchesOptions {
  /** Helpers started beforehand (their loads overlapped); without, they are started here when the input is large. */
  helpers?: EmbedHelpers;
  onProgress?: (done: number, total: number) => void;
  /** This thread embeds only once this settles (it has other work first); the helpers start at once. */
  localStart?: Promise<void>;
  /** Once aborted, no batch is begun (those under way finish). */
  signal?: AbortSignal;
}

/**
 * Embeds passages with the loaded model here and in extra processes running the same model (it uses one core each),
 * handing each finished batch to `onBatch` (start index, vectors) as it comes, so a caller can write it out and let it go.
 * Batches go to whichever process is free and shrink towards the end (a share of what is left, down to EMBED_MIN_BATCH),
 * so every core stays busy until the last passage; a process that fails leaves its batch, and the rest, to this one.
 */
export async function embedPassageBatches(
  embedder: Embedder,
  texts: string[],
  onBatch: (start: number, vectors: Float32Array[]) => void,
  options: EmbedBatchesOptions = {},
): Promise<void> {
  const own = !options.helpers && texts.length >= PARALLEL_MIN_TEXTS ? new EmbedHelpers(embedder.id) : null;
  const helpers = options.helpers ?? own;
  const children = texts.length ? (helpers?.take() ?? []) : [];
  const processes = children.length + 1;
  let next = 0;
  const retry: { start: number; end: number }[] = [];
  let done = 0;
  const take = (): { start: number; end: number } | null => {
    if (options.signal?.aborted) return null;
    if (retry.length) return retry.shift()!;
    if (next >= texts.length) return null;
    const size = Math.max(EMBED_MIN_BATCH, Math.min(EMBED_BATCH, Math.ceil((texts.length - next) / (2 * processes))));
    const start = next;
    next = Math.min(texts.length, next + size);
    return { start, end: next };
  };
  const finished = (start: number, vectors: Float32Array[]) => {
    onBatch(start, vectors);
    done += vectors.length;
    options.onProgress?.(done, texts.length);
  };
  const local = async () => {
    await options.localStart;
    for (let b = take(); b; b = take()) {
      const vectors: Float32Array[] = [];
      for (let i = b.start; i < b.end; i += LOCAL_SLICE) {
        vectors.push(...(await embedder.embed(texts.slice(i, Math.min(b.end, i + LOCAL_SLICE)), 'passage')));
        // the model holds this thread while it runs: a turn of the event loop lets a helper that finished hand in its
        // batch and take the next, instead of idling until this batch is done
        await new Promise((r) => setImmediate(r));
      }
      finished(b.start, vectors);
    }
  };
  const remote = async (child: EmbedChild) => {
    for (let b = take(); b; b = take()) {
      try {
        finished(b.start, await child.embed(texts.slice(b.start, b.end)));
      } catch {
        // this process failed: its batch goes back to the queue for the others, and it takes no more
        retry.push(b);
        return;
      }
    }
  };
  try {
    await Promise.all([local(), ...children.map(remote)]);
    // a batch put back after the local loop ended
    await local();
  } finally {
    own?.stop();
  }
}

/** Every passage's vector, in order (see embedPassageBatches); progress is reported as batches finish. */
export async function embedPassages(
  embedder: Embedder,
  texts: string[],
  onProgress?: (done: number, total: number) => void,
  helpers?: EmbedHelpers,
): Promise<Float32Array[]> {
  const out: Float32Array[] = new Array(texts.length);
  await embedPassageBatches(
    embedder,
    texts,
    (start, vectors) => {
      vectors.forEach((v, i) => {
        out[start + i] = v;
      });
    },
    { helpers, onProgress },
  );
  return out;
}
