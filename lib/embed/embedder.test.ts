import { describe, expect, it } from 'vitest';
import { embedInBatches, EmbedderError, normalize, toUnitVector } from './embedder';
import { DEFAULT_EMBEDDER, loadEmbedder, parseEmbedderSpec } from './index';
import { knownModelProfile } from './huggingface';

describe('normalize', () => {
  it('scales to unit length without mutating the input', () => {
    const input = [3, 4];
    const out = normalize(input);
    expect(Array.from(out)).toEqual([0.6000000238418579, 0.800000011920929]);
    expect(input).toEqual([3, 4]);
  });

  it('leaves a zero vector at zero and rejects non-finite values', () => {
    expect(Array.from(normalize([0, 0, 0]))).toEqual([0, 0, 0]);
    expect(() => normalize([1, Number.NaN])).toThrow(EmbedderError);
    expect(() => normalize([Infinity, 1])).toThrow(/Infinity/);
  });

  it('toUnitVector rejects zero vectors and wrong dimensions', () => {
    expect(() => toUnitVector([0, 0], 2, 'x')).toThrow(/all-zero/);
    expect(() => toUnitVector([1, 0, 0], 2, 'x')).toThrow(/3-d vector, expected 2/);
  });
});

describe('embedInBatches', () => {
  it('splits into batches of the given size and keeps order', async () => {
    const seen: number[] = [];
    const texts = Array.from({ length: 70 }, (_, i) => String(i));
    const out = await embedInBatches(texts, 32, async (batch) => {
      seen.push(batch.length);
      return batch.map((t) => Float32Array.of(Number(t)));
    });
    expect(seen).toEqual([32, 32, 6]);
    expect(out.map((v) => v[0])).toEqual(texts.map(Number));
  });

  it('catches a backend returning the wrong number of vectors', async () => {
    await expect(embedInBatches(['a', 'b'], 8, async () => [Float32Array.of(1)])).rejects.toThrow(/1 vectors for 2 texts/);
  });
});

describe('loadEmbedder spec parsing', () => {
  it('accepts use-lite and hf:<model-id>', () => {
    expect(DEFAULT_EMBEDDER).toBe('use-lite');
    expect(parseEmbedderSpec('use-lite')).toEqual({ kind: 'use-lite' });
    expect(parseEmbedderSpec('hf:Xenova/bge-small-en-v1.5')).toEqual({ kind: 'hf', modelId: 'Xenova/bge-small-en-v1.5' });
  });

  it.each(['', 'use', 'USE-LITE', 'openai:text-embedding-3-small', 'hf:', 'Xenova/bge-small-en-v1.5'])(
    'rejects %j naming the spec and the accepted forms',
    async (spec) => {
      const err = await loadEmbedder(spec).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EmbedderError);
      const message = (err as Error).message;
      expect(message).toContain(`"${spec}"`);
      expect(message).toContain('use-lite');
      expect(message).toContain('hf:<model-id>');
    },
  );

  it('rejects an hf: spec whose model id cannot exist on the Hub', async () => {
    await expect(loadEmbedder('hf:not a model id')).rejects.toThrow(/not a valid Hugging Face model id/);
  });
});

describe('knownModelProfile', () => {
  it('knows bge uses CLS pooling and a query-only instruction', () => {
    expect(knownModelProfile('Xenova/bge-small-en-v1.5')).toEqual({
      pooling: 'cls',
      queryPrefix: 'Represent this sentence for searching relevant passages: ',
      passagePrefix: '',
    });
    expect(knownModelProfile('Xenova/bge-m3')?.queryPrefix).toBe('');
  });

  it('knows e5 prefixes both sides and leaves unknown models to detection', () => {
    expect(knownModelProfile('Xenova/multilingual-e5-small')).toMatchObject({ pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    expect(knownModelProfile('someone/custom-encoder')).toBeUndefined();
  });
});
