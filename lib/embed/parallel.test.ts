import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarity, type Embedder } from './embedder';
import { loadEmbedder } from './index';
import { EmbedHelpers, embedPassageBatches, embedPassages, packVectors, unpackVectors } from './parallel';

let model: Embedder;
const saved = process.env.EMBED_WORKERS;

beforeAll(async () => {
  process.env.EMBED_WORKERS = '1';
  model = await loadEmbedder('use-lite');
}, 60_000);

afterAll(async () => {
  if (saved === undefined) delete process.env.EMBED_WORKERS;
  else process.env.EMBED_WORKERS = saved;
  await model?.dispose?.();
});

describe('embedPassages', () => {
  it('embeds in batches across this process and a child, returning every vector in order, with progress as batches finish', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => `passage ${i} on ${['sanctions', 'NATO', 'Taiwan', 'defence budgets'][i % 4]}`);
    const seen: number[] = [];
    const vectors = await embedPassages(model, texts, (done) => seen.push(done));
    const direct = await model.embed(texts, 'passage');
    expect(vectors).toHaveLength(70);
    // batch composition moves the model's float results in the sixth decimal, no more
    vectors.forEach((v, i) => expect(cosineSimilarity(v, direct[i])).toBeGreaterThan(0.99999));
    expect(cosineSimilarity(vectors[0], vectors[1])).toBeLessThan(0.999); // and each is its own text's
    expect(seen.at(-1)).toBe(70);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  }, 120_000);

  it('uses helpers started beforehand, whose model is loaded before any passage is sent, down to small last batches', async () => {
    const helpers = new EmbedHelpers(model.id, 1);
    try {
      // the load runs while the caller does other work (ingest parses meanwhile)
      const [load] = await helpers.loadSeconds();
      expect(load).toBeGreaterThan(0);
      const texts = Array.from({ length: 60 }, (_, i) => `note ${i} about ${['fleets', 'tariffs', 'alliances'][i % 3]}`);
      const batches: [number, number][] = [];
      await embedPassageBatches(model, texts, (start, vectors) => batches.push([start, vectors.length]), { helpers });
      // every passage once; the batches shrink towards the end so neither process waits long on the other
      const covered = batches.sort((a, b) => a[0] - b[0]).flatMap(([s, n]) => Array.from({ length: n }, (_, i) => s + i));
      expect(covered).toEqual(texts.map((_, i) => i));
      expect(Math.min(...batches.map(([, n]) => n))).toBeLessThan(batches[0][1]);
    } finally {
      helpers.stop();
    }
  }, 120_000);

  it('packs vectors for the IPC channel without changing a bit', () => {
    const v = [Float32Array.of(1.5, -0, Number.MIN_VALUE, 3.4e38), Float32Array.of(0.1, 0.2, 0.3, 0.4)];
    expect(unpackVectors(packVectors(v), 2).map((x) => Array.from(x))).toEqual(v.map((x) => Array.from(x)));
  });
});
