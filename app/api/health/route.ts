import { NextResponse } from 'next/server';
import { getIndex } from '@/lib/server/context';
import { routesWarm } from '@/lib/server/warm-routes';

export const dynamic = 'force-dynamic';

/** Liveness (always 200 while the process serves), index status, and whether start-up warming is done, for start-up checks and tests. */
export function GET() {
  try {
    return NextResponse.json({ ok: true, warm: routesWarm(), index: getIndex().summary() }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return NextResponse.json(
      { ok: false, warm: routesWarm(), error: (e as Error).name === 'IndexMissingError' ? 'index missing; run npm run ingest' : 'index cannot be opened' },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
