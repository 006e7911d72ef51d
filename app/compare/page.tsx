import type { Metadata } from 'next';
import Link from 'next/link';
import { savedIdSet } from '@/lib/collections/store';
import type { IndexReader } from '@/lib/db/index-reader';
import type { Embedder } from '@/lib/embed/embedder';
import { compareSpeakers, MAX_COMPARE_SPEAKERS, MIN_COMPARE_SPEAKERS, themeMatrix } from '@/lib/search/compare';
import { defaultThemes } from '@/lib/search/themes';
import { citationSources, toCard } from '@/lib/ui/cards';
import { openSearch } from '@/lib/ui/load-index';
import { compareHref, MAX_CUSTOM_THEMES, parseComparePage, searchHref, type ComparePageState, type RawParams } from '@/lib/ui/page-params';
import { CitationSourcesProvider } from '../_components/citation-sources';
import { CitationStyleSelect } from '../_components/citation-style';
import { CompareColumns } from '../_components/compare-columns';
import { ComparePicker } from '../_components/compare-picker';
import { IndexProblem, Notice } from '../_components/notice';
import { QueryForm } from '../_components/query-form';
import { ThemeMatrixTable } from '../_components/theme-matrix-table';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { state } = parseComparePage(await searchParams);
  return { title: state.view === 'matrix' ? 'Themes × speakers' : state.q ? `Compare: “${state.q.slice(0, 60)}”` : 'Compare speakers' };
}

