import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { assertMode, assertTexts, DEFAULT_BATCH_SIZE, embedInBatches, EmbedderError, toUnitVector, type EmbedMode, type Embedder } from './embedder';

// Hugging Face ONNX sentence-embedding models run through transformers.js (onnxruntime-node, CPU).

export const HF_PREFIX = 'hf:';
export const DEFAULT_REMOTE_HOST = 'https://huggingface.co/';

export type Pooling = 'mean' | 'cls' | 'last_token';

export interface ModelProfile {
  pooling: Pooling;
  queryPrefix: string;
  passagePrefix: string;
}

export interface HuggingFaceOptions {
  cacheDir?: string;
  remoteHost?: string;
  allowRemote?: boolean;
  localModelPath?: string;
  batchSize?: number;
}

const BGE_EN_QUERY = 'Represent this sentence for searching relevant passages: ';

// Matched against the model's basename; first hit wins, so specific patterns precede general ones.
const KNOWN_MODELS: { pattern: RegExp; profile: ModelProfile }[] = [
  { pattern: /^bge-m3/i, profile: { pooling: 'cls', queryPrefix: '', passagePrefix: '' } },
  { pattern: /^bge-.*-zh/i, profile: { pooling: 'cls', queryPrefix: '为这个句子生成表示以用于检索相关文章：', passagePrefix: '' } },
  { pattern: /^bge-/i, profile: { pooling: 'cls', queryPrefix: BGE_EN_QUERY, passagePrefix: '' } },
  { pattern: /^snowflake-arctic-embed-.*v2/i, profile: { pooling: 'cls', queryPrefix: 'query: ', passagePrefix: '' } },
  { pattern: /^snowflake-arctic-embed/i, profile: { pooling: 'cls', queryPrefix: BGE_EN_QUERY, passagePrefix: '' } },
  { pattern: /^mxbai-embed-large/i, profile: { pooling: 'cls', queryPrefix: BGE_EN_QUERY, passagePrefix: '' } },
  { pattern: /^(multilingual-)?e5-/i, profile: { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' } },
  { pattern: /^nomic-embed-text/i, profile: { pooling: 'mean', queryPrefix: 'search_query: ', passagePrefix: 'search_document: ' } },
  { pattern: /^gte-(small|base|large)/i, profile: { pooling: 'mean', queryPrefix: '', passagePrefix: '' } },
  { pattern: /^(all-minilm|all-mpnet|paraphrase-|multi-qa-)/i, profile: { pooling: 'mean', queryPrefix: '', passagePrefix: '' } },
];

export function knownModelProfile(modelId: string): ModelProfile | undefined {
  const base =
    modelId
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? modelId;
  return KNOWN_MODELS.find((m) => m.pattern.test(base))?.profile;
}

// Walks up from cwd so scripts started in a subfolder still share <project>/.cache/models.
export function findProjectRoot(start: string = process.cwd()): string {
  let dir = path.resolve(/*turbopackIgnore: true*/ start);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(/*turbopackIgnore: true*/ start);
    dir = parent;
  }
}

export function defaultCacheDir(): string {
  return path.join(findProjectRoot(), '.cache', 'models');
}

function isPathLike(modelId: string): boolean {
  return path.isAbsolute(modelId) || modelId.startsWith('./') || modelId.startsWith('../') || modelId.startsWith('~');
}

// Mirrors transformers.js' own rule for what it will try to download (utils/hub/utils.js isValidHfModelId).
const HUB_ID = /^(\b[\w\-.]+\b\/)?\b[\w\-.]{1,96}\b$/;

export function isValidModelId(modelId: string): boolean {
  if (isPathLike(modelId)) return true;
  return HUB_ID.test(modelId) && !modelId.includes('..') && !modelId.includes('--');
}

function errorReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // undici hides the useful part (ENOTFOUND, ECONNREFUSED…) in `cause`.
  const cause = (err as { cause?: unknown }).cause;
  const causeText = cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : undefined;
  const message = err.message.replace(/\.+$/, '');
  return causeText && !message.includes(causeText) ? `${message}: ${causeText}` : message;
}

function isNotFoundError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ModelFileNotFoundError' || /could not locate file|not found locally/i.test(err.message));
}

interface ResolvedOptions {
  cacheDir: string;
  localModelPath: string;
  remoteHost: string;
  allowRemote: boolean;
}

