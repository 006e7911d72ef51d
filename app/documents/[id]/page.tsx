import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Fragment } from 'react';
import { savedIdSet } from '@/lib/collections/store';
import { formatAuthors, formatDate, plural } from '@/lib/ui/format';
import { openReader } from '@/lib/ui/load-index';
import type { ReaderQuote } from '@/lib/types';
import { isValidId, parseReaderQuote, quoteContextHref, type RawParams } from '@/lib/ui/page-params';
import { noteSegments } from '@/lib/ui/note-segments';
import { readerView, type ReaderView } from '@/lib/ui/reader-view';
import { CitationSourcesProvider } from '../../_components/citation-sources';
import { HighlightCallout } from '../../_components/highlight-callout';
import { IndexProblem, Notice } from '../../_components/notice';
import { ReaderParagraph } from '../../_components/reader-paragraph';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const opened = isValidId(id) ? openReader() : null;
  const doc = opened?.ok ? opened.reader.document(id) : null;
  return { title: doc ? doc.title : 'Document not found' };
}

/** Where each note is first referenced, so the list of notes can link back to it. */
function firstReferences(view: ReaderView): Set<string> {
  const seen = new Set<number>();
  const keys = new Set<string>();
  for (const s of view.sections)
    for (const p of s.paragraphs)
      p.runs.forEach((run, ri) =>
        run.parts.forEach((part, pi) => {
          if ('footnote' in part && !seen.has(part.footnote)) {
            seen.add(part.footnote);
            keys.add(`${p.anchor}:${ri}:${pi}`);
          }
        }),
      );
  return keys;
}

/** A note's text with the quotes that stand in it: each is a link target (its id), the highlighted one marked. */
function NoteText({ text, quotes, highlightId }: { text: string; quotes: ReaderQuote[]; highlightId: string | null }) {
  return noteSegments(text, quotes, highlightId).map((s, i) =>
    s.quoteId ? (
      <mark
        key={s.quoteId}
        id={s.quoteId}
        data-testid={s.highlighted ? 'quote-highlight' : undefined}
        className={
          s.highlighted
            ? 'scroll-mt-6 bg-amber-200 dark:bg-amber-500/30'
            : 'scroll-mt-6 bg-transparent text-inherit underline decoration-amber-400 decoration-2'
        }
      >
        {s.text}
      </mark>
    ) : (
      <Fragment key={i}>{s.text}</Fragment>
    ),
  );
}

