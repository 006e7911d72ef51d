'use client';

import { SearchIcon } from './icons';
import { QueryForm } from './query-form';
import { SEARCH_FORM_ID } from './search-form-id';

/**
 * The query box: Enter searches, and the query goes into the URL (a GET form), so every search is a link. It takes no
 * focus by itself (the skip link comes first; "/" focuses it) and no maxlength (a pasted query is never cut silently:
 * the page says when it is too long). A client component: the page's RSC payload carries its query, not its markup.
 */
export function SearchForm({ q, autoFocus = false }: { q: string; autoFocus?: boolean }) {
  return (
    <QueryForm id={SEARCH_FORM_ID} action="/" defaults={{ kind: 'quotes' }} role="search" aria-label="Search quotes" className="font-ui">
      <label htmlFor="q" className="mb-1.5 block text-sm font-medium text-stone-700 dark:text-stone-300">
        Ask a theme <span className="font-normal text-stone-500 dark:text-stone-400">— search by meaning and by words</span>
      </label>
      <div className="flex gap-2">
        <div className="relative min-w-0 flex-1">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-stone-500" />
          <input
            key={`q:${q}`}
            id="q"
            name="q"
            type="search"
            data-testid="search-input"
            data-search-box=""
            defaultValue={q}
            autoFocus={autoFocus}
            autoComplete="off"
            enterKeyHint="search"
            placeholder="e.g. sanctions on China"
            aria-describedby="q-hint"
            className="w-full rounded-md border border-stone-300 bg-white py-2.5 pr-3 pl-9 text-base text-stone-900 placeholder:text-stone-500 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:placeholder:text-stone-400"
          />
        </div>
        <button type="submit" className="btn btn-primary px-4">
          Search
        </button>
      </div>
      <p id="q-hint" className="mt-1.5 text-xs text-stone-600 dark:text-stone-400">
        Press <kbd className="rounded border border-stone-300 px-1 dark:border-stone-700">/</kbd> anywhere to come back here.
      </p>
    </QueryForm>
  );
}
