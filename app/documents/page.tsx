import type { Metadata } from 'next';
import Link from 'next/link';
import { formatAuthors, formatDate, plural } from '@/lib/ui/format';
import { openReader } from '@/lib/ui/load-index';
import { IndexProblem } from '../_components/notice';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Documents' };

export default function DocumentsPage() {
  const opened = openReader();
  if (!opened.ok) return <IndexProblem problem={opened.problem} />;
  const { reader } = opened;
  const docs = reader.documents().map((d) => {
    const quotes = reader.quotes({ documentId: d.id });
    return { ...d, quotes: quotes.length, speakers: new Set(quotes.map((q) => q.speakerId).filter(Boolean)).size };
  });
  return (
    <div className="font-ui space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Documents</h1>
        <p className="mt-1 max-w-prose text-sm text-stone-700 dark:text-stone-300">
          The reports and articles in the corpus. Open one to read it with its quotes marked and its notes at hand.
        </p>
      </div>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
        {docs.map((d) => (
          <li key={d.id} className="p-4" data-testid="document-row">
            <Link href={`/documents/${encodeURIComponent(d.id)}`} className="link font-serif text-lg italic">
              {d.title}
            </Link>
            <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
              {[formatAuthors(d.authors), d.publisher, formatDate(d.date)].filter(Boolean).join(' · ') || 'Author and date not stated'}
            </p>
            <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
              {d.kind.replace(/-/g, ' ')} ·{' '}
              {d.quotes ? `${plural(d.quotes, 'quote')} by ${plural(d.speakers, 'speaker')}` : 'no attributed quotes (analysis only)'}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
