// Citations for a quote "quoted in" / "as cited in" the document that carries it.
//
// The document part of every citation comes from the CSL processor (styles/*.csl through
// @citation-js/plugin-csl); only the speaker prefix is composed here. What each guide prescribes
// for a source known only through another work, and the wording chosen:
//
// Chicago (CMOS 18, notes and bibliography). "Citations taken from secondary sources" (CMOS17
//   14.260, kept in the 18th edition): cite the original, then "quoted in" and the work consulted,
//   in one note. Unpublished interviews (CMOS18 14.108, as the CSL style notes): interviewee,
//   "interview by" interviewer, date; an unnamed source is described instead of named. Dates are
//   month-day-year, as the CSL style prints them. The note form of the document comes from the
//   style's citation layout (a full note); a footnote number becomes its locator ("n. 132").
//     Ken Jimbo, interview by Anoma P. van der Veere, December 3, 2024, quoted in Anoma P. van der
//     Veere, Shaping a New Alliance: … (LeidenAsiaCentre, 2025), n. 132.
//   (CMOS 18 no longer requires the place of publication, so the CSL style omits "Leiden:".)
//
// APA 7 (Publication Manual 8.6, secondary sources): only the work read goes in the reference
//   list; the original is named in the text, "(Jimbo, as cited in van der Veere, 2025)". An
//   interview another author conducted and reported is cited through that report (it is not a
//   personal communication of the reader's). The citation is the speaker with
//   what it is ("interview" and its date) followed by "as cited in" and the full reference entry:
//     Ken Jimbo (interview, December 3, 2024), as cited in van der Veere, A. P. (2025). Shaping a
//     New Alliance: … LeidenAsiaCentre.
//
// MLA 9 (indirect sources): the in-text form is "(qtd. in van der Veere)" and the
//   works-cited list holds the work consulted. Here the interview is written as an MLA entry for an
//   unpublished interview (interviewee inverted, "Interview by" interviewer, day-month-year date,
//   MLA month abbreviations) followed by "Quoted in" (spelled out, as MLA does outside
//   parentheses) and the works-cited entry of the document:
//     Jimbo, Ken. Interview by Anoma P. van der Veere, 3 Dec. 2024. Quoted in van der Veere,
//     Anoma P. Shaping a New Alliance: …. LeidenAsiaCentre, Apr. 2025.
//
// kind 'quote' (someone else's statement quoted in the text): the same, without "interview".
// kind 'analysis' (the author's own prose): the document itself, no prefix.
// Unnamed or anonymous sources are described: "An official of the Ministry of Foreign Affairs
// (MFA), Japan, interview by …". The section is not part of any of these citation forms; the
// footnote number is used only as Chicago's locator.
import type { Citation, DocumentInfo } from '../types';
import { apaReference, chicagoNote, mlaWorksCited } from './document-citations';
import { joinNames, naturalName, parsePersonName } from './names';
import { speakerForms, type SpeakerInput } from './speaker';
import { cleanText, formatDateMla, formatDateUs, parseIsoDate } from './text';

export interface CiteInput {
  document: DocumentInfo;
  speaker: SpeakerInput | null;
  kind: 'interview' | 'quote' | 'analysis';
  /** ISO yyyy-mm-dd (yyyy-mm and yyyy are accepted). */
  interviewDate: string | null;
  section: string | null;
  footnoteNumber?: number | null;
  /** The page of a paginated source the quote stands on; Chicago's locator. */
  page?: number | null;
}

const join = (...parts: Array<string | null | undefined | false>): string => parts.filter(Boolean).join(', ');

/** Document authors in reading order for "interview by …". */
function interviewers(doc: DocumentInfo): string {
  return joinNames(
    doc.authors
      .map((a) => a.trim())
      .filter(Boolean)
      .map((a) => naturalName(parsePersonName(a))),
  );
}

// Finished citations by input; search pages cite the same quotes again and again.
const MAX_CITATIONS = 5000;
const citations = new Map<string, Citation>();

