import { defineConfig } from 'vitest/config';

// Native/WASM ML backends (onnxruntime-node, TF.js WASM) are safest in child processes rather than worker threads.
export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
