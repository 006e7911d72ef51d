'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A header link that says when it is the current section (aria-current). */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const path = usePathname();
  const current = href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className="rounded px-1.5 py-1 text-stone-700 sm:px-2 hover:bg-stone-200/70 hover:text-stone-950 aria-[current=page]:font-semibold aria-[current=page]:text-stone-950 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-white dark:aria-[current=page]:text-white"
    >
      {children}
    </Link>
  );
}
