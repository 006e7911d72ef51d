// Worker thread of the embedding pool (plain JavaScript so a worker starts the same under Next, tsx and vitest): it loads
// the TypeScript worker through tsx, which then loads its own copy of the model (one TF.js / ONNX instance per thread).
import { tsImport } from 'tsx/esm/api';

await tsImport('./embed-worker-main.ts', import.meta.url);
