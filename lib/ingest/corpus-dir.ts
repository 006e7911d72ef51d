import path from 'node:path';

/** Where the corpus documents live: --corpus, then $CORPUS_DIR, then corpus/ under the working folder. */
export function resolveCorpusDir(explicit?: string | null): string {
  return path.resolve(/*turbopackIgnore: true*/ explicit || process.env.CORPUS_DIR || path.join(process.cwd(), 'corpus'));
}
