import { NextResponse } from 'next/server';
import { getIndex } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

/** Liveness (always 200 while the process serves) and index status, for start-up checks and tests. */
export function GET() {
  try {
    return NextResponse.json({ ok: true, index: getIndex().summary() }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return NextResponse.json({ ok: false, error: (e as Error).name === 'IndexMissingError' ? 'index missing; run npm run ingest' : 'index cannot be opened' }, { headers: { 'Cache-Control': 'no-store' } });
  }
}
