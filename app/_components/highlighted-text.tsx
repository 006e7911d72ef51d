import { Fragment } from 'react';
import type { HighlightRun } from '@/lib/ui/quote-segments';

/** How a word of the query is marked, in a quote and wherever else the query's words are shown (globals.css: .qw, .qb, .qr). */
export const QUERY_WORD_MARK = 'qw';

/** Quote text with the query's words marked, words related to them underlined, and the best-answering sentence tinted. */
export function HighlightedText({ runs }: { runs: HighlightRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        const best = r.best ? 'qb' : '';
        if (r.match)
          return (
            <mark key={i} className={best ? `${QUERY_WORD_MARK} ${best}` : QUERY_WORD_MARK}>
              {r.text}
            </mark>
          );
        if (r.relatedTo)
          return (
            <mark key={i} data-related-to={r.relatedTo} title={`related to “${r.relatedTo}” in your query`} className={best ? `qr ${best}` : 'qr'}>
              {r.text}
            </mark>
          );
        // plain text needs no element: runs are maximal, so two texts are never adjacent
        return r.best ? (
          <span key={i} className={best}>
            {r.text}
          </span>
        ) : (
          <Fragment key={i}>{r.text}</Fragment>
        );
      })}
    </>
  );
}
