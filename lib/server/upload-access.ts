import { createHash, timingSafeEqual } from 'node:crypto';

export interface AccessRequest {
  peer: string | null; // the socket's remote address, null when unknown
  authorization: string | null;
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
}

export type AccessDecision = { ok: true; by: 'loopback' | 'token' } | { ok: false; status: 401 | 403; error: string };

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackAddress(address: string | null): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  return a === '::1' || /^127(\.\d{1,3}){3}$/.test(a);
}

/** A Host header naming this machine (localhost, 127.x.x.x, [::1]), with or without a port. */
export function isLoopbackHost(host: string | null): boolean {
  if (!host) return false;
  const name = host
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name.endsWith('.localhost') || isLoopbackAddress(name);
}

function sameToken(sent: string, expected: string): boolean {
  // hashing first makes the comparison constant-time whatever the lengths
  const a = createHash('sha256').update(sent).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Who may change the corpus: a request with `Authorization: Bearer $ADMIN_TOKEN` (when the token is
 * set), or a request from a loopback socket. A loopback request must also name this machine in
 * Host (a DNS-rebinding page reaches 127.0.0.1 under its own name) and must not come from another
 * site's page (Origin / Sec-Fetch-Site), since a browser sends cross-site form posts without asking.
 */
export function decideUploadAccess(req: AccessRequest, adminToken: string | undefined): AccessDecision {
  const token = adminToken?.trim() || null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.authorization ?? '')?.[1] ?? null;
  if (token && bearer) {
    if (sameToken(bearer, token)) return { ok: true, by: 'token' };
    return { ok: false, status: 403, error: 'The admin token is wrong.' };
  }
  if (!isLoopbackAddress(req.peer)) {
    return {
      ok: false,
      status: 403,
      error: token
        ? 'Adding documents from another machine needs the admin token (Authorization: Bearer <ADMIN_TOKEN>).'
        : 'Adding documents is allowed only from this machine (a loopback address); set ADMIN_TOKEN on the server to allow it from elsewhere with that token.',
    };
  }
  if (!isLoopbackHost(req.host))
    return { ok: false, status: 403, error: 'Open the app as http://localhost or http://127.0.0.1 to add documents (or send the admin token).' };
  if (req.secFetchSite && !['same-origin', 'none'].includes(req.secFetchSite.toLowerCase()))
    return { ok: false, status: 403, error: 'Adding documents from another site is refused.' };
  if (req.origin && req.origin !== 'null') {
    let originHost: string | null = null;
    try {
      originHost = new URL(req.origin).host;
    } catch {
      originHost = null;
    }
    if (originHost?.toLowerCase() !== req.host?.toLowerCase()) return { ok: false, status: 403, error: 'Adding documents from another site is refused.' };
  } else if (req.origin === 'null') return { ok: false, status: 403, error: 'Adding documents from another site is refused.' };
  return { ok: true, by: 'loopback' };
}

/** The access decision for a request in a route handler. */
export function uploadAccessOf(headers: Headers, peer: string | null): AccessDecision {
  return decideUploadAccess(
    {
      peer,
      authorization: headers.get('authorization'),
      host: headers.get('host'),
      origin: headers.get('origin'),
      secFetchSite: headers.get('sec-fetch-site'),
    },
    process.env.ADMIN_TOKEN,
  );
}
