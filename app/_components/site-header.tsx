import Link from 'next/link';
import { NavLink } from './nav-link';

/** The top bar: the name (home = search) and the sections; the saved count tells what is collected. */
export function SiteHeader({ savedCount }: { savedCount: number }) {
  return (
    <header className="border-b border-stone-200 bg-stone-50/95 dark:border-stone-800 dark:bg-stone-950/95">
      <div className="font-ui mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 py-2 sm:px-6">
        <Link href="/" className="py-1 text-[1.05rem] font-semibold tracking-tight text-stone-950 dark:text-white">
          Expert Quotes
        </Link>
        <nav aria-label="Sections" className="-mx-1.5 flex flex-wrap items-center text-[0.8125rem] sm:-mx-2 sm:text-sm">
          <NavLink href="/">Search</NavLink>
          <NavLink href="/compare">Compare</NavLink>
          <NavLink href="/speakers">Speakers</NavLink>
          <NavLink href="/documents">Documents</NavLink>
          <NavLink href="/add">Add documents</NavLink>
          <NavLink href="/saved">
            Saved
            {savedCount > 0 && (
              <span className="ml-1 rounded-full bg-amber-200 px-1.5 text-xs font-semibold text-amber-950 dark:bg-amber-500/30 dark:text-amber-100">
                {savedCount}
              </span>
            )}
            <span className="sr-only"> quotes</span>
          </NavLink>
        </nav>
      </div>
    </header>
  );
}
