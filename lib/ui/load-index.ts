// Opens the served index for a page, turning "no index yet" and "cannot open" into a state the page can explain.
import path from 'node:path';
import type { IndexReader } from '../db/index-reader';
import { IndexMissingError } from '../db/open';
import type { Embedder } from '../embed/embedder';
import { EmbedderMismatchError } from '../search/search';
import { getEmbedder, getIndex } from '../server/context';

export interface IndexProblemInfo {
  kind: 'missing' | 'mismatch' | 'broken';
  message: string;
}

/** A message fit for a page: paths under the working directory made relative, other absolute paths cut to their file name. */
export function withoutServerPaths(message: string): string {
  const cwd = process.cwd() + path.sep;
  return message
    .split(cwd)
    .join('')
    .replace(/(?:\/[^\s/:'"]+)+\/([^\s/:'"]+)/g, '$1');
}

export function describeIndexProblem(e: unknown): IndexProblemInfo | null {
  if (e instanceof IndexMissingError) return { kind: 'missing', message: withoutServerPaths(e.message) };
  if (e instanceof EmbedderMismatchError) return { kind: 'mismatch', message: withoutServerPaths(e.message) };
  if (e instanceof Error && /rebuild it with npm run ingest|not an index|SQLITE_/i.test(`${e.message} ${(e as { code?: string }).code ?? ''}`))
    return { kind: 'broken', message: withoutServerPaths(e.message) };
  return null;
}

export type Opened<T> = ({ ok: true } & T) | { ok: false; problem: IndexProblemInfo };

/** The index alone (pages that only read). */
export function openReader(): Opened<{ reader: IndexReader }> {
  try {
    return { ok: true, reader: getIndex() };
  } catch (e) {
    const problem = describeIndexProblem(e);
    if (problem) return { ok: false, problem };
    throw e;
  }
}

/** The index and its embedding model (pages that search). */
export async function openSearch(): Promise<Opened<{ reader: IndexReader; embedder: Embedder }>> {
  const opened = openReader();
  if (!opened.ok) return opened;
  try {
    return { ok: true, reader: opened.reader, embedder: await getEmbedder() };
  } catch (e) {
    const problem = describeIndexProblem(e);
    if (problem) return { ok: false, problem };
    throw e;
  }
}
