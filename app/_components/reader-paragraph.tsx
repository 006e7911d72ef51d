import Link from 'next/link';
import type { ReaderQuote } from '@/lib/types';
import { attributionPhrase } from '@/lib/ui/attribution';
import type { ReaderParagraphView } from '@/lib/ui/reader-view';
import { FootnoteRef } from './footnote-ref';

// the repeated classes live in globals.css (.rq, .rq-hl, .rq-badge, .rp-anchor): a document page has hundreds of them,
// each sent twice (in the HTML and in the RSC payload)
const KIND_CLASS: Record<ReaderParagraphView['kind'], string> = {
  text: '',
  list: 'pl-5 -indent-4',
  meta: 'font-ui text-sm text-stone-600 dark:text-stone-400',
  byline: 'italic text-stone-700 dark:text-stone-300',
  toc: 'font-ui text-sm text-stone-600 dark:text-stone-400',
};

/**
 * One paragraph of the document, verbatim: quotes are marked and followed by their speaker's name (a link
 * that highlights the quote), note markers open their notes in place, and the paragraph keeps its anchor.
 */
export function ReaderParagraph({
  paragraph,
  quotes,
  notes,
  highlightId,
  firstRefs,
  children,
}: {
  paragraph: ReaderParagraphView;
  quotes: Map<string, ReaderQuote>;
  notes: Map<number, string>;
  highlightId: string | null;
  firstRefs: Set<string>;
  children?: React.ReactNode;
}) {
  const p = paragraph;
  const passageHighlight = p.highlighted;
  const badge = (quoteId: string, key?: number) => {
    const q = quotes.get(quoteId);
    if (!q) return null;
    return (
      // outside the quotation marks and out of a copied selection (select-none): the document's text stays verbatim
      <Link
        key={key}
        href={`?quote=${encodeURIComponent(q.id)}#${encodeURIComponent(q.id)}`}
        scroll={false}
        data-testid="reader-quote-speaker"
        data-method={q.attribution?.method ?? 'none'}
        className={q.speaker ? 'rq-badge' : 'rq-badge rq-badge-none'}
        title={`${q.speaker ? `${q.kind === 'interview' ? 'Interview' : 'Quoted'}: ${q.speaker.name}${q.speaker.affiliation ? `, ${q.speaker.affiliation}` : ''}. ` : ''}${attributionPhrase(q.attribution, q.footnoteNumber)} — select to highlight, cite or correct`}
      >
        — {q.speaker ? q.speaker.name : 'Unattributed'}
      </Link>
    );
  };
  const body = p.runs.map((run, ri) => {
    const parts = run.parts.map((part, pi) =>
      'text' in part ? (
        <span key={pi}>{p.kind === 'toc' ? part.text.replace(/\t+/g, ' · ') : part.text}</span>
      ) : 'badge' in part ? (
        badge(part.badge, pi)
      ) : (
        <FootnoteRef
          key={pi}
          number={part.footnote}
          text={notes.get(part.footnote)}
          popoverId={`fn-${p.anchor}-${ri}-${pi}`}
          refId={firstRefs.has(`${p.anchor}:${ri}:${pi}`) ? `ref-${part.footnote}` : undefined}
        />
      ),
    );
    if (!run.quoteId) return <span key={ri}>{parts}</span>;
    const isHighlight = run.quoteId === highlightId;
    return (
      <span key={ri}>
        <span
          id={run.quoteStarts ? run.quoteId : undefined}
          data-quote={run.quoteId}
          data-testid={isHighlight && run.quoteStarts ? 'quote-highlight' : undefined}
          className={isHighlight ? 'rq-hl' : 'rq'}
        >
          {parts}
        </span>
        {run.quoteEnds && !run.badgeMoved && badge(run.quoteId)}
      </span>
    );
  });
  return (
    <>
      <p
        id={p.anchor}
        data-testid={passageHighlight && p.highlightStartsHere ? 'quote-highlight' : undefined}
        className={[
          'reader-paragraph rp',
          KIND_CLASS[p.kind],
          passageHighlight ? 'rounded bg-amber-100 ring-4 ring-amber-100 dark:bg-amber-500/15 dark:ring-amber-500/15' : '',
        ]
          .filter(Boolean)
          .join(' ')}
      >
        {passageHighlight && p.highlightStartsHere && highlightId && <span id={highlightId} className="scroll-mt-24" />}
        {body}
        <a href={`#${p.anchor}`} tabIndex={-1} aria-hidden="true" className="rp-anchor" title="Link to this paragraph">
          ¶
        </a>
      </p>
      {children}
    </>
  );
}
