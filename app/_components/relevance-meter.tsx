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
      {/* four bars of rising height, the first `level` lit (globals.css .rm-bars) */}
      <span className="rm-bars" data-level={level} aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </span>
      <span>{label}</span>
    </span>
  );
}
