'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect } from 'react';

// The control that submitted last, so focus can return to it once the new page has rendered its own copy.
let pendingFocus: { name: string; value: string } | null = null;

/**
 * Submits a form as soon as one of its controls marked data-autosubmit changes (filters apply without a button
 * press), except while the element `unlessShown` is displayed: on narrow screens filters are picked, then applied.
 */
export function AutoSubmit({ formId, unlessShown }: { formId: string; unlessShown?: string }) {
  const params = useSearchParams().toString();
  useEffect(() => {
    const onChange = (e: Event) => {
      const control = e.target as HTMLInputElement | HTMLSelectElement | null;
      if (!control?.form || control.form.id !== formId || !control.hasAttribute('data-autosubmit')) return;
      const gate = unlessShown ? document.getElementById(unlessShown) : null;
      if (gate && gate.getClientRects().length > 0) return;
      pendingFocus = { name: control.name, value: control instanceof HTMLSelectElement ? '' : control.value };
      control.form.requestSubmit();
    };
    document.addEventListener('change', onChange);
    return () => document.removeEventListener('change', onChange);
  }, [formId, unlessShown]);
  useEffect(() => {
    if (!pendingFocus) return;
    const { name, value } = pendingFocus;
    pendingFocus = null;
    const candidates = document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[form="${formId}"][name="${CSS.escape(name)}"]`);
    const target = [...candidates].find((c) => c instanceof HTMLSelectElement || c.value === value);
    target?.focus({ preventScroll: true });
  }, [params, formId]);
  return null;
}
