import { NextResponse, type NextRequest } from 'next/server';
import { correctionRequestSchema, submitCorrection } from '@/lib/corrections/submit';
import { resolveIndexPath } from '@/lib/db/open';
import { resolveCorpusDir } from '@/lib/ingest/corpus-dir';
import { getIndex } from '@/lib/server/context';
import { peerAddress } from '@/lib/server/peer-address';
import { uploadAccessOf } from '@/lib/server/upload-access';
import { describeIndexProblem } from '@/lib/ui/load-index';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 8 * 1024;

function json(status: number, body: unknown) {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * POST { documentId, quoteId, speaker | notQuote: true, kind? }: appends the correction to corpus/corrections.yaml and
 * re-ingests; answers { correction, report } once the new index is served. Same access rule as adding documents.
 */
export async function POST(request: NextRequest) {
  const access = uploadAccessOf(request.headers, peerAddress(request.headers));
  if (!access.ok) return json(access.status, { error: `Correcting attributions follows the rule for changing the corpus. ${access.error}` });
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? ''))
    return json(415, { error: 'send a JSON body with Content-Type: application/json' });
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return json(413, { error: `the body is larger than ${MAX_BODY_BYTES / 1024} KB` });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json(400, { error: 'the body is not valid JSON' });
  }
  const parsed = correctionRequestSchema.safeParse(body);
  if (!parsed.success)
    return json(400, { error: parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ') });
  try {
    const reader = getIndex();
    const result = await submitCorrection(parsed.data, {
      reader,
      corpusDir: resolveCorpusDir(),
      dbPath: resolveIndexPath(),
      model: reader.summary().embedder,
    });
    if (!result.ok) return json(result.status, { error: result.error });
    return json(200, { correction: result.correction, report: result.report });
  } catch (e) {
    const problem = describeIndexProblem(e);
    if (problem) return json(503, { error: problem.message });
    console.error('correction failed', e);
    return json(500, { error: 'Saving the correction failed unexpectedly; the server log has the details.' });
  }
}
