import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarity, EmbedderError, type Embedder } from './embedder';
import { startFakeHub, type FakeHub } from './fixtures/hub-server';
import { buildTinyBertFiles, writeFiles } from './fixtures/tiny-bert';
import type { HuggingFaceEmbedder } from './huggingface';
import { loadEmbedder } from './index';

// Exercises the real transformers.js + onnxruntime-node path against a local fake Hub serving a tiny BERT-shaped ONNX model.

const BGE_ID = 'test/bge-tiny';
const ST_ID = 'test/tiny-encoder'; // unknown name, declares CLS pooling in 1_Pooling/config.json
const PLAIN_ID = 'test/tiny-plain'; // unknown name, no pooling config -> mean
const BGE_QUERY = 'Represent this sentence for searching relevant passages: ';

let hub: FakeHub;
let cacheDir: string;
let bge: HuggingFaceEmbedder;
const toDispose: Embedder[] = [];

function expectUnitAndFinite(v: Float32Array, dimension: number) {
  expect(v.length).toBe(dimension);
  expect(v.every(Number.isFinite)).toBe(true);
  expect(Math.sqrt(v.reduce((s, x) => s + x * x, 0))).toBeCloseTo(1, 5);
}

async function load(spec: string, opts: Parameters<typeof loadEmbedder>[1] = {}) {
  const e = await loadEmbedder(spec, { cacheDir, remoteHost: hub.url, ...opts });
  toDispose.push(e);
  return e;
}

// A port that was just free, so connecting to it is refused quickly.
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

beforeAll(async () => {
  hub = await startFakeHub({
    [BGE_ID]: buildTinyBertFiles({ seed: 1 }),
    [ST_ID]: buildTinyBertFiles({ seed: 2, pooling: 'cls', hiddenSize: 24 }),
    [PLAIN_ID]: buildTinyBertFiles({ seed: 3 }),
  });
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'embed-hf-cache-'));
});

