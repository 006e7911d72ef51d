import { EmbedderError, type Embedder } from './embedder';
import { HF_PREFIX, loadHuggingFaceEmbedder } from './huggingface';
import { USE_LITE_ID, loadUseLiteEmbedder } from './use-lite';

// Entry point for the embedding layer: parse an --model spec and hand back a ready Embedder.

export { cosineSimilarity, EmbedderError, normalize, type EmbedMode, type Embedder } from './embedder';
export { defaultCacheDir, knownModelProfile, type ModelProfile, type Pooling } from './huggingface';

export const DEFAULT_EMBEDDER = USE_LITE_ID;

export interface LoadEmbedderOptions {
  cacheDir?: string; // where hf: models are cached; default <project>/.cache/models
  remoteHost?: string; // Hub mirror; default https://huggingface.co/
  allowRemote?: boolean; // false = never download, only use cache/local copies; default true
  localModelPath?: string; // extra folder holding <org>/<name>/ model copies
  batchSize?: number; // texts per forward pass; default 32
}

export type EmbedderSpec = { kind: 'use-lite' } | { kind: 'hf'; modelId: string };

const ACCEPTED = `"${USE_LITE_ID}" (bundled, offline) or "${HF_PREFIX}<model-id>" (e.g. ${HF_PREFIX}Xenova/bge-small-en-v1.5)`;

export function parseEmbedderSpec(spec: string): EmbedderSpec {
  const s = typeof spec === 'string' ? spec.trim() : '';
  if (s === USE_LITE_ID) return { kind: 'use-lite' };
  if (s.startsWith(HF_PREFIX) && s.length > HF_PREFIX.length) return { kind: 'hf', modelId: s.slice(HF_PREFIX.length) };
  throw new EmbedderError(`Unknown embedder "${String(spec)}". Use ${ACCEPTED}.`);
}

export async function loadEmbedder(spec: string = DEFAULT_EMBEDDER, opts: LoadEmbedderOptions = {}): Promise<Embedder> {
  const parsed = parseEmbedderSpec(spec);
  if (parsed.kind === 'use-lite') return loadUseLiteEmbedder({ batchSize: opts.batchSize });
  return loadHuggingFaceEmbedder(parsed.modelId, opts);
}
