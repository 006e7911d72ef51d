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
        <button type="button" popoverTarget={popoverId} aria-label={`Note ${number}`} className="fn-btn">
          {number}
        </button>
      </sup>
      <span id={popoverId} popover="auto" role="note" className="footnote-pop fn-pop">
        <span className="fn-pop-title">Note {number}</span>
        <span className="block">{text}</span>
        <span className="fn-pop-links">
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
