import { NextResponse, type NextRequest } from 'next/server';
import { IndexMissingError } from '@/lib/db/open';
import { checkIdsExist, parseSearchQuery } from '@/lib/search/params';
import { searchQuotesCached } from '@/lib/search/search-cache';
import { EmbedderMismatchError } from '@/lib/search/search';
import { getEmbedder, getIndex } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

function error(status: number, message: string) {
  return NextResponse.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export async function GET(request: NextRequest) {
  const parsed = parseSearchQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return error(400, parsed.error);
  try {
    const reader = getIndex();
    const unknown = checkIdsExist(reader, parsed.value);
    if (unknown) return error(400, unknown);
    const response = await searchQuotesCached(reader, await getEmbedder(), parsed.value);
    return NextResponse.json(response, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    if (e instanceof IndexMissingError) return error(503, 'The index has not been built yet; run npm run ingest.');
    if (e instanceof EmbedderMismatchError) return error(503, e.message);
    console.error('search failed', e);
    return error(500, 'Search failed unexpectedly; the server log has the details.');
  }
}
