import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarity, type Embedder } from './embedder';
import { loadEmbedder } from './index';
import { embedPassages } from './parallel';

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
});
