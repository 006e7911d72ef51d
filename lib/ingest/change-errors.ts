import path from 'node:path';
import { CorpusError } from '../corpus/read-source';

/** A message about a failed change that is safe to show a client: known errors with server folders removed, else a generic line. */
export function changeFailureMessage(e: unknown, ...dirs: string[]): string {
  const err = e as Error;
  const known = err instanceof CorpusError || ['EmbedderError', 'IndexWriteError'].includes(err?.name);
  if (!known) return 'Adding the documents failed unexpectedly; the server log has the details. Nothing was changed.';
  let message = err.message;
  for (const d of dirs) message = message.split(`${d}${path.sep}`).join('').split(d).join(path.basename(d));
  return `${message}${/[.!?]$/.test(message) ? '' : '.'} Nothing was changed.`;
}
