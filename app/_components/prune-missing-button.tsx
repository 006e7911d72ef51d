'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

/** Forgets the saved ids the current index no longer holds. */
export function PruneMissingButton({ count }: { count: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  async function prune() {
    setError(null);
    const res = await fetch('/api/collections', {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ missing: true }),
    }).catch(() => null);
    if (!res?.ok) {
      setError('Could not remove them; try again.');
      return;
    }
    startTransition(() => router.refresh());
  }
  return (
    <>
      <button type="button" onClick={prune} disabled={pending} className="btn">
        Forget {count === 1 ? 'this id' : `these ${count} ids`}
      </button>
      {error && (
        <span role="alert" className="ml-2 text-red-800 dark:text-red-300">
          {error}
        </span>
      )}
    </>
  );
}
