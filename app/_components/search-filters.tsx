'use client';

import Link from 'next/link';
import { SEARCH_FORM_ID } from './search-form-id';

export interface FilterOptions {
  speakers: { id: string; name: string; quoteCount: number }[];
  documents: { id: string; title: string }[];
}

export interface FilterState {
  q: string;
  speakers: string[];
  document: string | null;
  kind: string;
}

/**
 * Filters of the search form (associated by the form attribute, so they sit beside the results): speakers with
 * their quote counts, one document, quotes only or with the authors' analysis. They apply on change (see
 * AutoSubmit); the button is there for browsers without JavaScript. Give it a key of the URL's filters so that
 * back, forward and "clear" links show the filters the URL holds. A client component so that the page's RSC payload
 * carries the speakers and documents as data, not as one element tree per speaker.
 */
export function SearchFilters({ options, state, clearHref }: { options: FilterOptions; state: FilterState; clearHref: string | null }) {
  const active = state.speakers.length + (state.document ? 1 : 0) + (state.kind !== 'quotes' ? 1 : 0);
  return (
    <div className="font-ui text-sm">
      <input type="checkbox" id="filters-toggle" className="peer sr-only lg:hidden" aria-controls="filters-panel" />
      <label
        id="filters-toggle-label"
        htmlFor="filters-toggle"
        className="btn cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-blue-600 lg:hidden"
      >
        Filters{active > 0 ? ` (${active} active)` : ''}
        <span aria-hidden="true">▾</span>
      </label>
      <div key={JSON.stringify(state)} id="filters-panel" className="mt-3 hidden space-y-5 peer-checked:block lg:mt-0 lg:block">
        <fieldset data-testid="speaker-filter">
          <legend className="mb-1.5 font-semibold text-stone-800 dark:text-stone-200">Speakers</legend>
          <ul className="max-h-[26rem] space-y-0.5 overflow-y-auto pr-1">
            {options.speakers.map((s) => (
              <li key={s.id}>
                <label className="sf-opt">
                  <input
                    type="checkbox"
                    name="speaker"
                    value={s.id}
                    form={SEARCH_FORM_ID}
                    defaultChecked={state.speakers.includes(s.id)}
                    data-autosubmit=""
                    className="sf-check"
                  />
                  <span className="sf-name">{s.name}</span>
                  <span className="sf-count" title={`${s.quoteCount} quotes in the corpus`}>
                    {s.quoteCount}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div>
          <label htmlFor="filter-document" className="mb-1.5 block font-semibold text-stone-800 dark:text-stone-200">
            Document
          </label>
          <select
            id="filter-document"
            name="document"
            form={SEARCH_FORM_ID}
            defaultValue={state.document ?? ''}
            data-autosubmit=""
            className="w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-700 dark:bg-stone-900"
          >
            <option value="">All documents</option>
            {options.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title.length > 60 ? `${d.title.slice(0, 58)}…` : d.title}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className="mb-1.5 font-semibold text-stone-800 dark:text-stone-200">Show</legend>
          <label className="flex cursor-pointer items-center gap-2 py-0.5">
            <input
              type="radio"
              name="kind"
              value="quotes"
              form={SEARCH_FORM_ID}
              defaultChecked={state.kind !== 'all' && state.kind !== 'interview'}
              data-autosubmit=""
              className="accent-stone-800 dark:accent-stone-200"
            />
            Quotes only
          </label>
          <label className="flex cursor-pointer items-center gap-2 py-0.5">
            <input
              type="radio"
              name="kind"
              value="interview"
              form={SEARCH_FORM_ID}
              defaultChecked={state.kind === 'interview'}
              data-autosubmit=""
              className="accent-stone-800 dark:accent-stone-200"
            />
            Interviews only (said to the authors)
          </label>
          <label className="flex cursor-pointer items-center gap-2 py-0.5">
            <input
              type="radio"
              name="kind"
              value="all"
              form={SEARCH_FORM_ID}
              defaultChecked={state.kind === 'all'}
              data-autosubmit=""
              className="accent-stone-800 dark:accent-stone-200"
            />
            Quotes and the authors’ analysis
          </label>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" form={SEARCH_FORM_ID} className="btn">
            Apply filters
          </button>
          {clearHref && (
            <Link href={clearHref} className="link">
              Clear filters
            </Link>
          )}
        </div>
      </div>
    </div>
  );
}
