import { renderSegments, type Segment } from './segments';
import { toSuperscript } from './types';

/** The few DOM members the walker uses (linkedom's elements have them; no dependency on lib.dom types). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode?: DomNode | null;
  getAttribute?(name: string): string | null;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'SVG', 'IFRAME', 'HEAD', 'IMG', 'HR']);
const BLOCK = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'TR',
  'FIGURE',
  'FIGCAPTION',
  'PRE',
  'BODY',
  'HTML',
  'CAPTION',
  'THEAD',
  'TBODY',
  'TFOOT',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
]);
const ITALIC = new Set(['EM', 'I', 'CITE']);

export interface NoteTarget {
  number: number;
  text: string;
}

export interface HtmlTextOptions {
  /** Element ids of notes, to the note they are; anchors pointing there become markers. */
  notes: Map<string, NoteTarget>;
  /** Elements left out of the body (the notes list itself). */
  skip?: (el: DomNode) => boolean;
  /** Emit indented block quotes as "> " lines (the parser reads them once it supports them). */
  blockQuoteMarkers?: boolean;
}

export interface HtmlBlock {
  text: string;
  blockQuote: boolean;
}

function attr(el: DomNode, name: string): string | null {
  return el.getAttribute?.(name) ?? null;
}

/** The note an anchor points to ("#fn3", "#footnote-3"), when it does. */
export function noteOfAnchor(el: DomNode, notes: Map<string, NoteTarget>): NoteTarget | null {
  if (el.nodeName !== 'A') return null;
  const href = attr(el, 'href') ?? '';
  const hash = href.indexOf('#');
  if (hash < 0) return null;
  return notes.get(decodeURIComponent(href.slice(hash + 1))) ?? null;
}

/** Turns an element tree into paragraphs of parser text: one line each, italics as *…*, note markers as superscripts. */
export function htmlBlocks(root: DomNode, options: HtmlTextOptions): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let segments: Segment[] = [];
  let quoteDepth = 0;
  const listKinds: string[] = [];
  let pendingPrefix = '';

  const flush = () => {
    const text = renderSegments(segments);
    segments = [];
    if (!text) return;
    blocks.push({ text: pendingPrefix + text, blockQuote: quoteDepth > 0 });
    pendingPrefix = '';
  };

  const inline = (node: DomNode, italic: boolean, sup: boolean) => {
    if (node.nodeType === 3) {
      const t = (node.textContent ?? '').replace(/\s+/g, ' ');
      if (sup && /^\s*\d{1,3}\s*$/.test(t)) segments.push({ text: toSuperscript(t.trim()), italic: false, sup: true });
      else if (t) segments.push({ text: t, italic, sup: false });
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || options.skip?.(node)) return;
    if (BLOCK.has(name)) {
      block(node);
      return;
    }
    if (name === 'BR') {
      segments.push({ text: ' ', italic: false, sup: false });
      return;
    }
    const note = noteOfAnchor(node, options.notes);
    if (note) {
      segments.push({ text: toSuperscript(note.number), italic: false, sup: true });
      return;
    }
    if (name === 'SUP') {
      // raised digits are note markers as the page shows them; other superscripts ("20th") are text
      for (const child of Array.from(node.childNodes)) inline(child, italic, true);
      return;
    }
    for (const child of Array.from(node.childNodes)) inline(child, italic || ITALIC.has(name), sup);
  };

  const block = (node: DomNode) => {
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || options.skip?.(node)) return;
    flush();
    if (name === 'BLOCKQUOTE') quoteDepth++;
    if (name === 'UL' || name === 'OL') {
      listKinds.push(name);
    }
    if (name === 'LI') {
      const kind = listKinds[listKinds.length - 1];
      if (kind === 'OL') {
        const parent = node.parentNode;
        const siblings = parent ? Array.from(parent.childNodes).filter((c) => c.nodeName.toUpperCase() === 'LI') : [node];
        const start = Number(parent ? (attr(parent, 'start') ?? 1) : 1);
        pendingPrefix = `${start + siblings.indexOf(node)}. `;
      } else if (kind === 'UL') pendingPrefix = '- ';
    }
    // the first paragraph inside a list item carries its bullet or number
    for (const child of Array.from(node.childNodes)) inline(child, false, false);
    flush();
    if (name === 'BLOCKQUOTE') quoteDepth--;
    if (name === 'UL' || name === 'OL') {
      listKinds.pop();
    }
  };

  block(root);
  return blocks.map((b) => ({ text: options.blockQuoteMarkers && b.blockQuote ? `> ${b.text}` : b.text, blockQuote: b.blockQuote }));
}

