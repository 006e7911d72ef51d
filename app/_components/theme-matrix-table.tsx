import Link from 'next/link';

export interface MatrixRowView {
  theme: string;
  custom: boolean;
  removeHref: string | null;
  compareHref: string | null;
  cells: { speakerId: string; speakerName: string; strength: number; best: number; count: number; href: string }[];
}

// strength combines the quotes on the theme: one plain mention is about 0.65, several or a central one more
const LEVELS = [
  { min: 0.9, cls: 'bg-emerald-800 text-white dark:bg-emerald-400 dark:text-stone-950', label: 'strongly' },
  { min: 0.75, cls: 'bg-emerald-600 text-white dark:bg-emerald-600 dark:text-white', label: 'clearly' },
  { min: 0.5, cls: 'bg-emerald-200 text-emerald-950 dark:bg-emerald-800 dark:text-emerald-50', label: 'somewhat' },
  { min: 0, cls: 'bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100', label: 'in passing' },
];

function level(strength: number, count: number) {
  if (!count) return { cls: 'bg-stone-100 text-stone-600 dark:bg-stone-900 dark:text-stone-400', label: 'not' };
  return LEVELS.find((l) => strength >= l.min)!;
}

/** Theme × speaker: shade = how strongly the speaker's best quote addresses the theme, number = quotes on it; every cell links to them. */
export function ThemeMatrixTable({ speakers, rows, floor }: { speakers: { id: string; name: string }[]; rows: MatrixRowView[]; floor: number }) {
  return (
    <div className="font-ui">
      <div className="overflow-x-auto rounded-lg border border-stone-200 dark:border-stone-800">
        <table className="w-full min-w-[44rem] table-fixed border-collapse text-sm" data-testid="theme-matrix">
          <caption className="sr-only">
            How strongly each speaker addresses each theme; each cell shows the number of quotes on the theme and links to them
          </caption>
          <thead className="bg-stone-100 dark:bg-stone-900">
            <tr>
              <th scope="col" className="sticky left-0 z-10 w-36 bg-stone-100 p-2 text-left font-semibold sm:w-44 dark:bg-stone-900">
                Theme
              </th>
              {speakers.map((s) => (
                <th key={s.id} scope="col" className="p-2 text-left align-bottom leading-snug font-semibold">
                  <Link href={`/speakers/${s.id}`} className="hover:underline">
                    {s.name}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.theme} className="border-t border-stone-200 dark:border-stone-800">
                <th scope="row" className="sticky left-0 z-10 bg-white p-2 text-left align-top font-medium dark:bg-stone-950">
                  <span className="block">{r.theme}</span>
                  <span className="mt-0.5 flex flex-wrap gap-x-2 text-xs font-normal">
                    {r.compareHref && (
                      <Link href={r.compareHref} className="link">
                        side by side
                      </Link>
                    )}
                    {r.removeHref && (
                      <Link href={r.removeHref} className="link" aria-label={`Remove the theme ${r.theme}`}>
                        remove
                      </Link>
                    )}
                  </span>
                </th>
                {r.cells.map((c) => {
                  const l = level(c.strength, c.count);
                  return (
                    <td key={c.speakerId} className="p-1">
                      <Link
                        href={c.href}
                        data-testid="matrix-cell"
                        className={`flex h-10 items-center justify-center rounded font-semibold tabular-nums hover:outline-2 hover:outline-stone-900 dark:hover:outline-white ${l.cls}`}
                        aria-label={`${c.speakerName} on “${r.theme}”: ${c.count ? `${c.count} quote${c.count === 1 ? '' : 's'}, ${l.label}` : 'nothing on this theme'} (strength ${c.strength.toFixed(2)}, best quote ${c.best.toFixed(2)})`}
                        title={`Strength ${c.strength.toFixed(2)} · best quote ${c.best.toFixed(2)}`}
                      >
                        {c.count || '–'}
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div role="group" className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-stone-600 dark:text-stone-400" aria-label="Legend">
        <span>Number = quotes on the theme; shade = how strongly they address it:</span>
        {[...LEVELS].reverse().map((l) => (
          <span key={l.label} className="inline-flex items-center gap-1">
            <span className={`inline-block h-3 w-5 rounded-sm ${l.cls}`} aria-hidden="true" />
            {l.label}
          </span>
        ))}
        <span>“–” = nothing above the relevance floor ({floor.toFixed(2)}).</span>
      </div>
    </div>
  );
}
