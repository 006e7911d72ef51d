import { NextResponse, type NextRequest } from 'next/server';
import path from 'node:path';
import { resolveIndexPath } from '@/lib/db/open';
import { prepareAddDocuments, type PreparedChange, runWithEmbedder, type UploadFile, UploadRefusal } from '@/lib/ingest/add-documents';
import { changeFailureMessage } from '@/lib/ingest/change-errors';
import { resolveCorpusDir } from '@/lib/ingest/corpus-dir';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '@/lib/ingest/upload-checks';
import { getEmbedder } from '@/lib/server/context';
import { peerAddress } from '@/lib/server/peer-address';
import { readLimited } from '@/lib/server/read-limited';
import { uploadAccessOf } from '@/lib/server/upload-access';

export const dynamic = 'force-dynamic';

function error(status: number, message: string) {
  return NextResponse.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

const TOO_LARGE = `The upload is larger than ${MAX_UPLOAD_MB} MB; add fewer or smaller files.`;

/** The files of a multipart body (field "files"), or a refusal. */
async function filesOf(request: NextRequest): Promise<{ files: UploadFile[]; replace: boolean } | NextResponse> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(type)) return error(415, 'Send the documents as multipart/form-data with the files in the field "files".');
  const declared = request.headers.get('content-length');
  if (declared && /^\d+$/.test(declared) && Number(declared) > MAX_UPLOAD_BYTES) return error(413, TOO_LARGE);
  // the declared length may be absent or false: count what arrives
  const body = await readLimited(request.body, MAX_UPLOAD_BYTES);
  if (!body) return error(413, TOO_LARGE);
  if (declared && /^\d+$/.test(declared) && body.byteLength !== Number(declared))
    return error(400, `The upload was cut off (${body.byteLength} of ${declared} bytes arrived); send it again.`);
  let form: FormData;
  try {
    form = await new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': type } }).formData();
  } catch {
    return error(400, 'The upload is not valid multipart/form-data.');
  }
  const entries = form.getAll('files');
  if (entries.some((e) => typeof e === 'string')) return error(400, 'The field "files" must hold files, not text.');
  const files = await Promise.all((entries as File[]).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  return { files, replace: ['1', 'true', 'on', 'yes'].includes(String(form.get('replace') ?? '').toLowerCase()) };
}

/**
 * Adds documents to the corpus: checks access, size, names and types, stages and parses them
 * (refusals are 4xx JSON), then streams the ingest as NDJSON lines: each file's phase, the
 * embedding progress, and at the end the per-document reports (or the error, with nothing changed).
 */
export async function POST(request: NextRequest) {
  const access = uploadAccessOf(request.headers, peerAddress(request.headers));
  if (!access.ok) return error(access.status, access.error);
  const parsed = await filesOf(request);
  if (parsed instanceof NextResponse) return parsed;
  const corpusDir = resolveCorpusDir();
  const dbPath = resolveIndexPath();
  let change: PreparedChange;
  try {
    change = await prepareAddDocuments({ corpusDir, dbPath, files: parsed.files, replace: parsed.replace });
  } catch (e) {
    if (e instanceof UploadRefusal) return error(e.status, e.message);
    console.error('adding documents failed', e);
    return error(500, changeFailureMessage(e, corpusDir, path.dirname(dbPath)));
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: object) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          // the client went away; the change still completes or rolls back on its own
        }
      };
      send({ type: 'accepted', files: change.files });
      // not awaited here: the response (and each line) goes out while the ingest runs
      void (async () => {
        try {
          const result = await runWithEmbedder(change, getEmbedder, send);
          send({ type: 'done', ...result });
        } catch (e) {
          console.error('adding documents failed', e);
          send({ type: 'error', error: changeFailureMessage(e, corpusDir, path.dirname(dbPath)) });
        }
        try {
          controller.close();
        } catch {
          // already closed by a cancelled client
        }
      })();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
}