function resolveOptions(opts: HuggingFaceOptions): ResolvedOptions {
  const cacheDir = path.resolve(opts.cacheDir ?? defaultCacheDir());
  const remoteHost = opts.remoteHost ?? DEFAULT_REMOTE_HOST;
  return {
    cacheDir,
    // Without an explicit folder, "local" means the cache so a copied-in model folder is found either way.
    localModelPath: path.resolve(opts.localModelPath ?? cacheDir),
    remoteHost: remoteHost.endsWith('/') ? remoteHost : `${remoteHost}/`,
    allowRemote: opts.allowRemote ?? true,
  };
}

// Where a model's files may already be on disk, in lookup order.
function localFolders(modelId: string, o: ResolvedOptions): string[] {
  if (isPathLike(modelId)) return [path.resolve(modelId)];
  return [path.join(o.cacheDir, modelId), path.join(o.localModelPath, modelId)];
}

function hasLocalCopy(modelId: string, o: ResolvedOptions): boolean {
  return localFolders(modelId, o).some((dir) => existsSync(path.join(dir, 'config.json')));
}

function poolingFromSentenceTransformers(json: Record<string, unknown>): Pooling | undefined {
  if (json.pooling_mode_cls_token === true) return 'cls';
  if (json.pooling_mode_lasttoken === true) return 'last_token';
  if (json.pooling_mode_mean_tokens === true) return 'mean';
  return undefined;
}

// sentence-transformers repos declare pooling in 1_Pooling/config.json; transformers.js ignores it, so we read it.
async function detectPooling(modelId: string, o: ResolvedOptions, downloadedNow: boolean): Promise<Pooling> {
  const rel = path.join('1_Pooling', 'config.json');
  for (const dir of localFolders(modelId, o)) {
    try {
      const found = poolingFromSentenceTransformers(JSON.parse(await readFile(path.join(dir, rel), 'utf8')));
      if (found) return found;
    } catch {
      // Missing or unreadable: try the next location.
    }
  }
  // Only ask the Hub while we are downloading anyway, so cached loads stay fully offline.
  if (!downloadedNow || !o.allowRemote || isPathLike(modelId)) return 'mean';
  try {
    const url = `${o.remoteHost}${modelId}/resolve/main/1_Pooling/config.json`;
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) return 'mean';
    const text = await res.text();
    const target = path.join(o.cacheDir, modelId, rel);
    await mkdir(path.dirname(target), { recursive: true });
    // Write-then-rename so a concurrent reader never sees half a file.
    await writeFile(`${target}.tmp.${process.pid}`, text);
    await rename(`${target}.tmp.${process.pid}`, target);
    return poolingFromSentenceTransformers(JSON.parse(text)) ?? 'mean';
  } catch {
    return 'mean';
  }
}

// transformers.js configures itself through one global `env`, so loads are serialised to keep settings from interleaving.
let loadQueue: Promise<unknown> = Promise.resolve();

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = loadQueue.then(task, task);
  loadQueue = run.catch(() => undefined);
  return run;
}

type Transformers = typeof import('@huggingface/transformers');

async function importTransformers(): Promise<Transformers> {
  try {
    return await import('@huggingface/transformers');
  } catch (err) {
    throw new EmbedderError(
      `Could not load @huggingface/transformers (${errorReason(err)}). Run \`npm install\` (onnxruntime-node must have its ` +
        'bin/napi-v6/<platform>/<arch> binary), or use --model use-lite.',
      { cause: err },
    );
  }
}

function describeLoadFailure(modelId: string, o: ResolvedOptions, err: unknown, hadLocalCopy: boolean): EmbedderError {
  const reason = errorReason(err);
  const copyHint = `Copy the model folder to ${path.join(o.cacheDir, modelId)}`;
  if (isPathLike(modelId)) {
    return new EmbedderError(
      `Could not load model from ${path.resolve(modelId)} (${reason}). The folder needs config.json, tokenizer.json, ` +
        'tokenizer_config.json and onnx/model.onnx, or use --model use-lite.',
      { cause: err },
    );
  }
  if (hadLocalCopy && !isNotFoundError(err)) {
    return new EmbedderError(
      `Model ${modelId} was found on disk but could not be loaded (${reason}). Delete ${path.join(o.cacheDir, modelId)} ` +
        'and download it again, or use --model use-lite.',
      { cause: err },
    );
  }
  if (!o.allowRemote) {
    return new EmbedderError(
      `Model ${modelId} is not in ${o.cacheDir} and downloads are disabled (${reason}). ${copyHint} ` +
        '(config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx), allow downloads, or use --model use-lite.',
      { cause: err },
    );
  }
  return new EmbedderError(
    `Model ${modelId} is not in ${o.cacheDir} and could not be downloaded from ${o.remoteHost} (${reason}). ` +
      `${copyHint} or run once with network access, or use --model use-lite.`,
    { cause: err },
  );
}

