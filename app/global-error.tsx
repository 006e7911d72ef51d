'use client';

import './globals.css';

// The root layout itself failed: a page of its own, following the system's light or dark scheme.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="font-ui bg-stone-50 p-8 text-stone-900 dark:bg-stone-950 dark:text-stone-100">
        <title>Something went wrong · Expert Quotes</title>
        <main className="mx-auto max-w-xl" role="alert">
          <h1 className="text-2xl font-semibold">Expert Quotes could not start this page</h1>
          <p className="mt-3">
            The server hit an error it did not expect; its log has the details. Try again, or reload in a moment if the index is being rebuilt.
          </p>
          <div className="mt-6 flex gap-4">
            <button type="button" onClick={() => retry()} className="btn btn-primary">
              Try again
            </button>
            <a href="/" className="link">
              Back to search
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
