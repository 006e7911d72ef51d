import { NextResponse, type NextRequest } from 'next/server';
import { buildExport, ExportInputError, parseExportQuery } from '@/lib/collections/export';
import { CollectionError } from '@/lib/collections/store';
import { describeIndexProblem } from '@/lib/ui/load-index';
import { getEmbedder, getIndex } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

function error(status: number, message: string) {
  return NextResponse.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * GET /api/export?format=md|csv|bibtex|ris|json&style=chicago|apa|mla and one of ids=<quote ids> (document
 * order), saved=1 (the saved quotes), speaker=<id> (all their quotes, document order) or q=… with the search
 * parameters (a result list, best first).
 */
export async function GET(request: NextRequest) {
  const parsed = parseExportQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return error(400, parsed.error);
  try {
    const file = await buildExport(getIndex(), await getEmbedder(), parsed.value, { baseUrl: request.nextUrl.origin });
    return new NextResponse(file.body, {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'Cache-Control': 'no-store',
        'X-Quote-Count': String(file.count),
      },
    });
  } catch (e) {
    if (e instanceof ExportInputError) return error(400, e.message);
    if (e instanceof CollectionError) return error(e.kind === 'input' ? 400 : 503, e.message);
    const problem = describeIndexProblem(e);
    if (problem) return error(503, problem.kind === 'missing' ? 'The index has not been built yet; run npm run ingest.' : problem.message);
    console.error('export failed', e);
    return error(500, 'Export failed unexpectedly; the server log has the details.');
  }
}
