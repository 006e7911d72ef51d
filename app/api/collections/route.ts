import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { CollectionError, pruneMissing, QUOTE_ID, readSaved, saveQuotes, unsaveQuotes } from '@/lib/collections/store';
import { describeIndexProblem } from '@/lib/ui/load-index';
import { getIndex } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 64 * 1024;
const idsBody = z
  .object({
    ids: z.array(z.string().regex(QUOTE_ID, 'ids are quote ids such as q-0123456789abcdef')).min(1, 'ids is empty').max(500, 'at most 500 ids at once'),
  })
  .strict();
const deleteBody = z.union([idsBody, z.object({ missing: z.literal(true) }).strict()]);

function json(status: number, body: unknown) {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

function failure(e: unknown) {
  if (e instanceof CollectionError) return json(e.kind === 'input' ? 400 : 503, { error: e.message });
  const problem = describeIndexProblem(e);
  if (problem) return json(503, { error: problem.message });
  console.error('collections failed', e);
  return json(500, { error: 'Saving quotes failed unexpectedly; the server log has the details.' });
}

/** A JSON body of at most MAX_BODY_BYTES, from a JSON request (a cross-site form cannot send one without CORS). */
async function readJson(request: NextRequest): Promise<{ ok: true; value: unknown } | { ok: false; error: string; status: number }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return { ok: false, status: 415, error: 'send a JSON body with Content-Type: application/json' };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, status: 413, error: `the body is larger than ${MAX_BODY_BYTES / 1024} KB` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, error: 'the body is not valid JSON' };
  }
}

function summary(items: { id: string; savedAt: string }[]) {
  const reader = getIndex();
  return { count: items.length, items, missing: items.filter((i) => !reader.chunkById(i.id)).map((i) => i.id) };
}

/** GET: the saved quotes ({ count, items: [{ id, savedAt }], missing: ids the index no longer holds }). */
export async function GET() {
  try {
    return json(200, summary(readSaved()));
  } catch (e) {
    return failure(e);
  }
}

/** POST { ids }: saves quotes (ids must exist in the index). */
export async function POST(request: NextRequest) {
  const body = await readJson(request);
  if (!body.ok) return json(body.status, { error: body.error });
  const parsed = idsBody.safeParse(body.value);
  if (!parsed.success) return json(400, { error: parsed.error.issues[0].message });
  try {
    return json(200, summary(await saveQuotes(getIndex(), parsed.data.ids)));
  } catch (e) {
    return failure(e);
  }
}

/** DELETE { ids } removes quotes; DELETE { missing: true } removes the ids the index no longer holds. */
export async function DELETE(request: NextRequest) {
  const body = await readJson(request);
  if (!body.ok) return json(body.status, { error: body.error });
  const parsed = deleteBody.safeParse(body.value);
  if (!parsed.success) return json(400, { error: 'send { "ids": ["q-…"] } or { "missing": true }' });
  try {
    if ('missing' in parsed.data) {
      const removed = await pruneMissing(getIndex());
      return json(200, { ...summary(readSaved()), removed });
    }
    return json(200, summary(await unsaveQuotes(parsed.data.ids)));
  } catch (e) {
    return failure(e);
  }
}
