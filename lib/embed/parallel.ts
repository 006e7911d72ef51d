import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Embedder } from './embedder';

/** How many extra processes to use: EMBED_WORKERS, else one per spare core (the model runs on one core). */
export function extraEmbedWorkers(): number {
  const env = process.env.EMBED_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.max(0, Math.min(availableParallelism() - 1, 3));
}

function embedInChild(spec: string, texts: string[]): Promise<Float32Array[]> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./embed-child.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += String(d)));
    child.once('message', (m: { ok: boolean; vectors?: number[][]; error?: string }) => {
      if (m.ok) resolve(m.vectors!.map((v) => Float32Array.from(v)));
      else reject(new Error(m.error));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`embedding process exited with ${code}: ${stderr.slice(-500)}`));
    });
    child.send({ spec, texts });
  });
}

/**
 * Embeds passages with the loaded model here and, for large inputs, in extra processes running
 * the same model (it uses one core each). A process that cannot start leaves its share to this one.
 */
export async function embedPassages(embedder: Embedder, texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
  const workers = texts.length >= 48 ? extraEmbedWorkers() : 0;
  const shares = workers + 1;
  const size = Math.ceil(texts.length / shares);
  const slices = Array.from({ length: shares }, (_, i) => texts.slice(i * size, (i + 1) * size));
  let done = 0;
  const local = async (slice: string[]) => {
    const out: Float32Array[] = [];
    for (let i = 0; i < slice.length; i += 16) {
      out.push(...(await embedder.embed(slice.slice(i, i + 16), 'passage')));
      done += Math.min(16, slice.length - i);
      onProgress?.(done, texts.length);
    }
    return out;
  };
  const results = await Promise.all(
    slices.map((slice, i) =>
      i === 0
        ? local(slice)
        : embedInChild(embedder.id, slice).then(
            (v) => {
              done += slice.length;
              onProgress?.(done, texts.length);
              return v;
            },
            () => local(slice),
          ),
    ),
  );
  return results.flat();
}
