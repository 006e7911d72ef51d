'use client';

import { useSyncExternalStore } from 'react';
import type { ClipboardStyle } from '@/lib/cite/clipboard';

// The citation style chosen for "copy with citation", kept in localStorage and shared by every button on the page.
export const CLIPBOARD_STYLES: readonly ClipboardStyle[] = ['chicago', 'apa', 'mla', 'bibtex', 'ris'];
export const STYLE_LABELS: Record<ClipboardStyle, string> = {
  chicago: 'Chicago (notes)',
  apa: 'APA 7',
  mla: 'MLA 9',
  bibtex: 'BibTeX',
  ris: 'RIS',
};
const KEY = 'expert-quotes.citation-style';
const DEFAULT_STYLE: ClipboardStyle = 'chicago';
const listeners = new Set<() => void>();

function isStyle(v: unknown): v is ClipboardStyle {
  return typeof v === 'string' && (CLIPBOARD_STYLES as readonly string[]).includes(v);
}

export function currentCitationStyle(): ClipboardStyle {
  try {
    const v = window.localStorage.getItem(KEY);
    return isStyle(v) ? v : DEFAULT_STYLE;
  } catch {
    return DEFAULT_STYLE; // storage blocked: the default still works
  }
}

export function setCitationStyle(style: ClipboardStyle): void {
  try {
    window.localStorage.setItem(KEY, style);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  memory = style;
  for (const l of listeners) l();
}

let memory: ClipboardStyle | null = null;

function snapshot(): ClipboardStyle {
  return memory ?? currentCitationStyle();
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) {
      memory = null;
      onChange();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

export function useCitationStyle(): ClipboardStyle {
  return useSyncExternalStore(subscribe, snapshot, () => DEFAULT_STYLE);
}

export function CitationStyleSelect({ id = 'citation-style' }: { id?: string }) {
  const style = useCitationStyle();
  return (
    <div className="font-ui flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-stone-600 dark:text-stone-400">
        Cite as
      </label>
      <select
        id={id}
        data-testid="citation-style"
        value={style}
        onChange={(e) => isStyle(e.target.value) && setCitationStyle(e.target.value)}
        className="w-40 rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      >
        {CLIPBOARD_STYLES.map((s) => (
          <option key={s} value={s}>
            {STYLE_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
  );
}
