'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A header link that says when it is the current section (aria-current). */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const path = usePathname();
  const current = href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined} className="nav-a">
      {children}
    </Link>
  );
}