/** Chicago, APA 7 and MLA 9 citations for a quote, in plain text. */
export function citeQuote(input: CiteInput): Citation {
  const { document: d, speaker: s } = input;
  const key = JSON.stringify([
    d.id,
    d.title,
    d.authors,
    d.date,
    d.publisher,
    d.place,
    d.url,
    d.kind,
    s ? [s.name, s.affiliation, s.anonymous ?? null] : null,
    input.kind,
    input.interviewDate,
    input.footnoteNumber ?? null,
    input.page ?? null,
  ]);
  let citation = citations.get(key);
  if (!citation) {
    citation = composeCitation(input);
    if (citations.size >= MAX_CITATIONS) {
      const oldest = citations.keys().next().value;
      if (oldest !== undefined) citations.delete(oldest);
    }
    citations.set(key, citation);
  }
  return { ...citation };
}

function composeCitation(input: CiteInput): Citation {
  const { document: doc } = input;
  const note = chicagoNote(doc, input.footnoteNumber, input.page);
  const reference = apaReference(doc);
  const worksCited = mlaWorksCited(doc);
  if (input.kind === 'analysis') return { chicago: note, apa: reference, mla: worksCited };

  const speaker = speakerForms(input.speaker);
  const interview = input.kind === 'interview';
  const date = interview ? parseIsoDate(input.interviewDate) : null;
  const by = interview ? interviewers(doc) : '';

  let chicago: string;
  let apa: string;
  let mla: string;
  if (interview) {
    const interviewPhrase = by ? `interview by ${by}` : 'interview';
    const chicagoHead = speaker ? join(speaker.natural, interviewPhrase) : capitalise(interviewPhrase);
    chicago = `${join(chicagoHead, date && formatDateUs(date))}, quoted in ${note}`;

    apa = speaker
      ? `${speaker.natural} (${join('interview', date && formatDateUs(date))}), as cited in ${reference}`
      : `Interview${date ? ` (${formatDateUs(date)})` : ''}, as cited in ${reference}`;

    const mlaInterview = join(by ? `Interview by ${by}` : 'Interview', date && formatDateMla(date));
    mla = `${speaker ? `${speaker.inverted}. ` : ''}${mlaInterview}. Quoted in ${worksCited}`;
  } else {
    chicago = speaker ? `${speaker.natural}, quoted in ${note}` : `Quoted in ${note}`;
    apa = speaker ? `${speaker.natural}, as cited in ${reference}` : `As cited in ${reference}`;
    mla = speaker ? `${speaker.inverted}. Quoted in ${worksCited}` : `Quoted in ${worksCited}`;
  }
  return { chicago: cleanText(chicago), apa: cleanText(apa), mla: cleanText(mla) };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The quote in typographic quotation marks followed by its citation, for the clipboard:
 * “We have to be realistic.” Ken Jimbo, interview by …
 * Quotation marks already around the text are replaced; double quotes inside it become single.
 */
export function formatQuoteWithCitation(text: string, citation: string): string {
  let body = text.replace(/\s+/g, ' ').trim();
  const wrapped = /^["“„«]([\s\S]*)["”“»]$/.exec(body);
  if (wrapped && quotesBalanced(wrapped[1])) body = wrapped[1].trim();
  body = body
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/(^|[\s([{—–-])"/g, '$1‘')
    .replace(/"/g, '’');
  const cite = citation.replace(/\s+/g, ' ').trim();
  const quoted = `“${body}”`;
  return cite ? `${quoted} ${cite}` : quoted;
}

/** Whether the quotation marks inside a text pair up, opening before closing. */
function quotesBalanced(inner: string): boolean {
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    const opening = ch === '“' || (ch === '"' && (i === 0 || /[\s([{—–-]/.test(inner[i - 1])));
    const closing = ch === '”' || (ch === '"' && !opening);
    if (opening) depth++;
    else if (closing && --depth < 0) return false;
  }
  return depth === 0;
}
