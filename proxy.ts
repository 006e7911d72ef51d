import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, securityHeaders } from './lib/server/security-headers';

/**
 * Security headers on every response (pages, route handlers, 404s, errors, static assets) and a
 * fresh CSP nonce per request, which Next.js reads from the request's Content-Security-Policy
 * header and puts on its own scripts. Pages therefore render dynamically (they read the index per
 * request anyway).
 *
 * - script-src: only scripts carrying this request's nonce, and what they load ('strict-dynamic').
 *   No 'unsafe-inline', no 'unsafe-eval' (production React never evals); text from a document
 *   that smuggles <script> or onerror= cannot run even if some page rendered it as HTML.
 * - style-src 'unsafe-inline': React renders `style="…"` attributes (and Next.js inline <style>
 *   for its route announcer); attributes cannot carry a nonce, and a nonce in style-src would
 *   make browsers ignore 'unsafe-inline'. Styles cannot run code, and with scripts locked down
 *   the remaining risk (CSS-based defacement of our own text) is accepted.
 * - No upgrade-insecure-requests: the app is served over plain http on loopback or a LAN
 *   address; upgrading its own sub-resources to https would break it outside localhost.
 * - frame-ancestors 'none' (and X-Frame-Options for old browsers): no clickjacking frames.
 * - Referrer-Policy same-origin: queries live in the URL (/?q=…); links out to a document's
 *   source must not carry them to another site.
 *
 * The headers themselves are in lib/server/security-headers.ts (the health fast path sends them too).
 */

/** A path whose percent-encoding does not decode (`/speakers/%E0%A4%A`, `/documents/%`). */
function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  // Next.js answers such a path on a dynamic route ([id]) with a bare 500 when it decodes the
  // segment; it is the client's mistake, so refuse it here with a 400 that carries the headers.
  const pathname = request.nextUrl.pathname;
  if (malformedPath(pathname)) {
    const api = pathname.startsWith('/api/');
    const message = 'The address has invalid percent-encoding.';
    return new NextResponse(api ? JSON.stringify({ error: message }) : `Bad request: ${message}\n`, {
      status: 400,
      headers: { ...securityHeaders(null), 'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const nonce = newNonce();
  const headers = securityHeaders(nonce);
  const requestHeaders = new Headers(request.headers);
  // what a client sent under these names is never trusted: Next.js takes the nonce from here
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

// Every path, static assets and prefetches included, so no response goes out without the headers.
export const config = {
  matcher: '/:path*',
};
