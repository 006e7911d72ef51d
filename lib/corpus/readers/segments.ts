/** A run of text with the marks the structure parser reads: italics and raised note markers. */
export interface Segment {
  text: string;
  italic: boolean;
  sup: boolean; // a raised run: a note marker when it is superscript digits
}

/**
 * Writes segments as one line of parser text: italic runs as *…* (spaces kept outside the stars),
 * note markers glued to the word before them, whitespace collapsed.
 */
export function renderSegments(segments: Segment[]): string {
  let out = '';
  let open = false;
  let spaces = '';
  for (const s of segments) {
    if (s.sup) {
      if (open) out += '*';
      open = false;
      const t = s.text.trim();
      out += (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(t) ? '' : spaces) + t;
      spaces = '';
      continue;
    }
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(s.text)!;
    if (!m[2]) {
      spaces += s.text;
      continue;
    }
    const gap = m[1] || spaces ? ' ' : '';
    if (s.italic && !open) {
      out += `${gap}*`;
      open = true;
    } else if (!s.italic && open) {
      out += `*${gap}`;
      open = false;
    } else out += gap;
    spaces = m[3];
    out += m[2];
  }
  if (open) out += '*';
  // adjacent italic runs ("*a* *b*") are one run
  return out
    .replace(/\*(\s*)\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
