// Citations for a quote "quoted in" / "as cited in" the document that carries it, in the forms
// the three manuals prescribe for a source known only through another work. Every part that the
// CSL-JSON fields can express is formatted by the CSL processor from the bundled styles; only the
// joins the styles cannot express are written here.
//
// Chicago (CMOS 18 14.260, "quoted in"): one note naming the original, then "quoted in" and the
//   full note of the work consulted; the bibliography lists the work consulted:
//     Saya Kiba, interview, transcribed December 3, 2024, quoted in Anoma P. van der Veere,
//     Shaping a New Alliance: … (LeidenAsiaCentre, 2025), 41n132.
// APA 7 (§8.6 secondary sources): "(Kiba, as cited in van der Veere, 2025, p. 41)" in the text and
//   only the work consulted in the reference list. The original's year is given only when the
//   note says when the words were said or published (a transcription date is not that).
// MLA 9 (6.77 indirect sources): "(qtd. in van der Veere 41)" with the original speaker named in
//   the sentence; the works-cited list holds only the work consulted.
// Interviews (CMOS 14.110): "interview by" only where the text names the interviewer. A date is
//   printed only with what the note says it is ("transcribed", "interview" date, "speech" date).
// kind 'analysis' and quotes nobody is named for: the document itself, no "quoted in".
import type { CslItem, CslName } from '@citation-js/core';
import { Cite } from '@citation-js/core';
import type { Citation, DocumentInfo } from '../types';
import type { CitableQuote, StyledCitation, StyledCitations } from './citable';
import { joinCitation } from './clipboard';
import { quoteText } from './quote-records';
import { apaInText, apaReference, chicagoBibliography, chicagoNote, citableFromLegacy, formatCsl, mlaInText, mlaWorksCited } from './document-citations';
import { parsePersonName, toCslName } from './names';
import { type SpeakerInput, speakerForms } from './speaker';
import { ensureStylesRegistered } from './styles';
import { formatDateUs, parseIsoDate } from './text';

/** Today's ingest input (see citableFromLegacy); new fields are optional until the records carry them. */
export interface CiteInput {
  document: DocumentInfo;
  speaker: SpeakerInput | null;
  kind: 'interview' | 'quote' | 'analysis';
  /** ISO yyyy-mm-dd (yyyy-mm and yyyy are accepted). */
  interviewDate: string | null;
  section: string | null;
  footnoteNumber?: number | null;
  dateLabel?: CitableQuote['dateLabel'];
  interviewer?: string | null;
  page?: number | null;
  role?: string | null;
}

const MAX_CITATIONS = 5000;
const citations = new Map<string, StyledCitations>();

function remember<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    if (map.size >= MAX_CITATIONS) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
    map.set(key, value);
  }
  return value;
}

/** Chicago, APA 7 and MLA 9 for a quote, each as its in-text form (Chicago: the note) and list entry. */
export function citeCitable(q: CitableQuote): StyledCitations {
  const d = q.document;
  const s = q.speaker;
  const key = JSON.stringify([
    [d.id, d.title, d.authors, d.date, d.publisher, d.place, d.url, d.kind],
    s ? [s.name, s.affiliation, s.anonymous ?? null] : null,
    q.kind,
    q.interviewDate,
    q.dateLabel,
    q.interviewer,
    q.footnote?.number ?? null,
    q.page,
  ]);
  const hit = remember(citations, key, () => compose(q));
  return { chicago: { ...hit.chicago }, apa: { ...hit.apa }, mla: { ...hit.mla } };
}

/** The stored form (QuoteRecord.citation): per style, the in-text form, a blank line, the entry. */
export function toCitation(c: StyledCitations): Citation {
  return {
    chicago: joinCitation(c.chicago.inText, c.chicago.entry),
    apa: joinCitation(c.apa.inText, c.apa.entry),
    mla: joinCitation(c.mla.inText, c.mla.entry),
  };
}

/** Chicago, APA 7 and MLA 9 citations for a quote, from today's ingest input. */
export function citeQuote(input: CiteInput): Citation {
  return toCitation(citeCitable(citableFromLegacy(input)));
}