afterAll(async () => {
  for (const e of toDispose) await e.dispose?.();
  await hub?.close();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

describe('Hugging Face embedder via a local fake Hub', () => {
  it('downloads on first load and stores the files in the cache dir', async () => {
    bge = (await load(`hf:${BGE_ID}`)) as HuggingFaceEmbedder;
    expect(bge.id).toBe(`hf:${BGE_ID}`);
    expect(bge.dimension).toBe(16);
    expect(bge.pooling).toBe('cls');
    expect(hub.requests).toContain(`/${BGE_ID}/resolve/main/config.json`);
    expect(hub.requests).toContain(`/${BGE_ID}/resolve/main/onnx/model.onnx`);
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']) {
      expect(existsSync(path.join(cacheDir, BGE_ID, file)), file).toBe(true);
    }
  });

  it('returns normalised, finite vectors of the detected dimension, deterministically', async () => {
    const texts = ['sanctions against china', 'the cat likes tuna', 'trade tariffs and inflation'];
    const first = await bge.embed(texts, 'passage');
    const second = await bge.embed(texts, 'passage');
    expect(first).toHaveLength(3);
    first.forEach((v) => expectUnitAndFinite(v, 16));
    expect(second.map((v) => Array.from(v))).toEqual(first.map((v) => Array.from(v)));
    expect(cosineSimilarity(first[0], first[1])).toBeLessThan(0.999); // different texts, different vectors
    await expect(bge.embed([], 'query')).resolves.toEqual([]);
  });

  it('batches large inputs without changing results', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => (i % 2 ? 'experts say trade war' : `the dog likes tuna ${i}`));
    const all = await bge.embed(texts, 'passage');
    const [alone] = await bge.embed([texts[65]], 'passage');
    expect(all).toHaveLength(70);
    expect(cosineSimilarity(all[65], alone)).toBeGreaterThan(0.9999);
  });

  it('adds the bge instruction prefix in query mode only', async () => {
    expect(bge.prepareTexts(['sanctions against china'], 'query')).toEqual([`${BGE_QUERY}sanctions against china`]);
    expect(bge.prepareTexts(['sanctions against china'], 'passage')).toEqual(['sanctions against china']);
    const [query] = await bge.embed(['sanctions against china'], 'query');
    const [passage] = await bge.embed(['sanctions against china'], 'passage');
    const [prefixedPassage] = await bge.embed([`${BGE_QUERY}sanctions against china`], 'passage');
    expect(cosineSimilarity(query, passage)).toBeLessThan(0.999);
    expect(cosineSimilarity(query, prefixedPassage)).toBeGreaterThan(0.9999);
  });

  it('loads from cache with downloads disabled and makes zero requests', async () => {
    const before = hub.requests.length;
    const cached = await load(`hf:${BGE_ID}`, { allowRemote: false });
    const [a] = await cached.embed(['experts say'], 'passage');
    const [b] = await bge.embed(['experts say'], 'passage');
    expect(hub.requests.length).toBe(before);
    expect(cached.dimension).toBe(16);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('loads from cache in a fresh process (no in-memory state) without contacting the Hub', async () => {
    const before = hub.requests.length;
    const indexUrl = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'index.ts')).href;
    const script = `
      const { loadEmbedder } = await import(${JSON.stringify(indexUrl)});
      const e = await loadEmbedder(${JSON.stringify(`hf:${BGE_ID}`)}, { cacheDir: ${JSON.stringify(cacheDir)}, remoteHost: ${JSON.stringify(hub.url)} });
      const [v] = await e.embed(['experts say'], 'passage');
      console.log(JSON.stringify({ id: e.id, dimension: e.dimension, v: Array.from(v) }));
      await e.dispose();
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
      timeout: 30_000,
    });
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    const [expected] = await bge.embed(['experts say'], 'passage');
    expect(result.id).toBe(`hf:${BGE_ID}`);
    expect(result.dimension).toBe(16);
    expect(cosineSimilarity(Float32Array.from(result.v), expected)).toBeGreaterThan(0.9999);
    expect(hub.requests.length).toBe(before); // remote was allowed, but a cached model needs no network
  });

  it('uses the pooling declared in 1_Pooling/config.json for unknown models, else mean', async () => {
    const st = (await load(`hf:${ST_ID}`)) as HuggingFaceEmbedder;
    expect(st.pooling).toBe('cls');
    expect(st.dimension).toBe(24);
    expect(st.prepareTexts(['x'], 'query')).toEqual(['x']); // no prefix for unknown models
    expect(existsSync(path.join(cacheDir, ST_ID, '1_Pooling', 'config.json'))).toBe(true);

    const plain = (await load(`hf:${PLAIN_ID}`)) as HuggingFaceEmbedder;
    expect(plain.pooling).toBe('mean');
    const [v] = await plain.embed(['climate change'], 'query');
    expectUnitAndFinite(v, 16);
  });

  it('reads a model from localModelPath without any download', async () => {
    const localRoot = await mkdtemp(path.join(os.tmpdir(), 'embed-hf-local-'));
    try {
      await writeFiles(path.join(localRoot, 'local/bge-copy'), buildTinyBertFiles({ seed: 1 }));
      const before = hub.requests.length;
      const e = await load('hf:local/bge-copy', { localModelPath: localRoot, allowRemote: false });
      const [v] = await e.embed(['experts say'], 'passage');
      const [expected] = await bge.embed(['experts say'], 'passage'); // same seed, same weights
      expect(hub.requests.length).toBe(before);
      expect(cosineSimilarity(v, expected)).toBeGreaterThan(0.9999);
    } finally {
      await rm(localRoot, { recursive: true, force: true });
    }
  });

  it('explains how to fix a model the Hub does not have', async () => {
    const err = await loadEmbedder('hf:test/missing-model', { cacheDir, remoteHost: hub.url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbedderError);
    const msg = (err as Error).message;
    expect(msg).toContain(`Model test/missing-model is not in ${cacheDir} and could not be downloaded`);
    expect(msg).toContain(`Copy the model folder to ${path.join(cacheDir, 'test/missing-model')}`);
    expect(msg).toContain('run once with network access');
    expect(msg).toContain('--model use-lite');
    expect(hub.requests).toContain('/test/missing-model/resolve/main/config.json');
  });

  it('explains the fix when downloads are disabled or the host is unreachable', async () => {
    const offline = await loadEmbedder('hf:test/missing-model', { cacheDir, allowRemote: false }).catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(EmbedderError);
    expect((offline as Error).message).toMatch(/is not in .* and downloads are disabled/);
    expect((offline as Error).message).toContain('--model use-lite');

    const port = await closedPort();
    const unreachable = await loadEmbedder('hf:test/missing-model', { cacheDir, remoteHost: `http://127.0.0.1:${port}/` }).catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(EmbedderError);
    expect((unreachable as Error).message).toMatch(/could not be downloaded .*ECONNREFUSED/);
  });
});
