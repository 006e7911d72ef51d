'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type CardCitation, type ClipboardStyle, copyParts } from '@/lib/cite/clipboard';
import { useCitationSources } from './citation-sources';
import { STYLE_LABELS, useCitationStyle } from './citation-style';
import { copyText } from './clipboard';
import { CheckIcon, CopyIcon } from './icons';
import { SwapLabel } from './swap-label';

export interface CopyCitationProps {
  cite: CardCitation;
  /** A short label for narrow columns (the accessible name stays complete). */
  compact?: boolean;
}

/** The quote and its citation in the chosen style; for BibTeX and RIS, the quote's record (its source, the quote in the note). */
export function useCopyParts(cite: CardCitation, style: ClipboardStyle) {
  const sources = useCitationSources();
  return copyParts(cite, style, sources[cite.documentId]);
}

const noSubscription = () => () => {};

/** What "copy with citation" will copy, in the chosen style, shown before copying. */
export function CitationPreview({ cite }: { cite: CardCitation }) {
  const style = useCitationStyle();
  const parts = useCopyParts(cite, style);
  // rendered in the browser only: it needs the stored style, and it keeps ~15 KB out of a 20-result page's HTML
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <div data-testid="citation-preview" data-style={style} className="font-ui mt-2 space-y-1 text-xs break-words text-stone-600 dark:text-stone-400">
      {parts.preview.map((p) =>
        parts.code ? (
          <pre key={p.label} className="overflow-x-auto rounded bg-stone-100 p-2 whitespace-pre-wrap text-stone-800 dark:bg-stone-950 dark:text-stone-200">
            {p.text}
          </pre>
        ) : (
          <p key={p.label}>
            <span className="font-semibold text-stone-700 dark:text-stone-300">{p.label}:</span> <span data-testid="citation-preview-part">{p.text}</span>
          </p>
        ),
      )}
    </div>
  );
}

export function CopyCitationButton({ cite, compact }: CopyCitationProps) {
  const style = useCitationStyle();
  const parts = useCopyParts(cite, style);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'copied'; style: string } | { kind: 'failed'; text: string }>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useEffect(() => {
    if (state.kind === 'failed') fallback.current?.select();
  }, [state]);

  async function copy() {
    const ok = await copyText(parts.text);
    if (timer.current) clearTimeout(timer.current);
    if (ok) {
      setState({ kind: 'copied', style: STYLE_LABELS[style] });
      timer.current = setTimeout(() => setState({ kind: 'idle' }), 2500);
    } else setState({ kind: 'failed', text: parts.text });
  }

  return (
    <>
      <button type="button" data-testid="copy-citation" onClick={copy} className="btn" aria-label={compact ? 'Copy with citation' : undefined}>
        {state.kind === 'copied' ? <CheckIcon className="text-emerald-700 dark:text-emerald-400" /> : <CopyIcon />}
        {/* the button keeps its name while "Copied" shows (the status line says it) */}
        <SwapLabel label={compact ? 'Copy' : 'Copy with citation'} other="Copied" showOther={state.kind === 'copied'} />
      </button>
      <span role="status" className="sr-only">
        {state.kind === 'copied' ? `Copied the quote with its ${state.style} citation.` : ''}
      </span>
      {state.kind === 'failed' && (
        <div className="basis-full">
          <label className="font-ui block text-xs text-red-800 dark:text-red-300">
            The browser refused clipboard access; press Ctrl+C (⌘C) to copy the selected text.
            <textarea
              ref={fallback}
              readOnly
              value={state.text}
              rows={4}
              className="mt-1 block w-full rounded border border-stone-300 bg-white p-2 text-xs text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
            />
          </label>
        </div>
      )}
    </>
  );
}
