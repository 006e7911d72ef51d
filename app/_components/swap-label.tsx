/**
 * A button label that changes ("Copy link" → "Copied") in one grid cell (.lbl), so the button never changes width. The
 * label is hidden by opacity, not visibility, so the button keeps its name while the other shows. The other label is
 * rendered beforehand only when it may be the wider one (fewer characters by far cannot be): a results page has sixty
 * such buttons.
 */
export function SwapLabel({ label, other, showOther }: { label: string; other: string; showOther: boolean }) {
  return (
    <span className="lbl">
      <span className={showOther ? 'opacity-0' : undefined}>{label}</span>
      {(showOther || other.length > label.length - 3) && (
        <span className={showOther ? undefined : 'invisible'} aria-hidden="true">
          {other}
        </span>
      )}
    </span>
  );
}
