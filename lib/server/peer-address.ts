import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

/**
 * The address of the client's socket, handed to route handlers in a request header.
 *
 * Next.js route handlers do not see the socket, and the `x-forwarded-for` that `next start` adds
 * keeps whatever the client sent (`??=`), so it proves nothing. This stamps every request as the
 * Node server receives it, before Next.js reads it: the header is overwritten (a client cannot
 * choose its value) and carries a secret made at start-up, so a stamp is trusted only when this
 * process wrote it. Without the stamp (not installed) the address is unknown and treated as remote.
 * A request that arrives with forwarding headers came through a proxy (or pretends to): the socket
 * is then the proxy's, so it is stamped as "forwarded" and never counts as loopback.
 */
export const PEER_HEADER = 'x-expert-quotes-peer';

const state = globalThis as unknown as { __eqPeerSecret?: string; __eqPeerStampInstalled?: boolean };

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

/** Patches http(s) servers of this process to stamp each request with its socket's remote address; idempotent. */
export function installPeerStamp(): void {
  if (state.__eqPeerStampInstalled) return;
  state.__eqPeerStampInstalled = true;
  state.__eqPeerSecret ??= randomBytes(18).toString('base64url');
  const secret = state.__eqPeerSecret;
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as { emit: Emit }[]) {
    const original = proto.emit;
    proto.emit = function stampPeer(this: http.Server, event, ...args) {
      if (event === 'request' || event === 'checkContinue') {
        const req = args[0] as http.IncomingMessage;
        const h = req.headers;
        const forwarded = h['x-forwarded-for'] !== undefined || h.forwarded !== undefined || h['x-real-ip'] !== undefined;
        req.headers[PEER_HEADER] = `${secret} ${forwarded ? 'forwarded' : (req.socket?.remoteAddress ?? 'unknown')}`;
      }
      return original.call(this, event, ...args);
    };
  }
}

/** The client's socket address from a stamped request ('forwarded' behind a proxy), or null when the stamp is missing or not this process's. */
export function peerAddress(headers: Headers): string | null {
  const secret = state.__eqPeerSecret;
  const value = headers.get(PEER_HEADER);
  if (!secret || !value) return null;
  const m = /^(\S+) (\S+)$/.exec(value);
  return m && m[1] === secret ? m[2] : null;
}
