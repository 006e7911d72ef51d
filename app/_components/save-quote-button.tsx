'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { BookmarkIcon } from './icons';
import { SwapLabel } from './swap-label';

/** Marks a quote as saved (or not) in the local saved-quotes file, through /api/collections. */
export function SaveQuoteButton({ quoteId, saved: initiallySaved }: { quoteId: string; saved: boolean }) {
  const router = useRouter();
  const [saved, setSaved] = useState(initiallySaved);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function toggle(button: HTMLButtonElement) {
    const next = !saved;
    // on the saved page an unsaved quote leaves the list: the focus goes to the next quote's Save (or the page), not to <body>
    const item = button.closest('li');
    const fallback = item?.nextElementSibling ?? item?.previousElementSibling ?? null;
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
      keepFocus(button, fallback);
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
        onClick={(e) => !pending && toggle(e.currentTarget)}
        // aria-disabled, not disabled: a disabled button drops the keyboard focus to <body>
        aria-disabled={pending || undefined}
        className="btn btn-save"
      >
        <BookmarkIcon filled={saved} className={saved ? 'text-amber-700 dark:text-amber-400' : ''} />
        {/* the name stays "Save" (aria-pressed says whether it is saved) */}
        <SwapLabel label="Save" other="Saved" showOther={saved} />
      </button>
      {error && (
        <p role="alert" className="font-ui basis-full text-xs text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </>
  );
}

/** When a refresh removes a focused button, focus the matching button of the element that took its place, or <main>. */
function keepFocus(button: HTMLButtonElement, fallback: Element | null) {
  const started = performance.now();
  const check = () => {
    if (button.isConnected) return performance.now() - started < 3000 ? void requestAnimationFrame(check) : undefined;
    if (document.activeElement && document.activeElement !== document.body) return;
    const target = fallback?.isConnected ? fallback.querySelector<HTMLElement>('[data-testid="save-quote"]') : null;
    (target ?? document.getElementById('main'))?.focus();
  };
  requestAnimationFrame(check);
}
