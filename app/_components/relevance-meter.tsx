import { relevanceLevel } from '@/lib/ui/format';

/** Four bars and a word: how well a quote answers the query (the exact score is in the tooltip). */
export function RelevanceMeter({ score, kind = 'search' }: { score: number; kind?: 'search' | 'theme' }) {
  const { level, label } = relevanceLevel(score);
  const title = kind === 'theme' ? `Theme relevance ${score.toFixed(2)} (0–1)` : `Relevance ${score.toFixed(2)}: 1 means first by both keywords and meaning`;
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
