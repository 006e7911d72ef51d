// Warms the index, the embedding model and the citation engines when the server starts, so the first query is as fast as the rest.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { warmServer } = await import('./lib/server/warm');
  await warmServer();
}
