'use client';

import { useMemo } from 'react';
import { type PackedCards, unpackCards } from '@/lib/ui/packed-cards';
import { QuoteCard } from './quote-card';

/**
 * A list of quote cards rendered from packed data (lib/ui/packed-cards): the server still renders every card into the
 * HTML, but the page's RSC payload carries the cards' data once instead of each card's element tree.
 */
export function QuoteList({
  packed,
  saved,
  className,
  label,
  showSpeaker,
  scoreKind,
  compact,
  children,
}: {
  packed: PackedCards;
  /** Ids of the cards that are saved (true: every card). */
  saved: readonly string[] | true;
  className?: string;
  label?: string;
  showSpeaker?: boolean;
  scoreKind?: 'search' | 'theme';
  compact?: boolean;
  /** Items after the cards (a "more" link). */
  children?: React.ReactNode;
}) {
  const cards = useMemo(() => unpackCards(packed), [packed]);
  const savedIds = useMemo(() => (saved === true ? null : new Set(saved)), [saved]);
  return (
    <ol className={className} aria-label={label}>
      {cards.map((c) => (
        <li key={c.id}>
          <QuoteCard card={c} saved={savedIds ? savedIds.has(c.id) : true} showSpeaker={showSpeaker} scoreKind={scoreKind} compact={compact} />
        </li>
      ))}
      {children}
    </ol>
  );
}
