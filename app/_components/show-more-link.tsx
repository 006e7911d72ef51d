'use client';

import Link from 'next/link';
import { useEffect } from 'react';

// The index of the first result "Show more" adds, kept across the navigation it starts (module state lives on).
let focusFrom: number | null = null;

/** "Show more quotes": loads a longer list and moves the keyboard focus to the first added quote, not to <body>. */
export function ShowMoreLink({ href, from, children }: { href: string; from: number; children: React.ReactNode }) {
  return (
    <Link href={href} scroll={false} className="btn" data-testid="show-more" onClick={() => (focusFrom = from)}>
      {children}
    </Link>
  );
}

/** Rendered after a result list: focuses the first quote that "Show more" added, once, when the longer list arrives. */
export function FocusAddedResult() {
  useEffect(() => {
    if (focusFrom === null) return;
    const card = document.querySelectorAll<HTMLElement>('[data-testid="result"]')[focusFrom];
    focusFrom = null;
    if (!card) return;
    card.tabIndex = -1;
    card.focus();
  }, []);
  return null;
}