export default async function ComparePage({ searchParams }: Props) {
  const { state, error } = parseComparePage(await searchParams);
  const opened = await openSearch();
  if (!opened.ok) return <IndexProblem problem={opened.problem} />;
  const { reader, embedder } = opened;
  const unknown = state.speakers.filter((id) => !reader.speaker(id));
  const known = state.speakers.filter((id) => reader.speaker(id));
  const pickerSpeakers = reader.speakers().map((s) => ({ id: s.id, name: s.name, affiliation: s.affiliation, quoteCount: s.quoteCount }));
  const notices: string[] = [];
  if (error) notices.push(error);
  if (unknown.length)
    notices.push(
      `${unknown.length === 1 ? 'This speaker id is' : 'These speaker ids are'} not in the index: ${unknown.join(', ')}. The link may come from an older index.`,
    );
  if (known.length > MAX_COMPARE_SPEAKERS)
    notices.push(
      `Compare shows up to ${MAX_COMPARE_SPEAKERS} speakers side by side; the first ${MAX_COMPARE_SPEAKERS} of the ${known.length} chosen are shown.`,
    );
  const chosen = known.slice(0, MAX_COMPARE_SPEAKERS);

  return (
    <div className="space-y-6">
      <div className="font-ui flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Compare speakers</h1>
          <p className="mt-1 max-w-prose text-sm text-stone-700 dark:text-stone-300">
            Who said what on a theme, and who said nothing: each speaker’s strongest quotes, side by side, or a matrix of themes against speakers.
          </p>
        </div>
        <nav aria-label="Views" className="flex gap-1 rounded-lg bg-stone-200/70 p-1 text-sm dark:bg-stone-800">
          {(['columns', 'matrix'] as const).map((v) => (
            <Link
              key={v}
              href={compareHref({ ...state, speakers: chosen, view: v })}
              aria-current={state.view === v ? 'page' : undefined}
              className="rounded-md px-3 py-1.5 text-stone-700 aria-[current=page]:bg-white aria-[current=page]:font-semibold aria-[current=page]:text-stone-950 aria-[current=page]:shadow-xs dark:text-stone-300 dark:aria-[current=page]:bg-stone-950 dark:aria-[current=page]:text-white"
            >
              {v === 'columns' ? 'Side by side' : 'Theme matrix'}
            </Link>
          ))}
        </nav>
      </div>
      {notices.length > 0 && (
        <Notice tone="warning" title="Part of this link could not be used" testId="compare-notice">
          {notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </Notice>
      )}
      {state.view === 'matrix' ? (
        <MatrixView reader={reader} embedder={embedder} state={state} chosen={chosen} pickerSpeakers={pickerSpeakers} />
      ) : (
        <ColumnsView reader={reader} embedder={embedder} state={state} chosen={chosen} pickerSpeakers={pickerSpeakers} />
      )}
    </div>
  );
}

type ViewProps = {
  reader: IndexReader;
  embedder: Embedder;
  state: ComparePageState;
  chosen: string[];
  pickerSpeakers: Parameters<typeof ComparePicker>[0]['speakers'];
};

async function ColumnsView({ reader, embedder, state, chosen, pickerSpeakers }: ViewProps) {
  const ready = state.q && chosen.length >= MIN_COMPARE_SPEAKERS;
  const picker = <ComparePicker q={state.q} speakers={pickerSpeakers} chosen={chosen} view="columns" themes={[]} />;
  if (!ready) {
    const suggestions = defaultThemes(reader, 6);
    const top = reader
      .speakers()
      .slice(0, 3)
      .map((s) => s.id);
    return (
      <>
        {(state.q || chosen.length > 0) && (
          <Notice
            title={!state.q ? 'Now give a theme' : chosen.length === 1 ? 'Pick one more speaker' : 'Pick two to seven speakers'}
            testId="compare-incomplete"
          >
            <p>A comparison needs a theme and at least {MIN_COMPARE_SPEAKERS} speakers; pick them below.</p>
          </Notice>
        )}
        {picker}
        <div className="font-ui text-sm text-stone-700 dark:text-stone-300">
          <p>Or start from a theme of this corpus with its most quoted speakers:</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {suggestions.map((t) => (
              <li key={t}>
                <Link href={compareHref({ q: t, speakers: chosen.length >= MIN_COMPARE_SPEAKERS ? chosen : top })} className="btn rounded-full">
                  {t}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </>
    );
  }
  const result = await compareSpeakers(reader, embedder, state.q, chosen);
  const saved = savedIdSet();
  const columns = result.columns.map((c) => ({
    speaker: {
      id: c.speaker.id,
      name: c.speaker.name,
      affiliation: c.speaker.affiliation,
      role: c.speaker.role,
      quoteCount: c.speaker.quoteCount,
      interviewDates: c.speaker.interviewDates,
    },
    cards: c.quotes.map(toCard),
    onTheme: c.onTheme,
  }));
  const sources = citationSources(
    reader,
    columns.flatMap((c) => c.cards.map((x) => x.document.id)),
  );
  const silent = columns.filter((c) => !c.cards.length).map((c) => c.speaker.name);
  return (
    <CitationSourcesProvider sources={sources}>
      <div className="font-ui flex flex-wrap items-end justify-between gap-4 border-b border-stone-200 pb-3 dark:border-stone-800">
        <div>
          <h2 className="text-lg font-semibold" data-testid="compare-heading">
            “{result.query}” — {columns.length} speakers
          </h2>
          <p className="text-xs text-stone-600 dark:text-stone-400">
            Strongest quotes first{silent.length ? ` · nothing on this theme from ${silent.join(', ')}` : ''} ·{' '}
            <Link className="link" href={searchHref({ q: result.query, speakers: chosen })}>
              as one list
            </Link>{' '}
            ·{' '}
            <Link className="link" href={compareHref({ q: result.query, speakers: chosen, view: 'matrix' })}>
              against other themes
            </Link>
          </p>
        </div>
        <CitationStyleSelect />
      </div>
      <CompareColumns q={result.query} columns={columns} saved={saved} />
      <details className="font-ui">
        <summary className="cursor-pointer text-sm font-semibold">Change the theme or the speakers</summary>
        <div className="mt-3">{picker}</div>
      </details>
    </CitationSourcesProvider>
  );
}

async function MatrixView({ reader, embedder, state, chosen, pickerSpeakers }: ViewProps) {
  const speakerIds = chosen.length
    ? chosen
    : reader
        .speakers()
        .slice(0, MAX_COMPARE_SPEAKERS)
        .map((s) => s.id);
  const defaults = defaultThemes(reader, 8);
  const custom = [...(state.q ? [state.q] : []), ...state.themes].filter((t, i, a) => a.indexOf(t) === i);
  const themes = [...custom, ...defaults.filter((d) => !custom.some((c) => c.toLowerCase() === d.toLowerCase()))];
  const matrix = await themeMatrix(reader, embedder, themes, speakerIds);
  const names = new Map(matrix.speakers.map((s) => [s.id, s.name]));
  const rows = matrix.rows.map((r) => {
    const isCustom = custom.includes(r.theme);
    const without = { ...state, speakers: chosen, q: state.q === r.theme ? '' : state.q, themes: state.themes.filter((t) => t !== r.theme) };
    return {
      theme: r.theme,
      custom: isCustom,
      removeHref: isCustom ? compareHref(without) : null,
      compareHref: speakerIds.length >= MIN_COMPARE_SPEAKERS ? compareHref({ q: r.theme, speakers: speakerIds }) : null,
      cells: r.cells.map((c) => ({
        speakerId: c.speakerId,
        speakerName: names.get(c.speakerId) ?? c.speakerId,
        strength: c.strength,
        best: c.best,
        count: c.count,
        href: searchHref({ q: r.theme, speakers: [c.speakerId] }),
      })),
    };
  });
  const canAdd = state.themes.length < MAX_CUSTOM_THEMES;
  return (
    <>
      <div className="font-ui flex flex-wrap items-end justify-between gap-4">
        <p className="max-w-prose text-sm text-stone-700 dark:text-stone-300">
          {chosen.length ? 'The speakers you chose' : `The ${speakerIds.length} most quoted speakers`} against {themes.length} themes
          {custom.length ? ` (${custom.length} of your own, ${themes.length - custom.length} suggested by the corpus)` : ', suggested by the corpus'}. Select a
          cell to read the quotes behind it.
        </p>
        {canAdd && (
          <QueryForm action="/compare" joinKeys={['speakers']} className="flex gap-2" aria-label="Add a theme">
            <input type="hidden" name="view" value="matrix" />
            {chosen.length > 0 && <input type="hidden" name="speakers" value={chosen.join(',')} />}
            {state.q && <input type="hidden" name="q" value={state.q} />}
            {state.themes.map((t) => (
              <input key={t} type="hidden" name="theme" value={t} />
            ))}
            <label htmlFor="add-theme" className="sr-only">
              Add a theme
            </label>
            <input
              id="add-theme"
              name="theme"
              type="text"
              required
              maxLength={120}
              placeholder="Add a theme"
              autoComplete="off"
              data-search-box=""
              className="w-48 min-w-0 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900"
            />
            <button type="submit" className="btn">
              Add
            </button>
          </QueryForm>
        )}
      </div>
      <ThemeMatrixTable speakers={matrix.speakers.map((s) => ({ id: s.id, name: s.name }))} rows={rows} floor={matrix.floor} />
      <details className="font-ui">
        <summary className="cursor-pointer text-sm font-semibold">Choose the speakers</summary>
        <div className="mt-3">
          <ComparePicker q={state.q} speakers={pickerSpeakers} chosen={chosen} view="matrix" themes={state.themes} />
        </div>
      </details>
    </>
  );
}
