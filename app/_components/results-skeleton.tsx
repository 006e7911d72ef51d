/** Shown while a search runs: says what is happening, holds the place of the first cards. */
export function ResultsSkeleton({ q }: { q: string }) {
  return (
    <div aria-busy="true" data-testid="search-loading">
      <p role="status" className="font-ui border-b border-stone-200 pb-3 text-base font-semibold dark:border-stone-800">
        Searching quotes for “{q}”…
      </p>
      <ul className="mt-4 space-y-4" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <li key={i} className="h-44 animate-pulse rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900" />
        ))}
      </ul>
    </div>
  );
}
