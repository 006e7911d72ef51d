import { isSpeechVerb, ROLE_WORDS } from './names';
import type { Footnote, Paragraph } from './types';

/**
 * Quotations inside the notes. A note is read as a passage of its own ("note-N", the id the reader gives the
 * note), so the body's rules apply to its prose ("X recalled that Y said “…”"); on top of that a quotation in
 * a parenthesis right after a cited record is the words of whoever the record is by, when the citation names
 * one person: "Doe 3/1/19 Memorandum (“…”)", "Doe 3/1/19 Interview Notes, at 4 (… “…”)", "@jdoe 3/1/19 Post
 * (“…”)", "Remarks by Minister Doe, Town Hall (Mar. 1, 2019) (“…”)".
 */

export const NOTE_ANCHOR_PREFIX = 'note-';

/** The anchor of note n: the reader's id for the note, and the place of the quotations inside it. */
export function noteAnchor(n: number): string {
  return `${NOTE_ANCHOR_PREFIX}${n}`;
}

/** The note number of a note anchor, or null for a paragraph anchor. */
export function noteOfAnchor(anchor: string): number | null {
  const m = /^note-(\d+)$/.exec(anchor);
  return m ? Number(m[1]) : null;
}

/** Note text without emphasis asterisks (`*See*`, `*Title*`; underscores stay: they are in record ids): quotations are read in the words as they are. */
export function plainNoteText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/(\*{1,2})(?=\S)([^*\n]*?\S)\1/g, '$2');
}

/** One passage per note, in the section of the paragraph that first refers to it. */
export function notePassages(footnotes: Footnote[], paragraphs: Paragraph[]): Paragraph[] {
  const referencedIn = new Map<number, Paragraph>();
  for (const p of paragraphs) for (const r of p.refs) if (!referencedIn.has(r.number)) referencedIn.set(r.number, p);
  const lastSection = paragraphs.length ? paragraphs[paragraphs.length - 1].sectionIndex : 0;
  return footnotes.map((f, k) => ({
    anchor: noteAnchor(f.number),
    ordinal: paragraphs.length + k,
    sectionIndex: referencedIn.get(f.number)?.sectionIndex ?? lastSection,
    kind: 'text',
    text: plainNoteText(f.text),
    refs: [],
    line: f.line,
    italic: false,
    page: null,
    blockQuote: false,
  }));
}

// a cited record's date: "2/26/17", "Feb. 26, 2017", "26 February 2017"
const DATE = String.raw`(?:\d{1,2}/\d{1,2}/\d{2,4}|\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8}\s+\d{4})`;
// a person as a citation writes them: a surname, or one or two given names or initials before it
const CITED_NAME = String.raw`((?:\p{Lu}\.\s*){0,2}(?:\p{Lu}[\p{Ll}\p{M}'’-]+\s+){0,2}(?:Mc|Mac|O['’])?\p{Lu}[\p{Ll}\p{M}'’-]+)`;
// the words of the record cited: its kind and the pin cite ("Memorandum for the Record", "Notes, at 4–5")
const RECORD = String.raw`[^;()"“”]{1,60}?(?:,\s+at\s+[\d–-]+(?:,\s*[\d–-]+)*)?`;
const CITATION_START = String.raw`(?:^|[;(]\s*|[.!?]["”’]?\s+|\b(?:see|See|cf\.|Cf\.)(?:,?\s+(?:also|e\.g\.),?)?\s+)`;
/** The citation as evidence: without the punctuation before it and the parenthesis that closes around it. */
function citation(head: string, at: number): string {
  const c = head
    .slice(at)
    .replace(/^[;(.\s]+/, '')
    .trim();
  return (c.match(/\(/g) ?? []).length < (c.match(/\)/g) ?? []).length ? c.replace(/\)$/, '') : c;
}

/** "Doe 2/26/17 Memorandum for the Record" or "(Doe 2/26/17 Notes)" ending right before the parenthesis. */
const PERSON_RECORD = new RegExp(`${CITATION_START}${CITED_NAME}\\s+${DATE}\\s+(${RECORD})\\)?\\s*$`, 'u');
/** "@jdoe 3/31/17 (7:04 a.m. ET) Tweet" ending right before the parenthesis. */
const HANDLE_RECORD = new RegExp(`${CITATION_START}(@[A-Za-z0-9_]{2,30})\\s+${DATE}(?:\\s+\\([^()]{1,30}\\))?\\s+(?:Tweet|Post|Toot|Status)\\)?\\s*$`, 'u');
/** "Remarks by President Doe in Press Conference, City (June 9, 2017)": the record's title names its speaker. */
const TITLED_RECORD = new RegExp(
  `${CITATION_START}(?:Remarks|Statement|Speech|Address|Testimony)\\s+(?:by|of)\\s+((?:\\p{Lu}[\\p{L}-]*\\s+){0,3}\\p{Lu}[\\p{Ll}\\p{M}'’-]+)\\b[^;()"“”]{0,80}?(?:\\s*\\([^()]{1,40}\\))?\\s*$`,
  'u',
);

export interface NoteCredit {
  /** The name as written ("Doe", "Jane Doe"), or a handle ("@jdoe"). */
  name: string;
  /** The citation that credits the words. */
  evidence: string;
}

/**
 * Whom the record cited right before the parenthesis holding a quotation credits: the quotation at `quoteAt`
 * must stand in a parenthesis that follows the citation, with no speech verb or other name before it inside
 * ("(quoting Jane Doe as saying “…”)" is the body's reported speech, not the record's author).
 */
