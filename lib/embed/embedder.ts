// Shared contract for every embedding backend; the search index records `id` and `dimension` to detect mismatches.

export type EmbedMode = 'query' | 'passage';

export interface Embedder {
  readonly id: string; // e.g. 'use-lite' or 'hf:Xenova/bge-small-en-v1.5' — recorded in the index
  readonly dimension: number;
  embed(texts: string[], mode: EmbedMode): Promise<Float32Array[]>; // L2-normalised vectors, finite
  dispose?(): Promise<void>;
}

// Messages are written for the person running the CLI: they say what went wrong and what to do next.
export class EmbedderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmbedderError';
  }
}

export const DEFAULT_BATCH_SIZE = 32;

// Returns a unit-length copy; a zero vector stays zero because it has no direction to keep.
export function normalize(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  let sum = 0;
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (!Number.isFinite(v)) throw new EmbedderError(`Cannot normalise a vector containing ${v} at index ${i}.`);
    sum += v * v;
  }
  const norm = Math.sqrt(sum);
  if (norm === 0) return out;
  for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}

// Stricter variant for model output: a zero or wrong-sized vector would silently poison cosine search.
export function toUnitVector(vector: ArrayLike<number>, dimension: number, embedderId: string): Float32Array {
  if (vector.length !== dimension) {
    throw new EmbedderError(`Embedder ${embedderId} returned a ${vector.length}-d vector, expected ${dimension}.`);
  }
  const out = normalize(vector);
  if (out.every((v) => v === 0)) {
    throw new EmbedderError(`Embedder ${embedderId} returned an all-zero vector; the input text may be unsupported.`);
  }
  return out;
}

// Splits work into fixed-size batches so peak memory stays bounded for large corpora.
export async function embedInBatches(texts: string[], batchSize: number, embedBatch: (batch: string[]) => Promise<Float32Array[]>): Promise<Float32Array[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new EmbedderError(`Batch size must be a positive integer, got ${batchSize}.`);
  }
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += batchSize) {
    const batch = texts.slice(i, i + batchSize);
    const vectors = await embedBatch(batch);
    if (vectors.length !== batch.length) {
      throw new EmbedderError(`Embedding backend returned ${vectors.length} vectors for ${batch.length} texts.`);
    }
    out.push(...vectors);
  }
  return out;
}

export function assertTexts(texts: unknown): asserts texts is string[] {
  if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) {
    throw new EmbedderError('embed() expects an array of strings.');
  }
}

export function assertMode(mode: unknown): asserts mode is EmbedMode {
  if (mode !== 'query' && mode !== 'passage') {
    throw new EmbedderError(`embed() mode must be 'query' or 'passage', got ${JSON.stringify(mode)}.`);
  }
}

export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new EmbedderError(`Cannot compare vectors of length ${a.length} and ${b.length}.`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
