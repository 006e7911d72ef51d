/**
 * Markdown written with hard line breaks (wrapped at 72 or 80 columns, as many blogs and repositories keep
 * their posts) and raw HTML embeds broken over several lines: the reader takes a line for a paragraph, so
 * a quotation, its "said Name" and a name inside a link end up in different paragraphs. These functions join
 * such lines back into the paragraph they belong to, before anything else reads them.
 */

export interface RawLine {
  text: string;
  line: number;
}

/** A line Markdown reads as something other than running text: heading, list item, quote, table, HTML, note, rule, image. */
const NOT_PROSE = /^\s*(?:#|>|\||<|[-•*–+]\s|\d{1,2}[.)]\s|\[\^?\d+\]:|-{3,}|\*{3,}|_{3,}|!\[|\[!\[|```|~~~|\{\{|\{%)/;
const LIST_START = /^\s*(?:[-•*+]\s|\d{1,2}[.)]\s)/;
/** A raw HTML element opened on a line and closed on a later one: the whole element is one block. */
const HTML_BLOCK_OPEN = /<(blockquote|script)\b[^>]*>/i;

function isProseLine(text: string): boolean {
  return !!text.trim() && !text.includes('\t') && !NOT_PROSE.test(text) && !/^ {4,}/.test(text);
}

/**
 * The wrap width when the document is hard-wrapped: at least five lines run on into a next line, and
 * nearly all of them stop short of 100 columns. Null for documents whose paragraphs are one line each.
 */
export function wrapWidth(lines: RawLine[]): number | null {
  const runOn: number[] = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const a = lines[k].text;
    const b = lines[k + 1].text;
    if ((isProseLine(a) || LIST_START.test(a)) && isProseLine(b) && a.trim().length >= 40) runOn.push(a.trimEnd().length);
  }
  if (runOn.length < 5) return null;
  // nearly every line that runs on stops short of 100 columns (a few long ones hold links); the median is the width
  const short = runOn.filter((n) => n <= 100).sort((x, y) => x - y);
  if (short.length < runOn.length * 0.8 || short.length < 5) return null;
  return short[Math.floor(short.length / 2)];
}

/** Joins the lines of a hard-wrapped paragraph (and of a list item's wrapped text) and of a raw HTML embed broken over lines. */
export function joinSoftWraps(lines: RawLine[]): RawLine[] {
  const width = wrapWidth(lines);
  const out: RawLine[] = [];
  let htmlOpen: string | null = null; // the tag of an HTML element still open on the last line
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last && htmlOpen && l.text.trim()) {
      last.text = `${last.text.trimEnd()} ${l.text.trim()}`;
      if (new RegExp(`</${htmlOpen}\\s*>`, 'i').test(l.text)) htmlOpen = null;
      continue;
    }
    htmlOpen = null;
    const open = HTML_BLOCK_OPEN.exec(l.text);
    // only an embed that starts its text on the tag's line (a post's HTML); a tag alone on its line wraps Markdown blocks
    const textAfter = l.text
      .slice(open ? open.index + open[0].length : 0)
      .replace(/<[^>]*>?/g, '')
      .trim();
    if (open && textAfter && !new RegExp(`</${open[1]}\\s*>`, 'i').test(l.text.slice(open.index))) htmlOpen = open[1].toLowerCase();
    const wrapped =
      width !== null && !!last && (isProseLine(last.text) || LIST_START.test(last.text)) && isProseLine(l.text) && lastPhysical(last).length >= width * 0.5;
    if (wrapped) {
      // a wrapper breaks lines only at spaces, so the space comes back (also after a hyphen)
      last.text = `${last.text.trimEnd()} ${l.text.trim()}`;
      physical.set(last, l.text.trimEnd());
      continue;
    }
    const copy = { ...l };
    physical.set(copy, l.text.trimEnd());
    out.push(copy);
  }
  return out;
}

/** The last physical line of a joined line: only a line that ran to the wrap width continues. */
const physical = new WeakMap<RawLine, string>();
function lastPhysical(l: RawLine): string {
  return (physical.get(l) ?? l.text).trimEnd();
}
