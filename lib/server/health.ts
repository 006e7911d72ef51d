import http from 'node:http';
import { getIndex } from './context';
import { newNonce, securityHeaders } from './security-headers';
import { routesWarm } from './warm-routes';

/** What /api/health answers: liveness (always 200 while the process serves), index status, and whether start-up warming is done. */
export function healthStatus(): Record<string, unknown> {
  try {
    return { ok: true, warm: routesWarm(), index: getIndex().summary() };
  } catch (e) {
    return { ok: false, warm: routesWarm(), error: (e as Error).name === 'IndexMissingError' ? 'index missing; run npm run ingest' : 'index cannot be opened' };
  }
}

/** Whether a request is a plain GET of /api/health (any query string); every other form goes through Next.js as before. */
export function isHealthCheck(method: string | undefined, url: string | undefined): boolean {
  if (method !== 'GET' || !url) return false;
  const q = url.indexOf('?');
  return (q < 0 ? url : url.slice(0, q)) === '/api/health';
}

const state = globalThis as unknown as { __eqHealthFastPath?: boolean };

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

/**
 * Answers GET /api/health as the Node server receives it, before Next.js, with the same body and security headers (a fresh
 * nonce included) as the route. Through Next.js a health check took a dozen asynchronous steps (proxy, routing, web streams), each queued behind
 * every search in flight, so under load it waited many times over; here it waits only for the event loop's current turn.
 */
export function installHealthFastPath(): void {
  if (state.__eqHealthFastPath) return;
  state.__eqHealthFastPath = true;
  const proto = http.Server.prototype as unknown as { emit: Emit };
  const original = proto.emit;
  proto.emit = function healthFastPath(this: http.Server, event, ...args) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      if (isHealthCheck(req.method, req.url)) {
        const res = args[1] as http.ServerResponse;
        const body = JSON.stringify(healthStatus());
        res.writeHead(200, {
          ...securityHeaders(newNonce()),
          'Content-Type': 'application/json',
          'Cache-Control': 'no-store',
          'Content-Length': Buffer.byteLength(body),
        });
        res.end(body);
        return true;
      }
    }
    return original.call(this, event, ...args);
  };
}
