import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { savedIdSet } from '@/lib/collections/store';
import { toQuoteRecord } from '@/lib/records';
import { themeMatrix } from '@/lib/search/compare';
import { defaultThemes } from '@/lib/search/themes';
import { citationSources, toCard, type QuoteCardData } from '@/lib/ui/cards';
import { packCards } from '@/lib/ui/packed-cards';
import { formatDate, plural } from '@/lib/ui/format';
import { openReader, openSearch } from '@/lib/ui/load-index';
import { compareHref, isValidId, searchHref } from '@/lib/ui/page-params';
import { CitationSourcesProvider } from '../../_components/citation-sources';
import { CitationStyleSelect } from '../../_components/citation-style';
import { ExportLinks } from '../../_components/export-links';
import { IndexProblem } from '../../_components/notice';
import { QuoteList } from '../../_components/quote-list';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const opened = isValidId(id) ? openReader() : null;
  const s = opened?.ok ? opened.reader.speaker(id) : null;
  return { title: s ? s.name : 'Speaker not found' };
}

export default async function SpeakerPage({ params }: Props) {
  const { id } = await params;
  if (!isValidId(id)) notFound();
  const opened = await openSearch();
  if (!opened.ok) return <IndexProblem problem={opened.problem} />;
  const { reader, embedder } = opened;
  const speaker = reader.speaker(id);
  if (!speaker) notFound();

  const chunks = reader.quotes({ speakerIds: [id] });
  const cards = chunks.map((c) => toCard(toQuoteRecord(reader, c)));
  const saved = savedIdSet();
  const matrix = await themeMatrix(reader, embedder, defaultThemes(reader, 12), [id]);
  const themes = matrix.rows
    .map((r) => ({ theme: r.theme, ...r.cells[0] }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.strength - a.strength || b.count - a.count);
  // quotes grouped by document, then by section, in reading order
  const groups: { documentId: string; title: string; sections: { heading: string | null; cards: QuoteCardData[] }[] }[] = [];
  for (const card of cards) {
    let g = groups.find((x) => x.documentId === card.document.id);
    if (!g) groups.push((g = { documentId: card.document.id, title: card.document.title, sections: [] }));
    const last = g.sections[g.sections.length - 1];
    if (last && last.heading === card.section) last.cards.push(card);
    else g.sections.push({ heading: card.section, cards: [card] });
  }
  const others = reader
    .speakers()
    .filter((s) => s.id !== id)
    .slice(0, 2)
    .map((s) => s.id);

  return (
    <CitationSourcesProvider
      sources={citationSources(
        reader,
        cards.map((c) => c.document.id),
      )}
    >
      <article className="space-y-8" aria-labelledby="speaker-name">
        <header className="font-ui border-b border-stone-200 pb-6 dark:border-stone-800">
          <p className="text-sm">
            <Link href="/speakers" className="link">
              Speakers
            </Link>
          </p>
          <h1 id="speaker-name" className="mt-1 text-3xl font-semibold" data-testid="speaker-name">
            {speaker.name}
          </h1>
          {speaker.affiliation && <p className="mt-1 text-lg text-stone-800 dark:text-stone-200">{speaker.affiliation}</p>}
          {speaker.role && <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">{speaker.role}</p>}
          <dl className="mt-4 grid gap-x-8 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-stone-600 dark:text-stone-400">Quotes</dt>
            <dd>{plural(speaker.quoteCount, 'quote')}</dd>
            {speaker.interviewDates.length > 0 && (
              <>
                <dt className="text-stone-600 dark:text-stone-400">Interviewed</dt>
                <dd>{speaker.interviewDates.map(formatDate).join(', ')}</dd>
              </>
            )}
            <dt className="text-stone-600 dark:text-stone-400">Quoted in</dt>
            <dd>
              <ul>
                {speaker.documents.map((d) => (
                  <li key={d.id}>
                    <Link href={`/documents/${encodeURIComponent(d.id)}`} className="link italic">
                      {d.title}
                    </Link>
                    {d.date && <> ({formatDate(d.date)})</>}
                  </li>
                ))}
              </ul>
            </dd>
            {speaker.aliases.length > 0 && (
              <>
                <dt className="text-stone-600 dark:text-stone-400">Also written</dt>
                <dd>{speaker.aliases.join('; ')}</dd>
              </>
            )}
            {speaker.anonymous && (
              <>
                <dt className="text-stone-600 dark:text-stone-400">Note</dt>
                <dd>An unnamed source; the documents describe but do not name this person.</dd>
              </>
            )}
          </dl>
        </header>

        <section aria-labelledby="themes" className="font-ui">
          <h2 id="themes" className="text-lg font-semibold">
            Themes {speaker.name} speaks to
          </h2>
          {themes.length ? (
            <ul className="mt-3 flex flex-wrap gap-2" data-testid="speaker-themes">
              {themes.map((t) => (
                <li key={t.theme}>
                  <Link href={searchHref({ q: t.theme, speakers: [id] })} className="btn rounded-full" title={`Strength ${t.strength.toFixed(2)}`}>
                    {t.theme}
                    <span className="text-xs text-stone-500 tabular-nums dark:text-stone-400">{t.count}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
              None of the corpus’s common themes comes up in these quotes; search them with your own words.
            </p>
          )}
          {themes.length > 0 && others.length > 0 && (
            <p className="mt-3 text-sm">
              <Link href={compareHref({ q: themes[0].theme, speakers: [id, ...others] })} className="link">
                Compare with others on “{themes[0].theme}”
              </Link>
            </p>
          )}
        </section>

        <section aria-labelledby="all-quotes">
          <div className="font-ui flex flex-wrap items-end justify-between gap-4 border-b border-stone-200 pb-3 dark:border-stone-800">
            <h2 id="all-quotes" className="text-lg font-semibold">
              All {plural(cards.length, 'quote')}, in document order
            </h2>
            <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
              <CitationStyleSelect />
              {cards.length > 0 && <ExportLinks query={`speaker=${encodeURIComponent(id)}`} />}
            </div>
          </div>
          {groups.map((g) => (
            <div key={g.documentId} className="mt-6">
              <h3 className="text-lg font-semibold italic">{g.title}</h3>
              {g.sections.map((s, i) => (
                <div key={`${s.heading}-${i}`} className="mt-3">
                  {s.heading && <h4 className="font-ui mb-2 text-sm font-semibold text-stone-700 dark:text-stone-300">{s.heading}</h4>}
                  <QuoteList
                    packed={packCards(s.cards)}
                    saved={s.cards.filter((c) => saved.has(c.id)).map((c) => c.id)}
                    className="space-y-4"
                    showSpeaker={false}
                  />
                </div>
              ))}
            </div>
          ))}
        </section>
      </article>
    </CitationSourcesProvider>
  );
}
