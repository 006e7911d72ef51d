import { loadEmbedder } from './index';
import type { Embedder } from './embedder';
import { packVectors } from './parallel';
// Child process for parallel ingest: loads the same model once (an empty first request loads it early) and embeds each
// batch of passages it is sent, until the parent disconnects. An ingest killed outright cannot tell its helpers: they
// notice their parent changed (checked between batches) or the IPC channel closed, and stop. The yield between batches
// matters: the model's work resolves in microtasks, so without it 'disconnect' is seen only when all is done.
const parent = process.ppid;
const orphaned = () => process.ppid !== parent || !process.connected;
process.on('disconnect', () => process.exit(0));
let loaded: { spec: string; embedder: Promise<Embedder> } | null = null;
process.on('message', async (msg: { spec: string; texts: string[] }) => {
  try {
    if (loaded?.spec !== msg.spec) loaded = { spec: msg.spec, embedder: loadEmbedder(msg.spec, { allowRemote: false }) };
    const embedder = await loaded.embedder;
    const vectors: Float32Array[] = [];
    for (let i = 0; i < msg.texts.length; i += 16) {
      if (orphaned()) process.exit(1);
      vectors.push(...(await embedder.embed(msg.texts.slice(i, i + 16), 'passage')));
      await new Promise((r) => setImmediate(r));
    }
    process.send!({ ok: true, vectors: packVectors(vectors) });
  } catch (e) {
    process.send!({ ok: false, error: (e as Error).message }, () => process.exit(1));
  }
});
