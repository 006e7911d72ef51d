import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarity, type Embedder } from './embedder';
import { loadEmbedder } from './index';

// Records any outbound TCP connection so the test proves the bundled model never touches the network.
const connections: unknown[] = [];
const originalConnect = net.Socket.prototype.connect;

let embedder: Embedder;

beforeAll(async () => {
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    connections.push(args[0]);
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof originalConnect;
  embedder = await loadEmbedder('use-lite');
});

afterAll(async () => {
  net.Socket.prototype.connect = originalConnect;
  await embedder?.dispose?.();
});

function expectUnitAndFinite(v: Float32Array, dimension: number) {
  expect(v).toBeInstanceOf(Float32Array);
  expect(v.length).toBe(dimension);
  expect(v.every(Number.isFinite)).toBe(true);
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  expect(norm).toBeCloseTo(1, 5);
}

describe('use-lite embedder', () => {
  it('reports its id and 512 dimensions', () => {
    expect(embedder.id).toBe('use-lite');
    expect(embedder.dimension).toBe(512);
  });

  it('returns unit-length, finite 512-d vectors', async () => {
    const vectors = await embedder.embed(['Tariffs raise consumer prices.', 'Short.', ''], 'passage');
    expect(vectors).toHaveLength(3);
    for (const v of vectors) expectUnitAndFinite(v, 512);
  });

  it('scores a paraphrase pair above an unrelated pair', async () => {
    const [a, b, c] = await embedder.embed(['economic penalties on Beijing', 'sanctions against China', 'my cat enjoys sleeping in the sun'], 'query');
    const paraphrase = cosineSimilarity(a, b);
    const unrelated = cosineSimilarity(a, c);
    expect(paraphrase).toBeGreaterThan(unrelated + 0.2);
  });

  it('is deterministic across calls and identical in query and passage modes', async () => {
    const text = ['Central banks are likely to keep rates high, economists said.'];
    const [first] = await embedder.embed(text, 'query');
    const [second] = await embedder.embed(text, 'query');
    const [passage] = await embedder.embed(text, 'passage');
    expect(Array.from(second)).toEqual(Array.from(first));
    expect(Array.from(passage)).toEqual(Array.from(first));
  });

  it('gives the same vector for a text whether batched alone or with others', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `Quote number ${i} about trade policy and tariffs.`);
    const all = await embedder.embed(texts, 'passage'); // crosses the 32-text batch boundary
    const [alone] = await embedder.embed([texts[35]], 'passage');
    expect(all).toHaveLength(40);
    expect(cosineSimilarity(all[35], alone)).toBeGreaterThan(0.9999);
  });

  it('returns [] for an empty input array', async () => {
    await expect(embedder.embed([], 'passage')).resolves.toEqual([]);
  });

  it('shares one loaded model between embedders', async () => {
    const started = performance.now();
    const other = await loadEmbedder('use-lite');
    expect(performance.now() - started).toBeLessThan(100);
    const [v] = await other.embed(['hello'], 'query');
    expectUnitAndFinite(v, 512);
    await other.dispose?.();
    // The first embedder still works because the model is reference-counted.
    await expect(embedder.embed(['still alive'], 'query')).resolves.toHaveLength(1);
  });

  it('made no network connections', () => {
    expect(connections).toEqual([]);
  });
});
