import { loadEmbedder } from './index';

// Child process for parallel ingest: loads the same model and embeds the passages it is sent.

// an ingest killed outright (SIGKILL) closes the IPC channel: stop at once rather than embed for nobody
process.on('disconnect', () => process.exit(1));
process.on('message', (msg: { spec: string; texts: string[] }) => {
  loadEmbedder(msg.spec, { allowRemote: false })
    .then((embedder) => embedder.embed(msg.texts, 'passage'))
    .then((vectors) => process.send!({ ok: true, vectors: vectors.map((v) => Array.from(v)) }, () => process.exit(0)))
    .catch((e: Error) => process.send!({ ok: false, error: e.message }, () => process.exit(1)));
});
