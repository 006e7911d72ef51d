// Who may add documents: loopback sockets naming this machine from our own pages, or anyone with
// the admin token when it is set. The socket address comes from a stamp a client cannot forge.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { installPeerStamp, PEER_HEADER, peerAddress } from './peer-address';
import { readLimited } from './read-limited';
import { decideUploadAccess, isLoopbackAddress, isLoopbackHost } from './upload-access';

const local = { peer: '127.0.0.1', authorization: null, host: '127.0.0.1:3000', origin: null, secFetchSite: null };

describe('decideUploadAccess', () => {
  it('allows a loopback socket that names this machine, from the same origin or no browser at all', () => {
    expect(decideUploadAccess(local, undefined)).toEqual({ ok: true, by: 'loopback' });
    expect(decideUploadAccess({ ...local, peer: '::1', host: '[::1]:3000' }, undefined).ok).toBe(true);
    expect(decideUploadAccess({ ...local, peer: '::ffff:127.0.0.1', host: 'localhost:3000' }, undefined).ok).toBe(true);
    expect(decideUploadAccess({ ...local, origin: 'http://127.0.0.1:3000', secFetchSite: 'same-origin' }, undefined).ok).toBe(true);
  });

  it('refuses another machine without the token (403), whatever it claims in headers', () => {
    const remote = { ...local, peer: '192.0.2.7', host: '127.0.0.1:3000' };
    const r = decideUploadAccess(remote, undefined);
    expect(r).toEqual({ ok: false, status: 403, error: expect.stringContaining('only from this machine') });
    expect(decideUploadAccess(remote, 'secret-token')).toEqual({ ok: false, status: 403, error: expect.stringContaining('needs the admin token') });
    expect(decideUploadAccess({ ...local, peer: null }, undefined).ok).toBe(false); // address unknown: not trusted
  });

  it('allows anyone with the right token when ADMIN_TOKEN is set, and refuses a wrong one', () => {
    const remote = { ...local, peer: '192.0.2.7', host: 'corpus.example:3000' };
    expect(decideUploadAccess({ ...remote, authorization: 'Bearer secret-token' }, 'secret-token')).toEqual({ ok: true, by: 'token' });
    expect(decideUploadAccess({ ...remote, authorization: 'Bearer wrong' }, 'secret-token')).toEqual({
      ok: false,
      status: 403,
      error: 'The admin token is wrong.',
    });
    expect(decideUploadAccess({ ...local, authorization: 'Bearer wrong' }, 'secret-token').ok).toBe(false);
    // no token configured: a bearer header opens nothing
    expect(decideUploadAccess({ ...remote, authorization: 'Bearer anything' }, undefined).ok).toBe(false);
    expect(decideUploadAccess({ ...remote, authorization: 'Bearer ' }, '   ').ok).toBe(false);
  });

  it('refuses a page of another site (cross-site form post) and a rebound host name, even on loopback', () => {
    expect(decideUploadAccess({ ...local, origin: 'https://evil.example', secFetchSite: 'cross-site' }, undefined).ok).toBe(false);
    expect(decideUploadAccess({ ...local, origin: 'https://evil.example' }, undefined).ok).toBe(false);
    expect(decideUploadAccess({ ...local, origin: 'null' }, undefined).ok).toBe(false);
    expect(decideUploadAccess({ ...local, secFetchSite: 'same-site' }, undefined).ok).toBe(false);
    const rebound = decideUploadAccess({ ...local, host: 'evil.example:3000', origin: 'http://evil.example:3000' }, undefined);
    expect(rebound).toEqual({ ok: false, status: 403, error: expect.stringContaining('http://localhost') });
  });

  it('knows loopback addresses and host names', () => {
    expect(['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['192.0.2.2', '10.0.0.1', '::', '0.0.0.0', '128.0.0.1', '', null].some((a) => isLoopbackAddress(a))).toBe(false);
    expect(['localhost', 'localhost:3000', '127.0.0.1:80', '[::1]:3000', 'app.localhost'].every(isLoopbackHost)).toBe(true);
    expect(['127.0.0.1.evil.example', 'localhost.evil.example', 'example.com', null].some((h) => isLoopbackHost(h))).toBe(false);
  });
});

describe('the peer stamp', () => {
  it('hands the socket address to the handler and overrides what the client sent', async () => {
    installPeerStamp();
    const seen: (string | null)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(peerAddress(new Headers(req.headers as Record<string, string>)));
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const sent: Record<string, string>[] = [
        {},
        { [PEER_HEADER]: 'guess 127.0.0.1' },
        { [PEER_HEADER]: `${'x'.repeat(24)} 127.0.0.1` },
        { 'x-forwarded-for': '127.0.0.1' },
        { forwarded: 'for=127.0.0.1' },
      ];
      for (const headers of sent) {
        await new Promise<void>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port, headers }, (res) => {
            res.resume();
            res.on('end', resolve);
          });
          req.on('error', reject);
          req.end();
        });
      }
    } finally {
      server.close();
    }
    // a request through a proxy (or claiming to be) is not from this machine, whatever it says
    expect(seen).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1', 'forwarded', 'forwarded']);
    // a header not written by this process is not believed
    expect(peerAddress(new Headers({ [PEER_HEADER]: 'guess 127.0.0.1' }))).toBeNull();
    expect(peerAddress(new Headers())).toBeNull();
  });
});

describe('readLimited', () => {
  const stream = (sizes: number[]) =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const n of sizes) c.enqueue(new Uint8Array(n).fill(1));
        c.close();
      },
    });
  it('returns the body up to the limit and null beyond it, whatever the chunking', async () => {
    expect((await readLimited(stream([4, 4, 2]), 10))?.length).toBe(10);
    expect(await readLimited(stream([4, 4, 3]), 10)).toBeNull();
    expect(await readLimited(stream([11]), 10)).toBeNull();
    expect((await readLimited(null, 10))?.length).toBe(0);
  });
});
