/** A calm message box for empty, error and missing-index states: what happened, then what to try. */
export function Notice({
  tone = 'info',
  title,
  children,
  testId,
}: {
  tone?: 'info' | 'warning' | 'error';
  title: string;
  children?: React.ReactNode;
  testId?: string;
}) {
  const tones = {
    info: 'border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900',
    warning: 'border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40',
    error: 'border-red-400 bg-red-50 dark:border-red-800 dark:bg-red-950/40',
  };
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} data-testid={testId} className={`font-ui rounded-lg border p-4 text-sm sm:p-5 ${tones[tone]}`}>
      <p className="text-base font-semibold text-stone-900 dark:text-stone-100">{title}</p>
      {children && <div className="mt-2 space-y-2 text-stone-700 dark:text-stone-300">{children}</div>}
    </div>
  );
}

/** What to do when the index has not been built or cannot be opened. */
export function IndexProblem({ problem }: { problem: { kind: 'missing' | 'mismatch' | 'broken'; message: string } }) {
  if (problem.kind === 'missing')
    return (
      <Notice tone="warning" title="There is no index to search yet">
        <p>
          The quotes are read from a local index built from the documents in <code>corpus/</code>. Build it once with:
        </p>
        <pre className="overflow-x-auto rounded bg-stone-100 p-2 dark:bg-stone-800">npm run ingest</pre>
        <p>It takes under a minute; this page picks it up without a restart. Then reload.</p>
      </Notice>
    );
  return (
    <Notice tone="error" title={problem.kind === 'mismatch' ? 'The index was built with another embedding model' : 'The index cannot be opened'}>
      <p>{problem.message}</p>
      <p>
        Rebuild it with <code>npm run ingest</code>; the old index stays in place until the new one is complete.
      </p>
    </Notice>
  );
}
