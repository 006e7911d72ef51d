import { IndexMissingError } from '@/lib/db/open';
import { getIndex } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

export default function Home() {
  let status: string;
  try {
    const s = getIndex().summary();
    status = `${s.documents} documents, ${s.speakers} speakers, ${s.quotes} quotes, ${s.chunks} chunks (model ${s.embedder}, built ${s.builtAt}).`;
  } catch (e) {
    status = e instanceof IndexMissingError ? 'The index is missing. Run npm run ingest to build it.' : `The index cannot be opened: ${(e as Error).message}`;
  }
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-2xl font-semibold">Expert Quotes</h1>
      <p className="font-ui mt-2 text-sm">{status}</p>
    </main>
  );
}
