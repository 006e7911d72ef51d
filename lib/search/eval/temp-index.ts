import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Embedder } from '../../embed/embedder';
import { ingestCorpus, type IngestSummary } from '../../ingest/ingest';

export interface TempIndex {
  dbPath: string;
  summary: IngestSummary;
  remove(): void;
}

/** Ingests a corpus into a fresh temporary index (never the served one), for the eval test and the bench. */
export async function buildTempIndex(corpusDir: string, embedder: Embedder): Promise<TempIndex> {
  const dir = mkdtempSync(path.join(tmpdir(), 'expert-quotes-'));
  const dbPath = path.join(dir, 'corpus.db');
  try {
    const summary = await ingestCorpus({ corpusDir, dbPath, embedder });
    return { dbPath, summary, remove: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
