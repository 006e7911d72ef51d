'use client';

import { useEffect, useRef, useState } from 'react';
import { useCitationSources } from './citation-sources';
import { currentCitationStyle, STYLE_LABELS } from './citation-style';
import { copyText } from './clipboard';
import { CheckIcon, CopyIcon } from './icons';

export interface CopyCitationProps {
  quoted: string;
  citation: { chicago: string; apa: string; mla: string };
  documentId: string;
  attribution: string;
  /** A short label for narrow columns (the accessible name stays complete). */
  compact?: boolean;
}

/** The quote in quotation marks and its citation in the chosen style; for BibTeX and RIS, the source's record. */
export function clipboardText(p: CopyCitationProps, style: ReturnType<typeof currentCitationStyle>, sources: ReturnType<typeof useCitationSources>): string {
  if (style === 'bibtex' || style === 'ris') {
    const record = sources[p.documentId]?.[style];
    return `${p.quoted} ${p.attribution}.${record ? `\n\n${record}\n` : ''}`;
  }
  return `${p.quoted} ${p.citation[style].replace(/\s+/g, ' ').trim()}`;
}

export function CopyCitationButton(props: CopyCitationProps) {
  const sources = useCitationSources();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'copied'; style: string } | { kind: 'failed'; text: string }>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useEffect(() => {
    if (state.kind === 'failed') fallback.current?.select();
  }, [state]);

  async function copy() {
    const style = currentCitationStyle();
    const text = clipboardText(props, style, sources);
    const ok = await copyText(text);
    if (timer.current) clearTimeout(timer.current);
    if (ok) {
      setState({ kind: 'copied', style: STYLE_LABELS[style] });
      timer.current = setTimeout(() => setState({ kind: 'idle' }), 2500);
    } else setState({ kind: 'failed', text });
  }

  return (
    <>
      <button type="button" data-testid="copy-citation" onClick={copy} className="btn" aria-label={props.compact ? 'Copy with citation' : undefined}>
        {state.kind === 'copied' ? <CheckIcon className="text-emerald-700 dark:text-emerald-400" /> : <CopyIcon />}
        <span className="inline-grid">
          {/* both labels take the same cell so the button never changes width */}
          {/* hidden by opacity, not visibility, so the button keeps its name while "Copied" shows (the status line says it) */}
          <span className={`col-start-1 row-start-1 ${state.kind === 'copied' ? 'opacity-0' : ''}`}>{props.compact ? 'Copy' : 'Copy with citation'}</span>
          <span className={`col-start-1 row-start-1 ${state.kind === 'copied' ? '' : 'invisible'}`} aria-hidden="true">
            Copied
          </span>
        </span>
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
