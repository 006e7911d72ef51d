import { getPriority } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from './embedder';
import { loadEmbedder } from './index';
import { EmbedderPool } from './pool';

// The real bundled model, in two threads and in this one: concurrent requests must come back with the same vectors, in order.
let pool: EmbedderPool;
let single: Embedder;

beforeAll(async () => {
  [pool, single] = await Promise.all([EmbedderPool.start('use-lite', 2), loadEmbedder('use-lite')]);
}, 120_000);

afterAll(async () => {
  await pool?.dispose();
  await single?.dispose?.();
});

describe('EmbedderPool', () => {
  it('returns the vectors of the single-thread model for concurrent requests, each to its caller', async () => {
    const texts = ['sanctions against China', 'Japan and NATO', 'defence spending in Europe', 'public opinion polls', 'arms transfers to Russia', 'x'];
    const pooled = await Promise.all(texts.map((t) => pool.embed([t], 'query')));
    const direct = await single.embed(texts, 'query');
    expect(pool.size).toBe(2);
    expect(pool.id).toBe(single.id);
    expect(pool.dimension).toBe(single.dimension);
    pooled.forEach(([v], i) => expect(Array.from(v)).toEqual(Array.from(direct[i])));
    const batch = await pool.embed(texts, 'passage');
    expect(batch.map((v) => Array.from(v))).toEqual(direct.map((v) => Array.from(v)));
  }, 60_000);

  it.runIf(process.platform === 'linux')('runs the model threads at a lower priority than the thread that started them', () => {
    // the event loop must win a busy core over the model, or health checks wait behind embeddings
    expect(pool.threadIds).toHaveLength(2);
    // nice 10 (an unprivileged thread cannot go below the nice it started with)
    for (const tid of pool.threadIds) expect(getPriority(tid)).toBe(Math.max(10, getPriority()));
  });

  it('refuses work after dispose', async () => {
    const p = await EmbedderPool.start('use-lite', 1);
    await p.dispose();
    await expect(p.embed(['x'], 'query')).rejects.toThrow(/disposed/);
  }, 60_000);
});
