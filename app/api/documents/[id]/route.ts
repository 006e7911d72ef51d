import { NextResponse, type NextRequest } from 'next/server';
import path from 'node:path';
import { resolveIndexPath } from '@/lib/db/open';
import { prepareRemoveDocument, type PreparedChange, runWithEmbedder, UploadRefusal } from '@/lib/ingest/add-documents';
import { changeFailureMessage } from '@/lib/ingest/change-errors';
import { resolveCorpusDir } from '@/lib/ingest/corpus-dir';
import { getEmbedder } from '@/lib/server/context';
import { peerAddress } from '@/lib/server/peer-address';
import { uploadAccessOf } from '@/lib/server/upload-access';

export const dynamic = 'force-dynamic';

function error(status: number, message: string) {
  return NextResponse.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Removes a document from the corpus folder and the index (same access rule as adding). */
export async function DELETE(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const access = uploadAccessOf(request.headers, peerAddress(request.headers));
  if (!access.ok) return error(access.status, access.error);
  const { id } = await params;
  const corpusDir = resolveCorpusDir();
  const dbPath = resolveIndexPath();
  let change: PreparedChange;
  try {
    change = await prepareRemoveDocument({ corpusDir, dbPath, documentId: id });
  } catch (e) {
    if (e instanceof UploadRefusal) return error(e.status, e.message);
    console.error('removing a document failed', e);
    return error(500, changeFailureMessage(e, corpusDir, path.dirname(dbPath)));
  }
  try {
    const result = await runWithEmbedder(change, getEmbedder);
    return NextResponse.json({ removed: result.removed, index: result.index }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    console.error('removing a document failed', e);
    return error(500, changeFailureMessage(e, corpusDir, path.dirname(dbPath)));
  }
}
