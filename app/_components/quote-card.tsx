import Link from 'next/link';
import { formatAuthors, formatDate } from '@/lib/ui/format';
import { dateWord } from '@/lib/ui/attribution';
import type { QuoteCardData } from '@/lib/ui/cards';
import { CitationPreview, CopyCitationButton } from './copy-citation-button';
import { CopyLinkButton } from './copy-link-button';
import { HighlightedText, QUERY_WORD_MARK } from './highlighted-text';
import { ContextIcon } from './icons';
import { RelevanceMeter } from './relevance-meter';
import { SaveQuoteButton } from './save-quote-button';

const KIND_LABEL = { interview: 'Interview', quote: 'Quoted statement', analysis: 'Author’s analysis' } as const;

/**
 * One quote: verbatim text, who said it (affiliation, interview date), where it stands (document, section, note),
 * and what can be done with it: copy with citation, copy a link, open in context, save.
 */
export function QuoteCard({
  card,
  saved,
  showSpeaker = true,
  scoreKind = 'search',
  compact = false,
}: {
  card: QuoteCardData;
  saved: boolean;
  showSpeaker?: boolean;
  scoreKind?: 'search' | 'theme';
  compact?: boolean;
}) {
  const s = card.speaker;
  return (
    <article data-testid="result" data-quote-id={card.id} className={compact ? 'qc qc-sm' : 'qc'}>
      <div className="font-ui qc-head">
        <span className="qc-kind">{KIND_LABEL[card.kind]}</span>
        {card.score !== null && <RelevanceMeter score={card.score} match={scoreKind === 'search' ? card.match : null} />}
      </div>
      <blockquote data-testid="result-text" className={compact ? 'qc-text text-base' : 'qc-text'}>
        <HighlightedText runs={card.runs} />
      </blockquote>
      <div className="qc-meta">
        {(showSpeaker || !s) && (
          <p>
            {s ? (
              <>
                <Link href={`/speakers/${s.id}`} data-testid="result-speaker" className="link font-semibold">
                  {s.name}
                </Link>
                {s.affiliation && <span className="qc-soft">{`, ${s.affiliation}`}</span>}
              </>
            ) : card.unattributed ? (
              <span data-testid="result-speaker" className="font-semibold">
                Unattributed
              </span>
            ) : (
              <span data-testid="result-speaker" className="font-semibold">
                {formatAuthors(card.document.authors) || 'The author'}
                <span className="qc-muted font-normal"> (author)</span>
              </span>
            )}
            {/* a date only with what the quote's own note says it is */}
            {card.interviewDate && card.dateLabel && <span className="qc-muted">{` · ${dateWord(card.dateLabel)} ${formatDate(card.interviewDate)}`}</span>}
          </p>
        )}
        <p className="qc-muted">
          <span className="sr-only">Source: </span>
          <Link href={`/documents/${encodeURIComponent(card.document.id)}`} className="link italic">
            {card.document.title}
          </Link>
          {/* one text each, without the markers React puts between adjacent texts */}
          {card.document.date && ` (${formatDate(card.document.date)})`}
          {card.section && ` · ${card.section}`}
          {card.page && ` · p. ${card.page}`}
        </p>
        {card.evidence && (
          <p className="qc-note" data-testid="result-attribution" data-method={card.attributionMethod ?? 'none'}>
            {card.evidence}
          </p>
        )}
        {card.footnote?.text && !compact && card.attributionMethod !== 'note' && (
          <p className="qc-note">{`Note ${card.footnote.number}: ${card.footnote.text}`}</p>
        )}
        {card.contextTerms.length > 0 && (
          <p className="qc-note" data-testid="result-context-match">
            Matched in the author’s lead-in:{' '}
            {card.contextTerms.map((t, i) => (
              <span key={t}>
                {i > 0 && ', '}
                <mark className={QUERY_WORD_MARK}>{t}</mark>
              </span>
            ))}
          </p>
        )}
        {card.alsoIn.length > 0 && (
          <p className="qc-note">
            Also in:{' '}
            {card.alsoIn.map((a, i) => (
              <span key={a.documentId}>
                {i > 0 && '; '}
                <Link href={a.href} className="link italic">
                  {a.title}
                </Link>
              </span>
            ))}
          </p>
        )}
      </div>
      {!compact && <CitationPreview cite={card.cite} />}
      {/* printed instead of the buttons (globals.css @media print) */}
      <p data-print="citation" className="hidden text-sm">
        {card.citation.chicago}
      </p>
      <div className={compact ? 'qc-actions gap-1.5' : 'qc-actions'}>
        <CopyCitationButton cite={card.cite} compact={compact} />
        <CopyLinkButton href={card.contextHref} compact={compact} />
        <Link href={card.contextHref} data-testid="open-in-context" className="btn" aria-label={compact ? 'Open in context' : undefined}>
          <ContextIcon />
          {compact ? 'Context' : 'Open in context'}
        </Link>
        <SaveQuoteButton quoteId={card.id} saved={saved} />
      </div>
    </article>
  );
}
