/**
 * A note marker that opens its note in place (a native popover: no script, Esc closes it), with a link to the
 * full list of notes. A marker whose note the document does not carry stays a plain superscript.
 */
export function FootnoteRef({ number, text, popoverId, refId }: { number: number; text: string | undefined; popoverId: string; refId?: string }) {
  if (!text)
    return (
      <sup
        id={refId}
        className="font-ui px-0.5 text-[0.7em] text-stone-600 dark:text-stone-400"
        title={`Note ${number} (the note's text is not in this copy of the document)`}
      >
        {number}
      </sup>
    );
  return (
    <>
      <sup id={refId} className="font-ui">
        <button
          type="button"
          popoverTarget={popoverId}
          aria-label={`Note ${number}`}
          className="mx-px inline-block cursor-pointer rounded px-0.5 py-0.5 text-[0.95em] leading-none font-semibold text-blue-800 underline decoration-dotted underline-offset-2 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-blue-950"
        >
          {number}
        </button>
      </sup>
      <span
        id={popoverId}
        popover="auto"
        role="note"
        className="footnote-pop font-ui rounded-lg border border-stone-300 bg-white p-4 text-sm leading-relaxed text-stone-900 shadow-lg dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      >
        <span className="mb-1 block text-xs font-semibold tracking-wide text-stone-600 uppercase dark:text-stone-400">Note {number}</span>
        <span className="block">{text}</span>
        <span className="mt-2 flex justify-between gap-4 text-xs">
          <a href={`#note-${number}`} className="link">
            All notes
          </a>
          <button type="button" popoverTarget={popoverId} popoverTargetAction="hide" className="link cursor-pointer">
            Close
          </button>
        </span>
      </span>
    </>
  );
}
