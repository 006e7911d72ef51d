import { defineConfig } from 'vitest/config';

// Native/WASM ML backends (onnxruntime-node, TF.js WASM) are safest in child processes rather than worker threads.
export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'],
    pool: 'forks',
    // vitest's default is cores − 1, one worker on this 2-core machine; two cut the unit run from 277 s to 183 s, all green
    maxWorkers: 2,
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
