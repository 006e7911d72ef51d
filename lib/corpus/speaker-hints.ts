import { editDistance, nameTokens } from './names';

/**
 * Small readings of how web posts name a speaker at the attribution: a job title written before the name
 * ("Lead Designer Jane Doe said"), a surname misspelt where it is credited, a display name that is the handle.
 */

/** Words that end a job title written before a name: "Senior Product Designer", "Innovation Fellow", "Developer". */
const TITLE_HEADS = new Set(
  (
    'Developer Designer Engineer Fellow Manager Director Officer Administrator Scientist Analyst Researcher Strategist ' +
    'Specialist Adviser Advisor Consultant Founder Cofounder Co-founder Lead Architect Editor Writer Reporter Correspondent ' +
    'Producer Coordinator Head Chief Secretary Commissioner Ambassador Professor Senator Governor Mayor President Minister ' +
    'Spokesperson Spokesman Spokeswoman Counsel Attorney Judge Chair Chairman Chairwoman Librarian Historian Economist ' +
    'Technologist Partner Principal Intern Volunteer Organizer Organiser Evangelist Advocate CEO CTO CIO COO CFO'
  ).split(/\s+/),
);
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*|\p{Lu}\.)$/u;

/**
 * "Developer Jane Doe" → name "Jane Doe", role "Developer"; "Presidential Innovation Fellow Jo Ann Smith" → "Jo Ann
 * Smith". Only when the words after the last title word are two or three name words.
 */
export function splitRoleName(written: string): { name: string; role: string } | null {
  const words = written.trim().split(/\s+/);
  let k = -1;
  for (let j = 0; j < words.length; j++) if (TITLE_HEADS.has(words[j])) k = j;
  if (k < 0) return null;
  const name = words.slice(k + 1);
  if (name.length < 2 || name.length > 3 || !name.every((w) => NAME_WORD.test(w))) return null;
  return { name: name.join(' '), role: words.slice(0, k + 1).join(' ') };
}

/**
 * A lone surname that names nobody in the document but is one letter away from the surname of exactly one
 * person it names ("Martorna" for "Jane Martorana"): a person, misspelt at the attribution. Returns that full name.
 */
export function misspeltSurname(token: string, fullNames: string[]): string | null {
  const t = token.toLowerCase();
  if (t.length < 5) return null;
  const near = new Set(
    fullNames.filter((n) => {
      const toks = nameTokens(n);
      return toks.length >= 2 && editDistance(toks[toks.length - 1], t) === 1;
    }),
  );
  return near.size === 1 ? [...near][0] : null;
}

/** A post's display name that is its handle written without the @ ("jdoe (@jdoe)"): the person goes by the handle. */
export function handleAsName(display: string, handle: string): string | null {
  const d = display.trim();
  return /^[\p{Ll}\d_-]{3,}$/u.test(d) && `@${d}`.toLowerCase() === handle.toLowerCase() ? handle : null;
}

/** "A day later they said": a lead-in whose only subject is "they", with no name in it. */
const THEY_SAID = /^(?:\p{Lu}?[\p{Ll}\d’']*\s+){0,4}they\s+(?:said|replied|wrote|answered|added|commented|responded|continued)\s*[,:]?$/u;

/**
 * A quotation introduced by "they said" right after the sentence that quoted one person ("@jdoe commented “…”
 * A day later they said “…”") is that person's again: singular "they", with no one else in between.
 * Returns, for each such quote, the index of the quote whose speaker it continues.
 */
export function theyContinues(
  quotes: { text: string; leadIn: string | null; anchors: string[]; speaker: unknown }[],
  paragraphText: (anchor: string) => string,
): Map<number, number> {
  const out = new Map<number, number>();
  for (let k = 1; k < quotes.length; k++) {
    const q = quotes[k];
    const prev = quotes[k - 1];
    if (q.speaker || !prev.speaker || !q.leadIn || !THEY_SAID.test(q.leadIn) || q.anchors[0] !== prev.anchors[prev.anchors.length - 1]) continue;
    const text = paragraphText(q.anchors[0]);
    const prevEnd = text.indexOf(prev.text);
    const leadAt = text.indexOf(q.leadIn, prevEnd < 0 ? 0 : prevEnd + prev.text.length);
    if (prevEnd < 0 || leadAt < 0) continue;
    // only the closing mark and the full stop of the quotation before stand between them
    if (/[\p{L}\p{N}]/u.test(text.slice(prevEnd + prev.text.length, leadAt))) continue;
    out.set(k, k - 1);
  }
  return out;
}
