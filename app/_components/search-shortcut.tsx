'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** "/" focuses the page's query box from anywhere; on pages without one it opens the search page. */
export function SearchShortcut() {
  const router = useRouter();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      const box = document.querySelector<HTMLInputElement>('input[data-search-box]');
      if (box) {
        box.focus();
        box.select();
      } else {
        router.push('/');
        focusBoxWhenShown();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [router]);
  return null;
}

/** The box takes no focus by itself (the skip link comes first): "/" focuses it once the search page shows it. */
function focusBoxWhenShown() {
  const started = performance.now();
  const look = () => {
    const box = document.querySelector<HTMLInputElement>('input[data-search-box]');
    if (box) box.focus();
    else if (performance.now() - started < 5000) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
