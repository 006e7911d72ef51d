'use client';

import Link from 'next/link';
import { useEffect } from 'react';

// Something failed while rendering a page: say so plainly, offer a retry and the ways back in.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error ? String((error as Error & { digest?: string }).digest ?? '') : '';
  return (
    <div className="font-ui mx-auto max-w-xl py-10" role="alert" data-testid="error-page">
      <p className="text-sm font-semibold tracking-wide text-red-800 uppercase dark:text-red-300">Something went wrong</p>
      <h1 className="mt-2 text-2xl font-semibold">This page could not be shown</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        The server hit an error it did not expect. If the index is being rebuilt right now, trying again in a moment usually works. Your saved quotes are not
        affected.
      </p>
      {digest && (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          The server log has the details under the reference <code>{digest}</code>.
        </p>
      )}
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="button" onClick={() => retry()} className="btn btn-primary">
          Try again
        </button>
        <Link href="/" className="link">
          Back to search
        </Link>
      </div>
    </div>
  );
}
