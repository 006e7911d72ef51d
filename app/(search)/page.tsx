import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { savedIdSet } from '@/lib/collections/store';
import type { IndexReader } from '@/lib/db/index-reader';
import { toQuoteRecord } from '@/lib/records';
import { checkIdsExist } from '@/lib/search/params';
import { NOTICE_TEXT } from '@/lib/search/relevance-floor';
import { searchQuotesCached } from '@/lib/search/search-cache';
import type { SearchParams } from '@/lib/search/search';
import { defaultThemes } from '@/lib/search/themes';
import { citationSources, toCard, type QuoteCardData } from '@/lib/ui/cards';
import type { SearchNotice } from '@/lib/types';
import { plural } from '@/lib/ui/format';
import { packCards } from '@/lib/ui/packed-cards';
import { describeIndexProblem, openReader, openSearch } from '@/lib/ui/load-index';
import { MAX_PAGE_LIMIT, PAGE_SIZE, parseSearchPage, searchHref, type RawParams, type SearchPageState } from '@/lib/ui/page-params';
import { AutoSubmit } from '../_components/auto-submit';
import { CitationSourcesProvider } from '../_components/citation-sources';
import { CitationStyleSelect } from '../_components/citation-style';
import { ExportLinks } from '../_components/export-links';
import { IndexProblem, Notice } from '../_components/notice';
import { QuoteList } from '../_components/quote-list';
import { ResultsSkeleton } from '../_components/results-skeleton';
import { SearchFilters } from '../_components/search-filters';
import { SearchForm } from '../_components/search-form';
import { SEARCH_FORM_ID } from '../_components/search-form-id';
import { FocusAddedResult, ShowMoreLink } from '../_components/show-more-link';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { state } = parseSearchPage(await searchParams);
  return state.q ? { title: `“${state.q.slice(0, 80)}”` } : {};
}

