import type { Metadata } from 'next';
import Link from 'next/link';
import type { SpeakerInfo } from '@/lib/types';
import { formatDate, plural } from '@/lib/ui/format';
import { openReader } from '@/lib/ui/load-index';
import { IndexProblem } from '../_components/notice';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Speakers' };

function SpeakerList({ speakers }: { speakers: SpeakerInfo[] }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
      {speakers.map((s) => (
        <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 p-4" data-testid="speaker-row">
          <div className="min-w-0 flex-1 basis-72">
            <Link href={`/speakers/${s.id}`} className="link text-base font-semibold">
              {s.name}
            </Link>
            {s.affiliation && <span className="text-stone-700 dark:text-stone-300">, {s.affiliation}</span>}
            {s.role && <p className="mt-0.5 line-clamp-2 text-sm text-stone-600 dark:text-stone-400">{s.role}</p>}
            <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
              {s.interviewDates.length > 0 && <>Interviewed {s.interviewDates.map(formatDate).join(', ')} · </>}
              In {s.documents.map((d) => d.title).join('; ')}
            </p>
          </div>
          <span className="text-sm text-stone-700 tabular-nums dark:text-stone-300">{plural(s.quoteCount, 'quote')}</span>
        </li>
      ))}
    </ul>
  );
}

export default function SpeakersPage() {
  const opened = openReader();
  if (!opened.ok) return <IndexProblem problem={opened.problem} />;
  const speakers = opened.reader.speakers();
  const interviewed = speakers.filter((s) => s.interviewDates.length > 0);
  const quoted = speakers.filter((s) => s.interviewDates.length === 0);
  return (
    <div className="font-ui space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Speakers</h1>
          <p className="mt-1 max-w-prose text-sm text-stone-700 dark:text-stone-300">
            {plural(speakers.length, 'person', 'people')} quoted in the corpus, most quoted first: who they are, when they were interviewed, and where they are
            quoted.
          </p>
        </div>
        <Link href="/compare" className="btn">
          Compare speakers on a theme →
        </Link>
      </div>
      {interviewed.length > 0 && (
        <section aria-labelledby="interviewed">
          <h2 id="interviewed" className="mb-3 text-lg font-semibold">
            Interviewed by the authors <span className="text-sm font-normal text-stone-600 dark:text-stone-400">({interviewed.length})</span>
          </h2>
          <SpeakerList speakers={interviewed} />
        </section>
      )}
      {quoted.length > 0 && (
        <section aria-labelledby="quoted">
          <h2 id="quoted" className="mb-3 text-lg font-semibold">
            Quoted from speeches, statements and other writing <span className="text-sm font-normal text-stone-600 dark:text-stone-400">({quoted.length})</span>
          </h2>
          <SpeakerList speakers={quoted} />
        </section>
      )}
    </div>
  );
}
