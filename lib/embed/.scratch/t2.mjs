const t0=performance.now();
const ort = await import('onnxruntime-node');
console.log('ort', Object.keys(ort).slice(0,20), performance.now()-t0);
const t1=performance.now();
const tf = await import('@huggingface/transformers');
console.log('tf', tf.env.version, performance.now()-t1, tf.env.cacheDir, tf.env.localModelPath);