export class HuggingFaceEmbedder implements Embedder {
  readonly id: string;
  private disposed = false;

  constructor(
    readonly modelId: string,
    private readonly extractor: FeatureExtractionPipeline,
    readonly dimension: number,
    readonly profile: ModelProfile,
    private readonly batchSize: number = DEFAULT_BATCH_SIZE,
  ) {
    this.id = `${HF_PREFIX}${modelId}`;
  }

  get pooling(): Pooling {
    return this.profile.pooling;
  }

  // Exposed so callers and tests can see exactly what the model is fed.
  prepareTexts(texts: string[], mode: EmbedMode): string[] {
    const prefix = mode === 'query' ? this.profile.queryPrefix : this.profile.passagePrefix;
    return prefix ? texts.map((t) => prefix + t) : texts.slice();
  }

  async embed(texts: string[], mode: EmbedMode): Promise<Float32Array[]> {
    assertTexts(texts);
    assertMode(mode);
    if (this.disposed) throw new EmbedderError(`Embedder ${this.id} was disposed; call loadEmbedder() again.`);
    if (texts.length === 0) return [];
    return embedInBatches(this.prepareTexts(texts, mode), this.batchSize, (batch) => this.run(batch));
  }

  private async run(batch: string[]): Promise<Float32Array[]> {
    const output = await this.extractor(batch, { pooling: this.profile.pooling, normalize: true });
    try {
      const [rows, cols] = output.dims;
      if (rows !== batch.length || cols !== this.dimension) {
        throw new EmbedderError(`Model ${this.modelId} returned shape [${output.dims}], expected [${batch.length}, ${this.dimension}].`);
      }
      const data = output.data as Float32Array;
      return Array.from({ length: rows }, (_, i) => toUnitVector(data.subarray(i * cols, (i + 1) * cols), this.dimension, this.id));
    } finally {
      output.dispose();
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.extractor.dispose();
  }
}

export function loadHuggingFaceEmbedder(modelId: string, opts: HuggingFaceOptions = {}): Promise<HuggingFaceEmbedder> {
  if (!modelId || !isValidModelId(modelId)) {
    return Promise.reject(new EmbedderError(`"${modelId}" is not a valid Hugging Face model id. Use hf:<org>/<name>, e.g. hf:Xenova/bge-small-en-v1.5.`));
  }
  const o = resolveOptions(opts);
  return serialised(async () => {
    const { env, pipeline } = await importTransformers();
    env.cacheDir = o.cacheDir;
    env.useFSCache = true;
    env.useBrowserCache = false;
    env.allowLocalModels = true;
    env.localModelPath = o.localModelPath;
    env.allowRemoteModels = o.allowRemote;
    env.remoteHost = o.remoteHost;

    const hadLocalCopy = hasLocalCopy(modelId, o);
    let extractor: FeatureExtractionPipeline;
    try {
      // transformers.js treats non-Hub ids as paths relative to cwd; resolving makes that explicit.
      extractor = await pipeline('feature-extraction', isPathLike(modelId) ? path.resolve(modelId) : modelId, {
        device: 'cpu',
        cache_dir: o.cacheDir,
        local_files_only: !o.allowRemote,
      });
    } catch (err) {
      throw describeLoadFailure(modelId, o, err, hadLocalCopy);
    }

    try {
      const known = knownModelProfile(modelId);
      const profile = known ?? {
        pooling: await detectPooling(modelId, o, !hadLocalCopy),
        queryPrefix: '',
        passagePrefix: '',
      };
      // The hidden size is not reliably in config.json (e.g. projection heads), so ask the model itself.
      const probe = await extractor(['dimension probe'], { pooling: profile.pooling, normalize: true });
      const dimension = probe.dims[probe.dims.length - 1];
      probe.dispose();
      if (!Number.isInteger(dimension) || dimension < 1) {
        throw new EmbedderError(`Model ${modelId} produced an unusable embedding shape [${probe.dims}].`);
      }
      return new HuggingFaceEmbedder(modelId, extractor, dimension, profile, opts.batchSize);
    } catch (err) {
      await extractor.dispose().catch(() => undefined);
      if (err instanceof EmbedderError) throw err;
      throw new EmbedderError(
        `Model ${modelId} loaded but could not produce an embedding (${errorReason(err)}). ` +
          'It may not be a feature-extraction model; try another model or --model use-lite.',
        { cause: err },
      );
    }
  });
}
