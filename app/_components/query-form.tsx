'use client';

import { useRouter } from 'next/navigation';

/**
 * A GET form whose URL stays clean and shareable: empty fields and default values are left out, and
 * repeated keys listed in joinKeys become one comma-separated value. Navigates without a page reload;
 * without JavaScript it is an ordinary GET form.
 */
export function QueryForm({
  action,
  defaults = {},
  joinKeys = [],
  children,
  ...props
}: { action: string; defaults?: Record<string, string>; joinKeys?: string[]; children: React.ReactNode } & Omit<
  React.FormHTMLAttributes<HTMLFormElement>,
  'action' | 'method' | 'onSubmit'
>) {
  const router = useRouter();
  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const params = new URLSearchParams();
    const joined = new Map<string, string[]>();
    for (const [key, value] of new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter)) {
      if (typeof value !== 'string' || !value.trim() || defaults[key] === value) continue;
      if (joinKeys.includes(key))
        joined.set(key, [
          ...(joined.get(key) ?? []),
          ...value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean),
        ]);
      else params.append(key, value);
    }
    for (const [key, values] of joined) params.set(key, [...new Set(values)].join(','));
    const query = params.toString();
    router.push(query ? `${action}?${query}` : action);
  }
  return (
    <form action={action} method="get" onSubmit={submit} {...props}>
      {children}
    </form>
  );
}