/** Note text without the back-links ("↩", "↑", "^") that lead to the marker. */
export function noteText(el: DomNode, refIds: Set<string>): string {
  const parts: string[] = [];
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) {
      parts.push(n.textContent ?? '');
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'A') {
      const href = attr(n, 'href') ?? '';
      const text = (n.textContent ?? '').trim();
      if (href.startsWith('#') && (refIds.has(href.slice(1)) || /^(?:[↩↑^⤴\s]|\uFE0E|\uFE0F)*$/u.test(text))) return;
      parts.push(n.textContent ?? '');
      // a link whose words are not its address keeps the address, which a reader of the note needs
      if (/^https?:\/\//.test(href) && !text.includes(href.replace(/^https?:\/\//, '').replace(/\/$/, ''))) parts.push(` <${href}>`);
      return;
    }
    if (BLOCK.has(name)) parts.push(' ');
    for (const c of Array.from(n.childNodes)) walk(c);
  };
  walk(el);
  return parts
    .join('')
    .replace(/[↩↑]|\uFE0E|\uFE0F/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Finds the notes of a page: elements that anchors point to from a short marker ("3", "[3]", a <sup>),
 * numbered as the markers show them, or in order of first mention when the numbers clash (Word's
 * footnotes and endnotes both start at 1).
 */
export function collectNotes(root: DomNode & { querySelectorAll(sel: string): ArrayLike<DomNode> }, byId: (id: string) => DomNode | null) {
  const anchors = Array.from(root.querySelectorAll('a[href*="#"]'));
  const order: { id: string; shown: number | null; anchor: DomNode }[] = [];
  const refIds = new Set<string>();
  for (const a of anchors) {
    const href = attr(a, 'href') ?? '';
    const id = decodeURIComponent(href.slice(href.indexOf('#') + 1));
    if (!id) continue;
    const shownText = (a.textContent ?? '').trim();
    const m = /^\[?(\d{1,3})\]?$/.exec(shownText);
    const inSup = a.parentNode?.nodeName.toUpperCase() === 'SUP' || Array.from(a.childNodes).some((c) => c.nodeName.toUpperCase() === 'SUP');
    if (!m && !inSup) continue;
    const target = byId(id);
    if (!target || !looksLikeNote(target)) continue;
    if (order.some((o) => o.id === id)) continue;
    const ownId = attr(a, 'id');
    if (ownId) refIds.add(ownId);
    order.push({ id, shown: m ? Number(m[1]) : null, anchor: a });
  }
  for (const a of anchors) {
    const id = attr(a, 'id');
    if (id) refIds.add(id);
  }
  const shown = order.map((o) => o.shown);
  const clash = shown.some((n) => n === null) || new Set(shown).size !== shown.length;
  const notes = new Map<string, NoteTarget>();
  const targets: DomNode[] = [];
  order.forEach((o, i) => {
    const target = byId(o.id)!;
    targets.push(target);
    notes.set(o.id, { number: clash ? i + 1 : o.shown!, text: noteText(target, refIds) });
  });
  return { notes, targets };
}

function looksLikeNote(el: DomNode): boolean {
  for (let n: DomNode | null | undefined = el, depth = 0; n && depth < 4; n = n.parentNode, depth++) {
    const name = n.nodeName.toUpperCase();
    const cls = `${attr(n, 'class') ?? ''} ${attr(n, 'role') ?? ''} ${attr(n, 'id') ?? ''}`;
    if (name === 'LI' || /foot|endnote|note/i.test(cls)) return true;
  }
  return false;
}
