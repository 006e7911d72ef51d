import Link from 'next/link';
import { dateWord } from '@/lib/ui/attribution';
import type { QuoteCardData } from '@/lib/ui/cards';
import { formatDate } from '@/lib/ui/format';
import { CitationStyleSelect } from './citation-style';
import { CitationPreview, CopyCitationButton } from './copy-citation-button';
import { CopyLinkButton } from './copy-link-button';
import { CorrectAttribution } from './correct-attribution';
import { SaveQuoteButton } from './save-quote-button';

/** Under the highlighted quote in the reader: who said it, and copy, link and save. */
export function HighlightCallout({ card, saved, clearHref }: { card: QuoteCardData; saved: boolean; clearHref: string }) {
  const s = card.speaker;
  return (
    <aside
      aria-label="Highlighted quote"
      data-testid="highlight-callout"
      className="font-ui my-5 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm sm:p-4 dark:border-amber-700/60 dark:bg-amber-950/30"
    >
      <p className="text-stone-800 dark:text-stone-200">
        {s ? (
          <>
            <Link href={`/speakers/${s.id}`} className="link font-semibold">
              {s.name}
            </Link>
            {s.affiliation && <>, {s.affiliation}</>}
          </>
        ) : card.unattributed ? (
          <span className="font-semibold">Unattributed</span>
        ) : (
          <span className="font-semibold">The author’s analysis</span>
        )}
        {card.interviewDate && card.dateLabel && (
          <>
            {' '}
            · {dateWord(card.dateLabel)} {formatDate(card.interviewDate)}
          </>
        )}
        {card.footnote && <> · note {card.footnote.number}</>}
      </p>
      {card.evidence && (
        <p data-testid="reader-attribution" data-method={card.attributionMethod ?? 'none'} className="mt-1 text-xs text-stone-700 dark:text-stone-300">
          {card.evidence}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <CitationStyleSelect />
        <CopyCitationButton cite={card.cite} />
        <CopyLinkButton href={card.contextHref} />
        <SaveQuoteButton quoteId={card.id} saved={saved} />
        <Link href={clearHref} scroll={false} className="link ml-auto">
          Clear highlight
        </Link>
      </div>
      <CitationPreview cite={card.cite} />
      {card.kind !== 'analysis' && <CorrectAttribution documentId={card.document.id} quoteId={card.id} speakerName={card.speaker?.name ?? null} />}
    </aside>
  );
}
