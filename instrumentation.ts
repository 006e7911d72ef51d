// Warms the index, the embedding model and the citation engines when the server starts, so the first query is as fast as the rest.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // first: route handlers learn the client's socket address from this stamp (adding documents is loopback-only without a token)
  (await import('./lib/server/peer-address')).installPeerStamp();
  // a plain GET /api/health is answered before Next.js, so a busy server still answers it at once (lib/server/health.ts)
  (await import('./lib/server/health')).installHealthFastPath();
  const [{ warmServer }, { warmRoutes }] = await Promise.all([import('./lib/server/warm'), import('./lib/server/warm-routes')]);
  await warmServer();
  // `next start` has bound its port before this runs, and serves requests once this returns
  const port = process.env.PORT;
  if (port && process.env.NODE_ENV === 'production') void warmRoutes(`http://127.0.0.1:${port}`);
}
