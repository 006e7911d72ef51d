'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';

/**
 * "Correct attribution" under a highlighted quote: a speaker's name, or "not a quote". It is saved to
 * corpus/corrections.yaml and the corpus re-indexed (the page then shows the corrected quote).
 */
export function CorrectAttribution({ documentId, quoteId, speakerName }: { documentId: string; quoteId: string; speakerName: string | null }) {
  const router = useRouter();
  const id = useId();
  const [mode, setMode] = useState<'speaker' | 'notQuote'>('speaker');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const [, startTransition] = useTransition();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const body = mode === 'speaker' ? { documentId, quoteId, speaker: name } : { documentId, quoteId, notQuote: true };
      const res = await fetch('/api/corrections', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const answer = (await res.json().catch(() => null)) as { error?: string } | null;
      if (!res.ok) throw new Error(answer?.error ?? `the server answered ${res.status}`);
      setMessage({ tone: 'ok', text: 'Saved to corrections.yaml and re-indexed.' });
      // a quote marked as not a quote is gone from the index: show the document without it
      startTransition(() => (mode === 'notQuote' ? router.push(`/documents/${encodeURIComponent(documentId)}`) : router.refresh()));
    } catch (err) {
      setMessage({ tone: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <details data-testid="correct-attribution" className="mt-3 text-sm">
      <summary className="cursor-pointer text-stone-700 dark:text-stone-300">Correct attribution</summary>
      <form onSubmit={submit} className="mt-2 space-y-2" aria-busy={busy}>
        <div className="flex flex-wrap items-center gap-2">
          <input type="radio" id={`${id}-speaker`} name="mode" checked={mode === 'speaker'} onChange={() => setMode('speaker')} />
          <label htmlFor={`${id}-speaker`}>Said by</label>
          <input
            type="text"
            aria-label="Speaker's name"
            data-testid="correct-speaker"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setMode('speaker');
            }}
            placeholder={speakerName ?? 'Full name'}
            maxLength={120}
            required={mode === 'speaker'}
            className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
          />
        </div>
        <div className="flex items-center gap-2">
          <input type="radio" id={`${id}-not`} name="mode" checked={mode === 'notQuote'} onChange={() => setMode('notQuote')} />
          <label htmlFor={`${id}-not`}>Not a quote of a person</label>
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className="btn" disabled={busy} data-testid="correct-submit">
            {busy ? 'Re-indexing…' : 'Save correction'}
          </button>
          <span className="text-xs text-stone-600 dark:text-stone-400">Saved to corpus/corrections.yaml; re-indexing takes a few seconds.</span>
        </div>
        <p
          role="status"
          aria-live="polite"
          className={`text-xs ${message?.tone === 'error' ? 'text-red-800 dark:text-red-300' : 'text-stone-700 dark:text-stone-300'}`}
        >
          {message?.text}
        </p>
      </form>
    </details>
  );
}
