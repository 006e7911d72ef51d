'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { BookmarkIcon } from './icons';

/** Marks a quote as saved (or not) in the local saved-quotes file, through /api/collections. */
export function SaveQuoteButton({ quoteId, saved: initiallySaved }: { quoteId: string; saved: boolean }) {
  const router = useRouter();
  const [saved, setSaved] = useState(initiallySaved);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function toggle() {
    const next = !saved;
    setSaved(next);
    setError(null);
    try {
      const res = await fetch('/api/collections', {
        method: next ? 'POST' : 'DELETE',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ids: [quoteId] }),
      });
      if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: string } | null)?.error ?? `the server answered ${res.status}`);
      // the header's count and the saved page read the file on the server
      startTransition(() => router.refresh());
    } catch (e) {
      setSaved(!next);
      setError(`Could not ${next ? 'save' : 'remove'} the quote: ${(e as Error).message}`);
    }
  }

  return (
    <>
      <button
        type="button"
        data-testid="save-quote"
        aria-pressed={saved}
        onClick={toggle}
        disabled={pending}
        className="btn aria-pressed:border-amber-500 aria-pressed:bg-amber-50 dark:aria-pressed:border-amber-600 dark:aria-pressed:bg-amber-950"
      >
        <BookmarkIcon filled={saved} className={saved ? 'text-amber-700 dark:text-amber-400' : ''} />
        <span className="inline-grid">
          <span className={`col-start-1 row-start-1 ${saved ? 'invisible' : ''}`}>Save</span>
          <span className={`col-start-1 row-start-1 ${saved ? '' : 'invisible'}`} aria-hidden="true">
            Saved
          </span>
        </span>
      </button>
      {error && (
        <p role="alert" className="font-ui basis-full text-xs text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </>
  );
}