export default async function DocumentPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!isValidId(id)) notFound();
  const opened = openReader();
  if (!opened.ok) return <IndexProblem problem={opened.problem} />;
  const { quoteId, invalid } = parseReaderQuote(await searchParams);
  const lookup = readerView(opened.reader, id, quoteId, quoteContextHref);
  if (!lookup.found) notFound();
  if ('redirectTo' in lookup) redirect(lookup.redirectTo);
  const view = lookup.view;
  const d = view.document;
  const firstRefs = firstReferences(view);
  const saved = savedIdSet();
  const highlightId = view.highlight?.id ?? null;
  const quoteTotal = view.quotes.size;
  const published = [d.publisher, d.place, formatDate(d.date)].filter(Boolean).join(', ');
  const headings = view.sections.filter((s) => s.heading);
  return (
    <CitationSourcesProvider sources={{ [d.id]: { bibtex: view.citation.bibtex, ris: view.citation.ris } }}>
      <div className="lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-12">
        <aside className="font-ui mb-6 text-sm lg:sticky lg:top-4 lg:mb-0 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto lg:pr-2">
          <input type="checkbox" id="toc-toggle" className="peer sr-only lg:hidden" aria-controls="toc-panel" />
          <label htmlFor="toc-toggle" className="btn cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-blue-600 lg:hidden">
            Contents and speakers <span aria-hidden="true">▾</span>
          </label>
          <div id="toc-panel" className="mt-3 hidden space-y-6 peer-checked:block lg:mt-0 lg:block">
            <nav aria-label="Table of contents">
              <h2 className="mb-2 font-semibold text-stone-800 dark:text-stone-200">Contents</h2>
              {headings.length ? (
                <ol className="space-y-1" data-testid="reader-toc">
                  {headings.map((s) => (
                    <li key={s.anchor}>
                      <a
                        href={`#${s.anchor}`}
                        className="block rounded px-1 py-0.5 text-stone-700 hover:bg-stone-200/70 hover:text-stone-950 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-white"
                      >
                        {s.heading}
                        {s.quoteCount > 0 && <span className="ml-1 text-xs text-stone-500 dark:text-stone-400">· {plural(s.quoteCount, 'quote')}</span>}
                      </a>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-stone-600 dark:text-stone-400">This document has no section headings.</p>
              )}
            </nav>
            {view.speakers.length > 0 && (
              <div>
                <h2 className="mb-2 font-semibold text-stone-800 dark:text-stone-200">Quoted here</h2>
                <ul className="space-y-1">
                  {view.speakers.map((s) => (
                    <li key={s.id} className="flex items-baseline justify-between gap-2">
                      <Link href={`/speakers/${s.id}`} className="link truncate">
                        {s.name}
                      </Link>
                      <span className="text-xs text-stone-500 tabular-nums dark:text-stone-400">{s.quotes}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </aside>
        <article className="max-w-[44rem] min-w-0" aria-labelledby="doc-title">
          {(invalid || view.highlightProblem) && (
            <div className="mb-6">
              <Notice tone="warning" title="The quote in this link is not in the current index" testId="highlight-missing">
                <p>
                  Its text may have changed when the corpus was re-indexed, or the link was cut short. The document is shown below; search for the quote’s words
                  to find it again.
                </p>
              </Notice>
            </div>
          )}
          <header className="mb-8 border-b border-stone-200 pb-6 dark:border-stone-800">
            <p className="font-ui text-xs tracking-wide text-stone-600 uppercase dark:text-stone-400">
              {d.kind.replace(/-/g, ' ')}
              {published && <> · {published}</>}
            </p>
            <h1 id="doc-title" className="mt-2 text-2xl leading-tight font-semibold sm:text-3xl">
              {d.title}
            </h1>
            {d.authors.length > 0 && <p className="mt-2 text-lg text-stone-700 dark:text-stone-300">{formatAuthors(d.authors)}</p>}
            <div className="font-ui mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-stone-600 dark:text-stone-400">
              <span>{plural(quoteTotal, 'marked quote')}</span>
              {d.url && (
                <a href={d.url} className="link" rel="noreferrer noopener">
                  Original ↗
                </a>
              )}
              <details className="w-full">
                <summary className="cursor-pointer text-stone-700 dark:text-stone-300">Cite this document</summary>
                <dl className="mt-2 space-y-2 text-stone-800 dark:text-stone-200">
                  {(
                    [
                      ['Chicago', view.citation.chicago],
                      ['APA', view.citation.apa],
                      ['MLA', view.citation.mla],
                    ] as const
                  ).map(([k, v]) => (
                    <div key={k}>
                      <dt className="text-xs font-semibold text-stone-600 dark:text-stone-400">{k}</dt>
                      <dd className="whitespace-pre-line select-all">{v}</dd>
                    </div>
                  ))}
                  <div>
                    <dt className="text-xs font-semibold text-stone-600 dark:text-stone-400">BibTeX</dt>
                    <dd>
                      <pre className="overflow-x-auto rounded bg-stone-100 p-2 text-xs select-all dark:bg-stone-900">{view.citation.bibtex}</pre>
                    </dd>
                  </div>
                </dl>
              </details>
            </div>
          </header>
          {view.sections.map((s) => (
            <section key={s.anchor} aria-labelledby={s.heading ? s.anchor : undefined} className="mb-8">
              {s.heading && (
                <h2 id={s.anchor} className="mb-4 scroll-mt-6 text-xl leading-snug font-semibold">
                  <a href={`#${s.anchor}`} className="hover:underline">
                    {s.heading}
                  </a>
                </h2>
              )}
              <div className="space-y-4 text-[1.075rem] leading-relaxed">
                {s.paragraphs.map((p) => (
                  <Fragment key={p.anchor}>
                    {p.pageStart !== null && (
                      <p data-testid="page-marker" className="font-ui text-right text-xs text-stone-500 dark:text-stone-400">
                        p. {p.pageStart}
                      </p>
                    )}
                    <ReaderParagraph paragraph={p} quotes={view.quotes} notes={view.notes} highlightId={highlightId} firstRefs={firstRefs}>
                      {p.highlightEndsHere && view.highlight && (
                        <HighlightCallout
                          card={view.highlight.card}
                          saved={saved.has(view.highlight.id)}
                          clearHref={`/documents/${encodeURIComponent(d.id)}#${p.anchor}`}
                        />
                      )}
                    </ReaderParagraph>
                  </Fragment>
                ))}
              </div>
            </section>
          ))}
          {view.unattributed.length > 0 && (
            <section
              aria-labelledby="unattributed"
              data-testid="unattributed-quotes"
              className="font-ui mt-12 border-t border-stone-200 pt-6 text-sm dark:border-stone-800"
            >
              <h2 id="unattributed" className="mb-2 text-lg font-semibold">
                Unattributed quotes in this document
              </h2>
              <p className="mb-4 text-stone-600 dark:text-stone-400">
                Quotations the text gives no speaker for. They are searchable but left out of exports; select one to correct its attribution.
              </p>
              <ol className="space-y-3">
                {view.unattributed.map((u) => (
                  <li key={u.id}>
                    <Link href={`?quote=${encodeURIComponent(u.id)}#${encodeURIComponent(u.id)}`} scroll={false} className="link">
                      “{u.text.length > 160 ? `${u.text.slice(0, 159)}…` : u.text}”
                    </Link>
                    {u.leadIn && <p className="mt-0.5 text-xs text-stone-600 dark:text-stone-400">Introduced by: {u.leadIn}</p>}
                  </li>
                ))}
              </ol>
            </section>
          )}
          {view.notes.size > 0 && (
            <section aria-labelledby="notes" className="font-ui mt-12 border-t border-stone-200 pt-6 text-sm dark:border-stone-800">
              <h2 id="notes" className="mb-4 text-lg font-semibold">
                Notes
              </h2>
              <ol className="space-y-2">
                {[...view.notes.entries()].map(([n, text]) => (
                  <li key={n} id={`note-${n}`} className="flex scroll-mt-6 gap-2 target:bg-amber-100 dark:target:bg-amber-500/15">
                    <span className="w-8 shrink-0 text-right text-stone-600 tabular-nums dark:text-stone-400">{n}.</span>
                    <span className="min-w-0 break-words">
                      <NoteText text={text} quotes={view.noteQuotes.get(n) ?? []} highlightId={highlightId} />{' '}
                      <a href={`#ref-${n}`} className="link" aria-label={`Back to where note ${n} is referenced`}>
                        ↩
                      </a>
                      {view.highlight && (view.noteQuotes.get(n) ?? []).some((q) => q.id === highlightId) && (
                        <HighlightCallout
                          card={view.highlight.card}
                          saved={saved.has(view.highlight.id)}
                          clearHref={`/documents/${encodeURIComponent(d.id)}#note-${n}`}
                        />
                      )}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </article>
      </div>
    </CitationSourcesProvider>
  );
}
