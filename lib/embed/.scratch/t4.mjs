const core = await import('@energetic-ai/core');
await core.ready();
const env = core.env();
console.log(await env.getAsync('WASM_HAS_SIMD_SUPPORT'), await env.getAsync('WASM_HAS_MULTITHREAD_SUPPORT'), core.getThreadsCount?.());
