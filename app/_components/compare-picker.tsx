import { QueryForm } from './query-form';

export interface PickerSpeaker {
  id: string;
  name: string;
  affiliation: string | null;
  quoteCount: number;
}

/** Choose a theme and two to seven speakers; submitting puts both in the URL, so a comparison is a link. */
export function ComparePicker({
  q,
  speakers,
  chosen,
  view,
  themes,
}: {
  q: string;
  speakers: PickerSpeaker[];
  chosen: string[];
  view: 'columns' | 'matrix';
  themes: string[];
}) {
  return (
    <QueryForm
      action="/compare"
      joinKeys={['speakers']}
      className="font-ui rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900"
      aria-label="Choose a theme and speakers"
    >
      {view === 'matrix' && <input type="hidden" name="view" value="matrix" />}
      {themes.map((t) => (
        <input key={t} type="hidden" name="theme" value={t} />
      ))}
      <label htmlFor="compare-q" className="block text-sm font-semibold">
        Theme{view === 'matrix' && <span className="font-normal text-stone-600 dark:text-stone-400"> (optional: added as the first row)</span>}
      </label>
      <input
        key={`q:${q}`}
        id="compare-q"
        name="q"
        type="search"
        defaultValue={q}
        data-search-box=""
        required={view === 'columns'}
        maxLength={500}
        autoComplete="off"
        enterKeyHint="go"
        placeholder="e.g. public opinion"
        className="mt-1.5 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-950"
      />
      <fieldset className="mt-4" key={`chosen:${chosen.join(',')}`}>
        <legend className="text-sm font-semibold">
          Speakers <span className="font-normal text-stone-600 dark:text-stone-400">— two to seven</span>
        </legend>
        <ul className="mt-2 grid grid-cols-1 gap-x-4 gap-y-0.5 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {speakers.map((s) => (
            <li key={s.id}>
              <label className="flex cursor-pointer items-baseline gap-2 rounded px-1 py-0.5 hover:bg-stone-100 dark:hover:bg-stone-800">
                <input
                  type="checkbox"
                  name="speakers"
                  value={s.id}
                  defaultChecked={chosen.includes(s.id)}
                  className="translate-y-0.5 accent-stone-800 dark:accent-stone-200"
                />
                <span className="min-w-0 flex-1 truncate">
                  {s.name}
                  {s.affiliation && <span className="text-stone-500 dark:text-stone-400"> · {s.affiliation}</span>}
                </span>
                <span className="text-xs text-stone-500 tabular-nums dark:text-stone-400">{s.quoteCount}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="mt-4">
        <button type="submit" className="btn btn-primary">
          {view === 'matrix' ? 'Show the matrix' : 'Compare'}
        </button>
      </div>
    </QueryForm>
  );
}
