import Link from 'next/link';
import type { QuoteCardData } from '@/lib/ui/cards';
import { formatDate, plural } from '@/lib/ui/format';
import { packCards } from '@/lib/ui/packed-cards';
import { QuoteList } from './quote-list';

export interface CompareColumnView {
  speaker: { id: string; name: string; affiliation: string | null; role: string | null; quoteCount: number; interviewDates: string[] };
  cards: QuoteCardData[];
  onTheme: number;
}

// whole class names, so Tailwind generates them
const LG_COLUMNS: Record<number, string> = { 1: 'lg:grid-cols-1', 2: 'lg:grid-cols-2', 3: 'lg:grid-cols-3', 4: 'lg:grid-cols-4' };

/** One column per speaker, in the order chosen: their best quotes on the theme, or a plain "nothing on this theme". */
export function CompareColumns({ q, columns, saved }: { q: string; columns: CompareColumnView[]; saved: Set<string> }) {
  return (
    // every speaker within the page's width: up to four side by side, more wrap into balanced rows (7 → 4 + 3), never a sideways scroll
    <div className={`grid gap-5 md:grid-cols-2 lg:gap-y-8 ${LG_COLUMNS[Math.min(4, columns.length <= 4 ? columns.length : Math.ceil(columns.length / 2))]}`}>
      {columns.map(({ speaker: s, cards, onTheme }) => (
        <section
          key={s.id}
          data-testid="compare-column"
          data-speaker-id={s.id}
          aria-labelledby={`col-${s.id}`}
          className="min-w-0 md:row-span-2 md:grid md:grid-rows-subgrid md:gap-y-0"
        >
          <header className="font-ui mb-3 border-b-2 border-stone-800 pb-2 dark:border-stone-300">
            <h2 id={`col-${s.id}`} className="text-base font-semibold">
              <Link href={`/speakers/${s.id}`} className="hover:underline">
                {s.name}
              </Link>
            </h2>
            <p className="text-xs text-stone-600 dark:text-stone-400">
              {[s.affiliation, s.interviewDates.length ? `interviewed ${s.interviewDates.map(formatDate).join(', ')}` : null].filter(Boolean).join(' · ') ||
                'Quoted in the documents'}
            </p>
            <p className="mt-1 text-xs font-medium text-stone-700 dark:text-stone-300" data-testid="compare-count">
              {onTheme ? `${plural(onTheme, 'quote')} of ${s.quoteCount} on this theme` : `0 of ${plural(s.quoteCount, 'quote')} on this theme`}
            </p>
          </header>
          {cards.length ? (
            <QuoteList
              packed={packCards(cards)}
              saved={cards.filter((c) => saved.has(c.id)).map((c) => c.id)}
              className="space-y-3"
              showSpeaker={false}
              scoreKind="theme"
              compact
            >
              {onTheme > cards.length && (
                <li className="font-ui text-sm">
                  <Link className="link" href={`/?q=${encodeURIComponent(q)}&speaker=${encodeURIComponent(s.id)}`}>
                    All {onTheme} of {s.name}’s quotes on this theme
                  </Link>
                </li>
              )}
            </QuoteList>
          ) : (
            <div
              data-testid="compare-empty"
              className="font-ui rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-700 dark:border-stone-700 dark:text-stone-300"
            >
              <p className="font-semibold">Nothing on this theme.</p>
              <p className="mt-1">
                None of {s.name}’s {plural(s.quoteCount, 'quote')} addresses “{q}” clearly enough to show.{' '}
                <Link className="link" href={`/speakers/${s.id}`}>
                  Read all of them
                </Link>
                .
              </p>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
