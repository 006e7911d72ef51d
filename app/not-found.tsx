import Link from 'next/link';

// Unknown pages, speakers, documents: say so, and offer the ways back in.
export default function NotFound() {
  return (
    <div className="font-ui mx-auto max-w-xl py-10" data-testid="not-found">
      <p className="text-sm font-semibold tracking-wide text-stone-600 uppercase dark:text-stone-400">Not found</p>
      <h1 className="mt-2 text-2xl font-semibold">This page is not in the corpus</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        The link may point at a speaker or document that a newer index no longer has, or it was mistyped. Speaker and document ids are lower-case words joined
        by hyphens, such as <code>ken-jimbo</code>.
      </p>
      <ul className="mt-6 space-y-2">
        <li>
          <Link href="/" className="link">
            Search the quotes
          </Link>
        </li>
        <li>
          <Link href="/speakers" className="link">
            Browse all speakers
          </Link>
        </li>
        <li>
          <Link href="/documents" className="link">
            Browse all documents
          </Link>
        </li>
      </ul>
    </div>
  );
}
