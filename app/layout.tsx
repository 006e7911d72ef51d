import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { savedIdSet } from '@/lib/collections/store';
import { IconSprite } from './_components/icons';
import { SearchShortcut } from './_components/search-shortcut';
import { SiteHeader } from './_components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Expert Quotes — what experts said, attributed and cited', template: '%s · Expert Quotes' },
  description: 'Search verbatim expert interview quotes in policy reports, each attributed and cited.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafaf9' },
    { media: '(prefers-color-scheme: dark)', color: '#0c0a09' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // rendered per request, never prerendered: the saved count is live, and every page (404 too) gets its CSP nonce
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-stone-50 text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100">
        <a
          href="#main"
          // in the page's flow when focused, above the header rather than over the logo
          className="font-ui sr-only rounded bg-white px-3 py-2 text-sm focus:not-sr-only focus:m-2 focus:inline-block dark:bg-stone-900"
          data-testid="skip-link"
        >
          Skip to content
        </a>
        <SiteHeader savedCount={savedIdSet().size} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 pt-6 pb-16 outline-none sm:px-6">
          {children}
        </main>
        <footer className="font-ui border-t border-stone-200 px-4 py-4 text-center text-xs text-stone-600 dark:border-stone-800 dark:text-stone-400">
          Quotes are shown verbatim as the documents print them. Everything runs on this machine. Press{' '}
          <kbd className="rounded border border-stone-300 px-1 dark:border-stone-700">/</kbd> to search.
        </footer>
        <SearchShortcut />
        <IconSprite />
      </body>
    </html>
  );
}