function compose(q: CitableQuote): StyledCitations {
  const doc = q.document;
  const page = q.page;
  const note = q.footnote?.number ?? null;
  const documentOnly: StyledCitations = {
    chicago: { inText: chicagoNote(doc, note, page), entry: chicagoBibliography(doc), signal: null },
    apa: { inText: apaInText(doc, page), entry: apaReference(doc), signal: null },
    mla: { inText: mlaInText(doc, page), entry: mlaWorksCited(doc), signal: null },
  };
  const forms = q.kind === 'analysis' ? null : speakerForms(q.speaker);
  if (!forms || !q.speaker) return documentOnly;

  const original = chicagoOriginal(q, forms.natural, forms.described);
  const chicago: StyledCitation = { inText: quotedIn(original, documentOnly.chicago.inText), entry: documentOnly.chicago.entry, signal: null };

  const year = dateSaysWhenSaid(q) ? parseIsoDate(q.interviewDate)?.year : undefined;
  const apaName = forms.described ? lowerFirst(forms.natural).replace(/\(/g, '[').replace(/\)/g, ']') : shortName(q.speaker.name);
  // "as cited in" joins two authors in one parenthesis; CSL has no field for the original, so it is the prefix
  const apa: StyledCitation = {
    inText: apaInText(doc, page, `${apaName}${year ? `, ${year}` : ''}, as cited in `),
    entry: documentOnly.apa.entry,
    signal: null,
  };
  const mla: StyledCitation = {
    inText: mlaInText(doc, page, 'qtd. in '),
    entry: documentOnly.mla.entry,
    signal: forms.described ? lowerFirst(forms.natural) : forms.natural,
  };
  return { chicago, apa, mla };
}

/** CMOS 14.260: the original's note, then "quoted in" and the note of the work consulted (CSL cites one work per note, so the join is written here). */
export function quotedIn(originalNote: string, consultedNote: string): string {
  return `${originalNote.replace(/\.$/, '')}, quoted in ${consultedNote}`;
}

/** Whether the quote's own note dates the words themselves (not only their transcription). */
function dateSaysWhenSaid(q: CitableQuote): boolean {
  return !!q.interviewDate && (q.dateLabel === 'interviewed' || q.dateLabel === 'spoken' || q.dateLabel === 'published' || q.dateLabel === 'dated');
}

const originals = new Map<string, string>();

/**
 * The original in a Chicago note, formatted by the Chicago CSL style from an `interview` or
 * `speech` item: "Saya Kiba, interview, December 3, 2024", "Saya Kiba, interview by Jane Roe",
 * "Emmanuel Macron, speech, June 10, 2022". CSL has no transcription or publication-of-a-remark
 * date, so "transcribed …", "published …" and "dated …" are added after it.
 */
function chicagoOriginal(q: CitableQuote, natural: string, described: boolean): string {
  const speaker = q.speaker!;
  const date = parseIsoDate(q.interviewDate);
  const label = date ? q.dateLabel : null;
  const key = JSON.stringify([speaker.name, natural, described, q.kind, q.interviewer, label, q.interviewDate]);
  return remember(originals, key, () => {
    const suffix = date && (label === 'transcribed' || label === 'published' || label === 'dated') ? `, ${label} ${formatDateUs(date)}` : '';
    // a statement with no interview or speech to describe is cited by its speaker's name alone
    if (q.kind !== 'interview' && label !== 'spoken') return `${natural}${suffix}`;
    // CMOS 14.110 "Interview with health care worker, August 10, 1999": CSL has no form for an unnamed interviewee
    if (q.kind === 'interview' && described) {
      const when = date && label === 'interviewed' ? `, ${formatDateUs(date)}` : '';
      return `Interview with ${natural.replace(/^(A|An|The) /, '')}${q.interviewer ? ` by ${q.interviewer}` : ''}${when}${suffix}`;
    }
    ensureStylesRegistered();
    const author: CslName = described ? { literal: natural } : toCslName(speaker.name, true);
    const item: CslItem =
      q.kind === 'interview'
        ? { id: 'original', type: 'interview', genre: 'interview', author: [author] }
        : { id: 'original', type: 'speech', genre: 'speech', author: [author] };
    if (q.kind === 'interview' && q.interviewer) item.interviewer = [toCslName(q.interviewer, true)];
    if (date && (label === 'interviewed' || label === 'spoken')) {
      const parts: number[] = [date.year];
      if (date.month) parts.push(date.month);
      if (date.month && date.day) parts.push(date.day);
      item.issued = { 'date-parts': [parts] };
    }
    return `${formatCsl(new Cite(item), 'citation', 'chicago', { id: 'original' }).replace(/\.$/, '')}${suffix}`;
  });
}

/** The family name an author-date citation uses ("Kiba", "van der Veere"; organisations as written). */
function shortName(name: string): string {
  const p = parsePersonName(name);
  if (p.literal !== undefined || !p.family) return p.display;
  return [p.particle, p.family].filter(Boolean).join(' ');
}

function lowerFirst(s: string): string {
  return /^(A|An|The) /.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** The quote in typographic quotation marks followed by a citation (or alone). */
export function formatQuoteWithCitation(text: string, citation: string): string {
  const cite = citation.replace(/\s+/g, ' ').trim();
  const quoted = quoteText(text);
  return cite ? `${quoted} ${cite}` : quoted;
}
