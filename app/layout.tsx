import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: 'Expert Quotes — what experts said, attributed and cited',
  description: 'Search verbatim expert interview quotes in policy reports, each attributed and cited.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100">{children}</body>
    </html>
  );
}