export function noteCredit(text: string, quoteAt: number, namesSomeone: (text: string) => boolean): NoteCredit | null {
  const open = text.lastIndexOf('(', quoteAt);
  if (open < 0 || text.lastIndexOf(')', quoteAt) > open) return null;
  const inside = text.slice(open + 1, quoteAt);
  if (/["“”]/.test(inside) || inside.split(/\s+/).some((w) => isSpeechVerb(w.replace(/[^\p{L}]/gu, ''))) || namesSomeone(inside)) return null;
  // "(“…”) (quoting Roe)": the record repeats someone else's words
  const close = text.indexOf(')', quoteAt);
  if (close >= 0 && /^\s*\(\s*(?:quoting|citing|alteration|emphasis\s+in\s+original)\b/i.test(text.slice(close + 1))) return null;
  const head = text.slice(0, open);
  const handle = HANDLE_RECORD.exec(head);
  if (handle) return { name: handle[1], evidence: citation(head, handle.index) };
  const titled = TITLED_RECORD.exec(head);
  // "Remarks by President Doe and Prime Minister Roe in Joint Press Conference": two speakers, none settled
  if (titled && !/\b(?:and|with)\b|&/.test(head.slice(titled.index + titled[0].indexOf(titled[1])))) {
    const words = titled[1].split(/\s+/).filter((w) => !ROLE_WORDS.has(w));
    if (words.length) return { name: words.join(' '), evidence: citation(head, titled.index) };
  }
  const record = PERSON_RECORD.exec(head);
  if (!record) return null;
  // a person's own papers (notes, a memo) also record what others did and said: their words are the author's
  // only where the author speaks as "I"/"we"; an interview record holds the witness's own account
  // a note-taker's notes of a meeting write down what others said, in their first person too ("I need loyalty"): nobody's words are settled
  if (!INTERVIEW_RECORD.test(record[2]) && /\bnotes?\b/i.test(record[2])) return null;
  const words = /^.([^"“”]*)/.exec(text.slice(quoteAt))?.[1] ?? '';
  if (!INTERVIEW_RECORD.test(record[2]) && !/\b(?:I|I['’](?:m|ve|d|ll)|me|my|we|we['’](?:re|ve|d|ll)|us|our)\b/i.test(words)) return null;
  return { name: record[1], evidence: citation(head, record.index) };
}

/** A record of an interview held for the report: "Doe 3/4/19 Interview Notes", the FBI's interview report (a "302"). */
export const INTERVIEW_RECORD = /\b(?:interview|302)\b/i;

// words handles put before a name: titles, "team", "real"
const HANDLE_PREFIX = /^(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|Pres|Amb|Sec|Min|Team|Real|The|Official|Office|Dept|Vote|Elect|Ask|Hey|Its|Iam)$/;

/**
 * The person a handle spells ("@realJaneDoe", "@JaneDoe", "@Jane_Doe" → "Jane Doe"): two or three capitalised
 * words at its end, less a title or team word before them, taken only when the document writes that surname as
 * a word of its own elsewhere.
 */
export function handlePerson(handle: string, documentText: string): string | null {
  const words = handle
    .replace(/^@/, '')
    .split(/_+|(?=\p{Lu}\p{Ll})/u)
    .filter(Boolean);
  const tail: string[] = [];
  for (let k = words.length - 1; k >= 0 && /^\p{Lu}\p{Ll}+$/u.test(words[k]) && tail.length < 3; k--) tail.unshift(words[k]);
  // a title or team word at the front of the handle is no given name ("@SenDoe", "@TeamJaneDoe")
  while (tail.length && (ROLE_WORDS.has(tail[0]) || HANDLE_PREFIX.test(tail[0]))) tail.shift();
  if (tail.length < 2) return null;
  const surname = tail[tail.length - 1];
  const elsewhere = documentText.replace(/@[A-Za-z0-9_]+/g, ' ');
  return new RegExp(`(?<![\\p{L}@])${surname}(?!\\p{L})`, 'u').test(elsewhere) ? tail.join(' ') : null;
}

/** "the President tweeted," / "the Minister posted:": a role title as subject of a verb of posting. */
const ROLE_POSTED = /\bthe\s+((?:\p{Lu}[\p{L}-]*\s+){0,3}\p{Lu}[\p{L}-]*)\s+(?:tweeted|posted|wrote\s+on\s+(?:Twitter|X|Facebook|Mastodon))\s*[,:]?\s*$/u;

/** The role title a lead-in gives as the poster of the words ("President" for "… the President tweeted,"), or null. */
export function rolePoster(leadIn: string | null): string | null {
  const m = leadIn ? ROLE_POSTED.exec(leadIn) : null;
  return m?.[1].split(/\s+/).every((w) => ROLE_WORDS.has(w)) ? m[1] : null;
}

/** The handle a note credits first and alone with a post: "@jdoe 3/31/17 (7:04 a.m. ET) Tweet; see …". */
export function notePostHandle(noteText: string): { handle: string; evidence: string } | null {
  const plain = plainNoteText(noteText);
  const first = plain.split(/;\s+/)[0].trim();
  const m = new RegExp(`^(@[A-Za-z0-9_]{2,30})\\s+${DATE}(?:\\s+\\([^()]{1,30}\\))?\\s+(?:Tweet|Post|Toot|Status)\\.?$`, 'u').exec(first);
  if (!m || (plain.match(/@[A-Za-z0-9_]{2,30}/g) ?? []).some((h) => h !== m[1])) return null;
  return { handle: m[1], evidence: first };
}
