// Kept apart from warm.ts (which needs the server-only context) so health checks and tests can use it anywhere.

const WARM_QUERY = 'what do experts say about sanctions on Beijing';
const routeState = globalThis as unknown as { __routesWarm?: boolean };

/** True once `warmRoutes` has answered a search through the server itself (or found nothing to warm). */
export function routesWarm(): boolean {
  return routeState.__routesWarm === true;
}

/**
 * One search through the server's own HTTP path, API and page, once it accepts requests: Next loads and first runs a
 * route's code on its first request (about 150 ms here), which would otherwise fall on the first user. Never throws.
 */
export async function warmRoutes(origin: string, timeoutMs = 60_000): Promise<void> {
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  const q = encodeURIComponent(WARM_QUERY);
  try {
    for (const route of [`/api/search?q=${q}`, `/?q=${q}`]) {
      let done = false;
      while (!done && Date.now() < deadline) {
        try {
          const res = await fetch(`${origin}${route}`, { signal: AbortSignal.timeout(15_000) });
          await res.arrayBuffer();
          done = true;
        } catch {
          await new Promise((r) => setTimeout(r, 100)); // the server is still starting
        }
      }
      if (!done) {
        console.log(`could not warm ${route} through ${origin}; the first query will be slower`);
        return;
      }
    }
    console.log(`warmed the search API and page through ${origin} in ${Math.round(performance.now() - started)} ms`);
  } finally {
    routeState.__routesWarm = true;
  }
}
