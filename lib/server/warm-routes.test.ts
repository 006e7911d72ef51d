import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { routesWarm, warmRoutes } from './warm-routes';

let server: Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

describe('warmRoutes', () => {
  it('requests the search API and the search page once the server answers, then reports warm', async () => {
    const seen: string[] = [];
    server = createServer((req, res) => {
      seen.push(req.url!.split('?')[0]);
      res.end('{}');
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    await warmRoutes(`http://127.0.0.1:${port}`, 5_000);
    expect(seen).toEqual(['/api/search', '/']);
    expect(routesWarm()).toBe(true);
  });

  it('gives up quietly when nothing answers, and still reports warm so health checks do not wait forever', async () => {
    (globalThis as { __routesWarm?: boolean }).__routesWarm = false;
    const started = Date.now();
    await warmRoutes('http://127.0.0.1:9', 600); // port 9 (discard) refuses on loopback
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(routesWarm()).toBe(true);
  });
});
