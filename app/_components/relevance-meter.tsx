import { MATCH_LEVELS, relevanceLevel } from '@/lib/ui/format';
import type { QuoteCardData } from '@/lib/ui/cards';

/**
 * Four bars and a word. A search result says how it matched the query (all words, some, related, meaning only); a quote
 * on a theme (compare) says how strongly it addresses it, with the score in the tooltip.
 */
export function RelevanceMeter({ score, match }: { score: number; match: QuoteCardData['match'] }) {
  const { level, label, title } = match
    ? MATCH_LEVELS[match]
    : { ...relevanceLevel(score), title: `Theme relevance ${score.toFixed(2)} (0–1, words of the theme and closeness in meaning)` };
  return (
    <span className="font-ui rm" title={title} data-testid="relevance">
      <span className="inline-flex items-end gap-0.5" aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={`rm-bar ${['h-1.5', 'h-2', 'h-2.5', 'h-3'][i - 1]}${i <= level ? ' rm-on' : ''}`} />
        ))}
      </span>
      <span>{label}</span>
    </span>
  );
}
