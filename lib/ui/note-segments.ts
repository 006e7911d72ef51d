// A note's text cut at the quotes that stand inside it, so the reader can mark them and link to them.
import { plainNoteText } from '../corpus/note-quotes';

export type NoteSegment = { text: string; quoteId: string | null; highlighted: boolean };

/** The note's words in order, each quote found in them its own segment; the note as written when none is found. */
export function noteSegments(note: string, quotes: { id: string; text: string }[], highlightId: string | null): NoteSegment[] {
  const plain = plainNoteText(note);
  const found = quotes
    .map((q) => ({ q, at: plain.indexOf(q.text) }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at);
  if (!found.length) return [{ text: note, quoteId: null, highlighted: false }];
  const out: NoteSegment[] = [];
  let at = 0;
  for (const { q, at: start } of found) {
    if (start < at) continue; // overlapping quotes: the first one keeps the words
    if (start > at) out.push({ text: plain.slice(at, start), quoteId: null, highlighted: false });
    out.push({ text: q.text, quoteId: q.id, highlighted: q.id === highlightId });
    at = start + q.text.length;
  }
  if (at < plain.length) out.push({ text: plain.slice(at), quoteId: null, highlighted: false });
  return out;
}