export default async function SearchPage({ searchParams }: Props) {
  const { state, params, error } = parseSearchPage(await searchParams);
  const opened = openReader();
  if (!opened.ok)
    return (
      <div className="space-y-6">
        <SearchForm q={state.q} />
        <IndexProblem problem={opened.problem} />
      </div>
    );
  const { reader } = opened;
  const filtered = state.speakers.length > 0 || !!state.document || state.kind !== 'quotes';
  const options = {
    speakers: reader.speakers().map((s) => ({ id: s.id, name: s.name, quoteCount: s.quoteCount })),
    documents: reader.documents().map((d) => ({ id: d.id, title: d.title })),
  };
  const resultsKey = JSON.stringify(state);
  return (
    <div>
      <h1 className="sr-only">Search expert quotes</h1>
      <SearchForm q={state.q} />
      <div className="mt-6 lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-10">
        <aside aria-label="Filters" className="mb-6 lg:mb-0">
          <SearchFilters options={options} state={state} clearHref={filtered && state.q ? searchHref({ q: state.q }) : filtered ? '/' : null} />
        </aside>
        <section aria-label={state.q ? 'Results' : 'Getting started'} className="min-w-0">
          {!state.q && !error && filtered && (state.speakers.length > 0 || state.document) ? (
            <Browse reader={reader} state={state} />
          ) : !state.q && !error ? (
            <Introduction themes={defaultThemes(reader, 8)} summary={reader.summary()} />
          ) : error || !params ? (
            <Notice tone="warning" title="That search could not run" testId="search-error">
              <p>{capitalise(error ?? 'the query is empty')}.</p>
              {filtered && (
                <p>
                  <Link className="link" href={state.q ? searchHref({ q: state.q }) : '/'}>
                    Search without the filters
                  </Link>
                  .
                </p>
              )}
            </Notice>
          ) : (
            <Suspense key={resultsKey} fallback={<ResultsSkeleton q={state.q} />}>
              <Results params={params} state={state} />
            </Suspense>
          )}
        </section>
      </div>
      <AutoSubmit formId={SEARCH_FORM_ID} unlessShown="filters-toggle-label" />
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function Introduction({ themes, summary }: { themes: string[]; summary: { documents: number; speakers: number; quotes: number } }) {
  return (
    <div className="font-ui space-y-6" data-testid="search-intro">
      <div>
        <h2 className="text-lg font-semibold">What did the experts say?</h2>
        <p className="mt-1 max-w-prose text-stone-700 dark:text-stone-300">
          Ask a theme in your own words. Every answer is a verbatim quote with its speaker, affiliation, interview date, document and section, ready to copy
          with a citation or to read in context.
        </p>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-stone-800 dark:text-stone-200">Themes in this corpus</h3>
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Example themes">
          {themes.map((t) => (
            <li key={t}>
              <Link href={searchHref({ q: t })} className="btn rounded-full" data-testid="example-theme">
                {t}
              </Link>
            </li>
          ))}
        </ul>
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {plural(summary.quotes, 'quote')} by {plural(summary.speakers, 'speaker')} in {plural(summary.documents, 'document')}.{' '}
        <Link href="/speakers" className="link">
          See who is quoted
        </Link>
        , or{' '}
        <Link href="/compare" className="link">
          compare speakers side by side
        </Link>
        .
      </p>
    </div>
  );
}

async function Results({ params, state }: { params: SearchParams; state: SearchPageState }) {
  const opened = await openSearch();
  if (!opened.ok) return <IndexProblem problem={opened.problem} />;
  const { reader, embedder } = opened;
  const unknown = checkIdsExist(reader, params);
  if (unknown)
    return (
      <Notice tone="warning" title="Some filters point at nothing in this index" testId="search-error">
        <p>
          {capitalise(unknown)}: the link may come from an older index, or the id is mistyped.{' '}
          <Link className="link" href={searchHref({ q: state.q })}>
            Search all speakers and documents
          </Link>
          .
        </p>
      </Notice>
    );
  let response;
  try {
    response = await searchQuotesCached(reader, embedder, params);
  } catch (e) {
    const problem = describeIndexProblem(e);
    if (problem) return <IndexProblem problem={problem} />;
    throw e;
  }
  const { results } = response;
  if (response.notice) return <NoMatch state={state} notice={response.notice} suggestion={response.suggestion} themes={defaultThemes(reader, 4)} />;
  if (!results.length) return <EmptyResults state={state} />;
  const saved = savedIdSet();
  const cards = results.map(toCard);
  const sources = citationSources(
    reader,
    cards.map((c) => c.document.id),
  );
  const exportQuery = new URLSearchParams(searchHref(state).slice(2));
  exportQuery.set('limit', String(state.limit));
  if (!exportQuery.has('kind')) exportQuery.set('kind', 'quotes');
  const noWordMatched = results.every((r) => r.matchedTerms.length === 0 && r.contextTerms.length === 0);
  const anyRelated = results.some((r) => r.relatedTerms.length > 0);
  const speakerNames = state.speakers.map((id) => reader.speaker(id)?.name ?? id);
  const documentTitle = state.document ? reader.document(state.document)?.title : null;
  return (
    <CitationSourcesProvider sources={sources}>
      <div className="font-ui flex flex-wrap items-end justify-between gap-x-6 gap-y-3 border-b border-stone-200 pb-3 dark:border-stone-800">
        <div>
          <h2 className="text-base font-semibold" data-testid="results-heading">
            {plural(response.total, state.kind === 'all' ? 'passage matches' : 'quote matches', state.kind === 'all' ? 'passages match' : 'quotes match')} “
            {state.q}”
          </h2>
          <p className="text-xs text-stone-600 dark:text-stone-400">
            {speakerNames.length > 0 && <>From {speakerNames.join(', ')} · </>}
            {documentTitle && <>In {documentTitle} · </>}
            {results.length < response.total && <>Showing the best {results.length} · </>}
            {KIND_SCOPE[state.kind]} · best first · {response.tookMs} ms
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
          <CitationStyleSelect />
          <ExportLinks query={exportQuery.toString()} label="Export these" />
        </div>
      </div>
      {response.suggestion && (
        <p className="font-ui mt-3 text-sm text-stone-700 dark:text-stone-300" data-testid="did-you-mean">
          Did you mean{' '}
          <Link className="link font-semibold" href={searchHref({ ...state, q: response.suggestion })}>
            {response.suggestion}
          </Link>
          ?
        </p>
      )}
      {response.namedSpeakers.length > 0 && (
        <p className="font-ui mt-3 text-sm text-stone-700 dark:text-stone-300" data-testid="named-speakers">
          Quotes by {response.namedSpeakers.map((s) => s.name).join(' and ')} come first: your query names{' '}
          {response.namedSpeakers.length > 1 ? 'them' : 'this speaker'}.{' '}
          <Link className="link" href={searchHref({ ...state, speakers: response.namedSpeakers.map((s) => s.id) })} data-testid="named-speakers-only">
            Show only {response.namedSpeakers.length > 1 ? 'theirs' : `${response.namedSpeakers[0].name}’s`}
          </Link>
        </p>
      )}
      {noWordMatched && (
        <p className="font-ui mt-3 text-sm text-stone-700 dark:text-stone-300" data-testid="meaning-only">
          No quote uses the words of your query; these are the closest in meaning.{' '}
          {anyRelated ? 'Dotted underlines mark words related to yours (hover to see which).' : 'Try other words for the same idea.'}
        </p>
      )}
      <ResultList cards={cards} saved={saved} />
      <FocusAddedResult />
      {results.length < response.total && state.limit < MAX_PAGE_LIMIT && (
        <p className="font-ui mt-6 text-center">
          <ShowMoreLink href={searchHref({ ...state, limit: Math.min(MAX_PAGE_LIMIT, state.limit + PAGE_SIZE) })} from={results.length}>
            Show more quotes
          </ShowMoreLink>
        </p>
      )}
    </CitationSourcesProvider>
  );
}

/** Filters without a query: every quote of the chosen speakers (or document), in document order. */
function Browse({ reader, state }: { reader: IndexReader; state: SearchPageState }) {
  const unknown = [...state.speakers.filter((id) => !reader.speaker(id)), ...(state.document && !reader.document(state.document) ? [state.document] : [])];
  if (unknown.length)
    return (
      <Notice tone="warning" title="Some filters point at nothing in this index" testId="search-error">
        <p>
          Not in the index: {unknown.join(', ')}.{' '}
          <Link className="link" href="/">
            Start again
          </Link>
          .
        </p>
      </Notice>
    );
  const chunks = reader.quotes({ speakerIds: state.speakers.length ? state.speakers : undefined, documentId: state.document ?? undefined });
  const cards = chunks.map((c) => toCard(toQuoteRecord(reader, c)));
  const saved = savedIdSet();
  const who = state.speakers.map((id) => reader.speaker(id)!.name);
  const where = state.document ? reader.document(state.document)!.title : null;
  const ids = cards.map((c) => c.id);
  return (
    <CitationSourcesProvider
      sources={citationSources(
        reader,
        cards.map((c) => c.document.id),
      )}
    >
      <div className="font-ui flex flex-wrap items-end justify-between gap-x-6 gap-y-3 border-b border-stone-200 pb-3 dark:border-stone-800">
        <div>
          <h2 className="text-base font-semibold" data-testid="results-heading">
            {plural(cards.length, 'quote')}
            {who.length > 0 && <> by {who.join(', ')}</>}
            {where && <> in {where}</>}
          </h2>
          <p className="text-xs text-stone-600 dark:text-stone-400">In document order · type a theme above to rank them by relevance</p>
        </div>
        <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
          <CitationStyleSelect />
          {ids.length > 0 && ids.length <= 500 && <ExportLinks query={`ids=${ids.join(',')}`} label="Export these" />}
        </div>
      </div>
      {cards.length === 0 ? (
        <div className="mt-4">
          <Notice title="No quotes with these filters" testId="search-empty">
            <p>
              The chosen speakers are not quoted in this document.{' '}
              <Link className="link" href={`/?${state.speakers.map((s) => `speaker=${encodeURIComponent(s)}`).join('&')}`}>
                Show all their quotes
              </Link>
              .
            </p>
          </Notice>
        </div>
      ) : (
        <ResultList cards={cards} saved={saved} />
      )}
    </CitationSourcesProvider>
  );
}

const KIND_SCOPE: Record<SearchPageState['kind'], string> = {
  quotes: 'Quotes only',
  interview: 'Interviews only',
  quote: 'Quoted statements only',
  analysis: 'Authors’ analysis only',
  all: 'Quotes and analysis',
};

/** Nothing clears the relevance floor, or the query cannot be searched at all: say which, and what to try. */
function NoMatch({ state, notice, suggestion, themes }: { state: SearchPageState; notice: SearchNotice; suggestion: string | null; themes: string[] }) {
  const filtered = state.speakers.length > 0 || !!state.document;
  return (
    <Notice title={notice === 'no-match' ? `No quotes match “${state.q}”` : `“${state.q}” cannot be searched`} testId="search-no-match">
      <p data-notice={notice}>{NOTICE_TEXT[notice]}</p>
      {suggestion && (
        <p data-testid="did-you-mean">
          Did you mean{' '}
          <Link className="link font-semibold" href={searchHref({ ...state, q: suggestion })}>
            {suggestion}
          </Link>
          ?
        </p>
      )}
      <p>Try one of these:</p>
      <ul className="list-disc space-y-1 pl-5">
        {filtered && (
          <li>
            <Link className="link" href={searchHref({ q: state.q })}>
              Search all speakers and documents
            </Link>
          </li>
        )}
        {notice === 'no-match' && state.kind !== 'all' && (
          <li>
            <Link className="link" href={searchHref({ ...state, kind: 'all' })}>
              Include the authors’ analysis
            </Link>
          </li>
        )}
        {notice === 'no-match' && <li>Other words for the same idea, or fewer words.</li>}
        {themes.map((t) => (
          <li key={t}>
            <Link className="link" href={searchHref({ q: t })}>
              {t}
            </Link>{' '}
            (a theme of this corpus)
          </li>
        ))}
      </ul>
    </Notice>
  );
}

function EmptyResults({ state }: { state: SearchPageState }) {
  return (
    <Notice title={`Nothing found for “${state.q}” with these filters`} testId="search-empty">
      <p>The filters leave no quote to search. Try one of these:</p>
      <ul className="list-disc space-y-1 pl-5">
        {state.speakers.length > 0 && (
          <li>
            <Link className="link" href={searchHref({ ...state, speakers: [] })}>
              Search all speakers
            </Link>
          </li>
        )}
        {state.document && (
          <li>
            <Link className="link" href={searchHref({ ...state, document: null })}>
              Search all documents
            </Link>
          </li>
        )}
        {state.kind !== 'all' && (
          <li>
            <Link className="link" href={searchHref({ ...state, kind: 'all' })}>
              Include the authors’ analysis
            </Link>{' '}
            (some documents quote no one)
          </li>
        )}
        <li>Use broader or different words for the same idea.</li>
      </ul>
    </Notice>
  );
}

/** The result cards, in order: rendered by one client component from packed data, so the payload carries each card once. */
function ResultList({ cards, saved }: { cards: QuoteCardData[]; saved: ReadonlySet<string> }) {
  return <QuoteList packed={packCards(cards)} saved={cards.filter((c) => saved.has(c.id)).map((c) => c.id)} className="mt-4 space-y-4" label="Quotes" />;
}
