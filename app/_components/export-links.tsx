'use client';

import { useCitationStyle } from './citation-style';
import { DownloadIcon } from './icons';

/** Download links for a list of quotes; the Markdown export cites in the style chosen for copying. */
export function ExportLinks({ query, label = 'Export' }: { query: string; label?: string }) {
  const style = useCitationStyle();
  const proseStyle = style === 'apa' || style === 'mla' ? style : 'chicago';
  const href = (format: string) => `/api/export?${query}&format=${format}${format === 'md' ? `&style=${proseStyle}` : ''}`;
  const formats = [
    { format: 'md', text: 'Markdown', title: 'quotes with citations' },
    { format: 'csv', text: 'CSV', title: 'one row per quote, every attribution field' },
    { format: 'bibtex', text: 'BibTeX', title: 'the source documents' },
    { format: 'ris', text: 'RIS', title: 'the source documents' },
  ];
  return (
    <div className="font-ui flex flex-wrap items-center gap-x-1 gap-y-1 text-sm" data-testid="export-links">
      <span className="mr-1 inline-flex items-center gap-1 text-stone-600 dark:text-stone-400">
        <DownloadIcon />
        {label}
      </span>
      {formats.map((f) => (
        <a
          key={f.format}
          href={href(f.format)}
          download
          title={`${f.text}: ${f.title}`}
          className="rounded px-1.5 py-0.5 text-blue-800 underline decoration-blue-800/30 underline-offset-2 hover:decoration-blue-800 dark:text-blue-300 dark:decoration-blue-300/30"
        >
          {f.text}
        </a>
      ))}
    </div>
  );
}
