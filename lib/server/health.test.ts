import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const { installHealthFastPath, isHealthCheck } = await import('./health');

describe('health fast path', () => {
  let server: http.Server;
  let base: string;
  const seen: string[] = [];
  beforeAll(async () => {
    process.env.CORPUS_DB = '/nonexistent/health-test/corpus.db';
    installHealthFastPath();
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.end('from the app');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('answers GET /api/health itself, with the route body and the security headers', async () => {
    const res = await fetch(`${base}/api/health?x=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect((await fetch(`${base}/api/health`)).headers.get('content-security-policy')).not.toContain(nonce);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.json()).toEqual({ ok: false, warm: false, error: 'index missing; run npm run ingest' });
    expect(seen).toEqual([]);
  });

  it('leaves every other request to the app', async () => {
    for (const [path, method] of [
      ['/api/health/', 'GET'],
      ['/api/healthz', 'GET'],
      ['/api/health', 'POST'],
      ['/api/search?q=health', 'GET'],
    ])
      expect(await (await fetch(`${base}${path}`, { method })).text()).toBe('from the app');
    expect(seen).toEqual(['GET /api/health/', 'GET /api/healthz', 'POST /api/health', 'GET /api/search?q=health']);
    expect(isHealthCheck('HEAD', '/api/health')).toBe(false);
  });
});
