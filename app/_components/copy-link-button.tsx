'use client';

import { useEffect, useRef, useState } from 'react';
import { copyText } from './clipboard';
import { CheckIcon, LinkIcon } from './icons';
import { SwapLabel } from './swap-label';

/** Copies an absolute link to a quote in its document. */
export function CopyLinkButton({ href, compact = false }: { href: string; compact?: boolean }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  async function copy() {
    const ok = await copyText(new URL(href, window.location.origin).toString());
    setCopied(ok);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(null), 2500);
  }
  return (
    <>
      <button type="button" data-testid="copy-link" onClick={copy} className="btn" aria-label={compact ? 'Copy link' : undefined}>
        {copied ? <CheckIcon className="text-emerald-700 dark:text-emerald-400" /> : <LinkIcon />}
        <SwapLabel label={compact ? 'Link' : 'Copy link'} other="Copied" showOther={!!copied} />
      </button>
      <span role="status" className="sr-only">
        {copied === true ? 'Copied the link to this quote.' : copied === false ? 'Could not copy the link.' : ''}
      </span>
    </>
  );
}
