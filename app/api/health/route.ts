import { NextResponse } from 'next/server';
import { healthStatus } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/**
 * Liveness, index status and start-up warming, for start-up checks and tests. `next start` answers a plain GET before it
 * reaches here (lib/server/health.ts, installed by instrumentation.ts); this route serves every other way in (HEAD, dev).
 */
export function GET() {
  return NextResponse.json(healthStatus(), { headers: { 'Cache-Control': 'no-store' } });
}
