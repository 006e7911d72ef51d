import type { Metadata } from 'next';
import Link from 'next/link';
import { CollectionError, displayPath, readSaved, resolveSaved } from '@/lib/collections/store';
import { citationSources, toCard } from '@/lib/ui/cards';
import { packCards } from '@/lib/ui/packed-cards';
import { plural } from '@/lib/ui/format';
import { openReader } from '@/lib/ui/load-index';
import { parseSavedOrder, type RawParams } from '@/lib/ui/page-params';
import { CitationSourcesProvider } from '../_components/citation-sources';
import { CitationStyleSelect } from '../_components/citation-style';
import { ExportLinks } from '../_components/export-links';
import { IndexProblem, Notice } from '../_components/notice';
import { PruneMissingButton } from '../_components/prune-missing-button';
import { QuoteList } from '../_components/quote-list';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Saved quotes' };

export default async function SavedPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const order = parseSavedOrder(await searchParams);
  const opened = openReader();
  if (!opened.ok) return <IndexProblem problem={opened.problem} />;
  const { reader } = opened;
  let items;
  try {
    items = readSaved();
  } catch (e) {
    if (!(e instanceof CollectionError)) throw e;
    return (
      <Notice tone="error" title="The saved quotes cannot be read">
        <p>{e.message}.</p>
        <p>Nothing has been changed or overwritten. Saving a new quote stays refused until the file is repaired or moved.</p>
      </Notice>
    );
  }
  const { quotes, missing } = resolveSaved(reader, items, order);
  const cards = quotes.map(toCard);
  return (
    <CitationSourcesProvider
      sources={citationSources(
        reader,
        cards.map((c) => c.document.id),
      )}
    >
      <div className="space-y-6">
        <div className="font-ui">
          <h1 className="text-2xl font-semibold">Saved quotes</h1>
          <p className="mt-1 max-w-prose text-sm text-stone-700 dark:text-stone-300">
            The quotes you marked with Save, kept on this machine in <code className="text-xs">{displayPath()}</code>. They survive a re-indexing of the same
            documents.
          </p>
        </div>
        {missing.length > 0 && (
          <Notice
            tone="warning"
            title={`${plural(missing.length, 'saved quote')} ${missing.length === 1 ? 'is' : 'are'} no longer in the index`}
            testId="saved-missing"
          >
            <p>Their text changed or left the corpus when it was re-indexed, so they cannot be shown or cited: {missing.map((m) => m.id).join(', ')}.</p>
            <PruneMissingButton count={missing.length} />
          </Notice>
        )}
        {cards.length === 0 ? (
          <Notice title="No saved quotes yet" testId="saved-empty">
            <p>
              Use <strong>Save</strong> on any quote while you browse — in{' '}
              <Link href="/" className="link">
                search results
              </Link>
              , on{' '}
              <Link href="/speakers" className="link">
                speaker pages
              </Link>{' '}
              or in a comparison — and it appears here, ready to export as Markdown, CSV, BibTeX or RIS.
            </p>
          </Notice>
        ) : (
          <>
            <div className="font-ui flex flex-wrap items-center justify-between gap-x-6 gap-y-3 border-b border-stone-200 pb-3 dark:border-stone-800">
              <nav aria-label="Order" className="flex items-center gap-1 text-sm">
                <span className="mr-1 text-stone-600 dark:text-stone-400">{plural(cards.length, 'quote')} ·</span>
                {(
                  [
                    ['saved', 'Newest first'],
                    ['document', 'Document order'],
                  ] as const
                ).map(([o, label]) => (
                  <Link
                    key={o}
                    href={o === 'saved' ? '/saved' : '/saved?order=document'}
                    aria-current={order === o ? 'page' : undefined}
                    className="rounded px-2 py-1 text-stone-700 aria-[current=page]:bg-stone-200 aria-[current=page]:font-semibold aria-[current=page]:text-stone-950 dark:text-stone-300 dark:aria-[current=page]:bg-stone-800 dark:aria-[current=page]:text-white"
                  >
                    {label}
                  </Link>
                ))}
              </nav>
              <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
                <CitationStyleSelect />
                <ExportLinks query={`saved=1&order=${order}`} label="Export all" />
              </div>
            </div>
            <QuoteList packed={packCards(cards)} saved className="space-y-4" label="Saved quotes" />
          </>
        )}
      </div>
    </CitationSourcesProvider>
  );
}
