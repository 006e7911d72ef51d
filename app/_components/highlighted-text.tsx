import type { HighlightRun } from '@/lib/ui/quote-segments';

/** How a word of the query is marked, in a quote and wherever else the query's words are shown. */
export const QUERY_WORD_MARK = 'rounded-sm bg-amber-200 px-px font-semibold text-inherit dark:bg-amber-500/35 dark:text-white';

/** Quote text with the query's words marked, words related to them underlined, and the best-answering sentence tinted. */
export function HighlightedText({ runs }: { runs: HighlightRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        const best = r.best ? 'bg-amber-100/80 dark:bg-amber-400/15 box-decoration-clone' : '';
        if (r.match)
          return (
            <mark key={i} className={`${QUERY_WORD_MARK} ${best}`}>
              {r.text}
            </mark>
          );
        if (r.relatedTo)
          return (
            <mark
              key={i}
              data-related-to={r.relatedTo}
              title={`related to “${r.relatedTo}” in your query`}
              className={`bg-transparent text-inherit underline decoration-amber-600 decoration-dotted decoration-2 underline-offset-4 dark:decoration-amber-400 ${best}`}
            >
              {r.text}
            </mark>
          );
        return r.best ? (
          <span key={i} className={best}>
            {r.text}
          </span>
        ) : (
          <span key={i}>{r.text}</span>
        );
      })}
    </>
  );
}
