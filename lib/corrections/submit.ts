// A correction made in the browser: checked against the served index, appended to corpus/corrections.yaml, then the
// corpus is re-ingested in a child process (the served index is swapped only when the new one is complete). If the
// ingest fails, corrections.yaml is put back as it was, so a bad correction never stays behind unapplied.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { z } from 'zod';
import { CORRECTIONS_FILE, openingWords } from '../corpus/corrections';
import type { IndexReader } from '../db/index-reader';
import type { DocumentIngestReport } from '../ingest/report';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const correctionRequestSchema = z
  .object({
    documentId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/, 'documentId is not a document id'),
    quoteId: z.string().regex(/^[a-z][a-z0-9-]{0,119}$/, 'quoteId is not a quote id'),
    speaker: z
      .string()
      .trim()
      .min(2, 'speaker must have at least 2 characters')
      .max(120, 'speaker must have at most 120 characters')
      .refine((s) => !CONTROL.test(s), 'speaker must be one line of plain text')
      .optional(),
    notQuote: z.literal(true).optional(),
    kind: z.enum(['interview', 'quote']).optional(),
  })
  .strict()
  .refine((r) => !!r.speaker !== !!r.notQuote, { message: 'give either "speaker" (a name) or "notQuote": true' });

export type CorrectionRequest = z.infer<typeof correctionRequestSchema>;

export type CorrectionResult =
  | { ok: true; correction: { document: string; quote: string; speaker?: string; notQuote?: true; kind?: string }; report: DocumentIngestReport | null }
  | { ok: false; status: 400 | 404 | 409 | 500; error: string };

export interface CorrectionTarget {
  reader: IndexReader;
  corpusDir: string;
  dbPath: string;
  model: string; // the embedder the served index was built with
}

/** The corrections file with one more entry, comments and earlier entries kept. */
export function withCorrection(existing: string | null, entry: Record<string, unknown>): string {
  const doc = parseDocument(existing ?? '# Fixes to attribution; see README "corrections.yaml". Ingest applies them.\ncorrections: []\n');
  if (doc.errors.length) throw new Error(`${CORRECTIONS_FILE} is not valid YAML (${doc.errors[0].message.split('\n')[0]}); fix it by hand first`);
  if (doc.contents === null) doc.contents = doc.createNode({ corrections: [] }) as never;
  if (!isMap(doc.contents)) throw new Error(`${CORRECTIONS_FILE} must be a mapping with a "corrections:" list; fix it by hand first`);
  const map = doc.contents as unknown as { get(k: string, keep: true): unknown; set(k: string, v: unknown): void };
  let list = map.get('corrections', true);
  if (!isSeq(list)) {
    if (list !== undefined && list !== null && !(isScalar(list) && list.value === null))
      throw new Error(`"corrections:" in ${CORRECTIONS_FILE} must be a list; fix it by hand first`);
    list = new YAMLSeq();
    map.set('corrections', list);
  }
  const seq = list as YAMLSeq;
  // block style, whatever the empty list was written as
  seq.flow = false;
  seq.add(doc.createNode(entry));
  return doc.toString({ lineWidth: 0 });
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Runs the ingest CLI on the corpus (its own process: the server keeps answering meanwhile). */
function runIngest(target: CorrectionTarget, reportFile: string): Promise<{ ok: boolean; output: string }> {
  const root = process.cwd();
  const script = path.join(/*turbopackIgnore: true*/ root, 'scripts', 'ingest.ts');
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, '--corpus', target.corpusDir, '--db', target.dbPath, '--model', target.model, '--quiet', '--report-json', reportFile],
      { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    child.once('error', (e) => resolve({ ok: false, output: e.message }));
    child.once('exit', (code) => resolve({ ok: code === 0, output }));
  });
}

// one correction at a time per server: each one re-reads the file the previous one wrote
let queue: Promise<unknown> = Promise.resolve();

/** Appends a correction for one quote of the served index and re-ingests; on failure nothing is left changed. */
export function submitCorrection(request: CorrectionRequest, target: CorrectionTarget): Promise<CorrectionResult> {
  const run = queue.then(() => submitNow(request, target));
  queue = run.catch(() => undefined);
  return run;
}

async function submitNow(request: CorrectionRequest, target: CorrectionTarget): Promise<CorrectionResult> {
  const { reader } = target;
  if (!reader.document(request.documentId)) return { ok: false, status: 404, error: `no document "${request.documentId}" in the index` };
  const chunk = reader.chunkById(request.quoteId);
  if (!chunk || chunk.documentId !== request.documentId || chunk.kind === 'analysis')
    return { ok: false, status: 404, error: `no quote "${request.quoteId}" in document "${request.documentId}"` };
  const others = reader.quotes({ documentId: request.documentId, includeUnattributed: true }).map((q) => q.text);
  const entry: Record<string, unknown> = { document: request.documentId, quote: openingWords(chunk.text, others) };
  if (request.speaker) entry.speaker = request.speaker;
  else entry.notQuote = true;
  if (request.kind) entry.kind = request.kind;

  const file = path.join(target.corpusDir, CORRECTIONS_FILE);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  let next: string;
  try {
    next = withCorrection(before, entry);
  } catch (e) {
    return { ok: false, status: 409, error: (e as Error).message };
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'correction-'));
  const reportFile = path.join(scratch, 'reports.json');
  try {
    writeAtomically(file, next);
    const ingest = await runIngest(target, reportFile);
    if (!ingest.ok) {
      if (before === null) rmSync(file, { force: true });
      else writeAtomically(file, before);
      const message = /ingest failed: (.*)/.exec(ingest.output)?.[1] ?? ingest.output.trim().split('\n').slice(-1)[0];
      const busy = /another ingest/.test(ingest.output);
      return { ok: false, status: busy ? 409 : 500, error: `The correction was not saved: re-indexing failed (${message}).` };
    }
    const reports = JSON.parse(readFileSync(reportFile, 'utf8')) as DocumentIngestReport[];
    return {
      ok: true,
      correction: entry as { document: string; quote: string },
      report: reports.find((r) => r.documentId === request.documentId) ?? null,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
