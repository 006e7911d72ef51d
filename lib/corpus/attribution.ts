import {
  anonymousMention,
  collectFullNames,
  parseAnonymousDescriptor,
  findAcronyms,
  findSpeechAttributions,
  nameTokens,
  personKey,
  sameFullName,
  type SpeakerReference,
} from './names';
import { APPARATUS_SECTION } from './structure';
import type { DateLabel, Footnote, InterviewFootnote, Paragraph, ParsedQuote, ParseWarning, Section, SpeakerMention } from './types';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MIN_INLINE_QUOTE_WORDS = 6;
const MAX_CONTINUATION_PARAGRAPHS = 3;

/** Parses "3 December 2024", "December 3, 2024", "2024-12-03" to ISO; null when it is no date. */
export function parseDate(text: string): string | null {
  const t = text.trim().replace(/[.,]$/, '');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(t);
  let day: string | undefined, month: string | undefined, year: string | undefined;
  if (m) [, day, month, year] = m;
  else {
    m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(t);
    if (m) [, month, day, year] = m;
  }
  if (!month || !day || !year) return null;
  const mi = MONTHS.findIndex((name) => name.startsWith(month!.toLowerCase().slice(0, 3)));
  if (mi < 0 || Number(day) < 1 || Number(day) > 31) return null;
  return `${year}-${String(mi + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const ORG_WORDS =
  /University|Institute|Ministry|Centre|Center|College|Foundation|Agency|Council|Academy|School|Office|Department|Embassy|Commission|Forum|Program|Programme/;
const ORG_PHRASE = /(?:the\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+(?:of|and|for|the|on|de|\p{Lu}[\p{L}’'.-]*))*(?:\s+\(\p{Lu}{2,8}\))?/gu;

/** The institution in a role description: "Associate Professor at Nishogakusha University focusing on …" → "Nishogakusha University". */
export function affiliationFromRole(role: string): string | null {
  const at = /\b(?:at|of|with|from)\s+(.+)$/.exec(role);
  const scope = at ? at[1] : role;
  const candidates = [...scope.matchAll(ORG_PHRASE)].map((m) =>
    m[0]
      .replace(/^the\s+/, '')
      .replace(/\s+(?:and|of|the|for|on)$/, '')
      .trim(),
  );
  const withOrgWord = candidates.filter((c) => ORG_WORDS.test(c));
  return withOrgWord.find((c) => /University|Institute|College|Academy/.test(c)) ?? withOrgWord[0] ?? null;
}

const DATE_SRC = '\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Z][a-z]+\\.?,?\\s+\\d{4}|[A-Z][a-z]+\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}';
const ANY_DATE = new RegExp(`(${DATE_SRC})`);
const DATE_PHRASE = new RegExp(
  `\\b(Transcribed|Conducted|Recorded|Held|Interviewed|Carried out|Took place|Dated|Sent|Received|Published|Posted|Spoken|Delivered)\\s+(?:on\\s+)?(${DATE_SRC})`,
);
const LABEL_OF: Record<string, DateLabel> = {
  transcribed: 'transcribed',
  recorded: 'spoken',
  spoken: 'spoken',
  delivered: 'spoken',
  dated: 'dated',
  sent: 'dated',
  received: 'dated',
  published: 'published',
  posted: 'published',
};
/** A person's name as a note writes it: capitalised words, particles, initials, an optional title. */
const NOTE_NAME =
  "(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Ambassador)\\.?\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:(?:van|von|der|den|de|da|di|du|le|la|al|bin)\\s+)*\\p{Lu}[\\p{L}'’.-]*){1,4}";
/** Notes that name the interviewee before saying it was an interview: "NAME, interview by the author", "NAME interview (DATE)". */
const NAME_FIRST_NOTES: { re: RegExp; byAuthor: boolean; label: DateLabel }[] = [
  {
    re: new RegExp(
      `^(${NOTE_NAME}(?:,\\s+[^,.]{3,120})?),\\s+(?:(?:telephone|phone|email|e-mail|skype|video|zoom)\\s+)?interview(?:ed)?\\s+(?:by|with)\\s+(?:the\\s+)?authors?\\b`,
      'iu',
    ),
    byAuthor: true,
    label: 'interviewed',
  },
  { re: new RegExp(`^(${NOTE_NAME}(?:,\\s+[^,.]{3,120})?),?\\s+(?:told|wrote to)\\s+(?:the\\s+authors?|us|me)\\b`, 'u'), byAuthor: true, label: 'interviewed' },
  { re: new RegExp(`^(${NOTE_NAME}(?:,\\s+[^,.]{3,120})?),\\s+personal communication\\b`, 'iu'), byAuthor: true, label: 'dated' },
  { re: new RegExp(`^(${NOTE_NAME})\\s+interview\\s*\\(`, 'u'), byAuthor: false, label: 'interviewed' },
];
/** Notes that open with the kind of exchange: "Interview with NAME", "Email interview with NAME", "Personal communication with NAME". */
const EXCHANGE_FIRST =
  /(?:^|[.;]\s+)((?:(?:Author['’]s|Authors['’]|Our|My)\s+)?(?:(?:Email|E-mail|Skype|Telephone|Phone|Zoom|Video|Personal|Online|Written)\s+)?(?:interview(?:ed)?|communication|correspondence))(?:\s+(?:by\s+the\s+authors?\s+)?(?:with|from)\b)?\s+(.+)$/i;

/**
 * Reads an interview note in the styles reports use: "Interview with NAME[, ROLE]. Transcribed on DATE.",
 * "Email interview with NAME", "NAME, interview by the author, PLACE, DATE", "Author's interview with NAME
 * (DATE)", "NAME interview (DATE)", "Personal communication with NAME", "NAME told the author". The note
 * may cite documents too; the interview may be in any of its sentences.
 */
export function parseInterviewFootnote(fn: Footnote, acronyms: Map<string, string>): InterviewFootnote | null {
  const text = fn.text.replace(/\s*\n\s*/g, ' ').trim();
  for (const f of NAME_FIRST_NOTES) {
    const m = f.re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    const dm = DATE_PHRASE.exec(rest);
    const date = parseDate(dm?.[2] ?? ANY_DATE.exec(rest)?.[1] ?? '');
    const label = dm ? (LABEL_OF[dm[1].toLowerCase()] ?? f.label) : f.label;
    return interviewFromWho(fn, m[1], date, date ? label : null, f.byAuthor, acronyms);
  }
  const m = EXCHANGE_FIRST.exec(text);
  if (!m) return null;
  const opener = m[1].toLowerCase();
  if (/^(?:personal\s+)?(?:communication|correspondence)$/.test(opener) && !/^\p{Lu}/u.test(m[2])) return null;
  if (/^(?:email|e-mail|written|online)?\s*(?:communication|correspondence)$/.test(opener) && !/\b(?:personal|email|e-mail)\b/.test(opener)) return null;
  const byAuthor = /author|our|my|personal/.test(opener) || /^by\s+the\s+authors?\b/i.test(text.slice(text.indexOf(m[1]) + m[1].length).trim());
  const rest = m[2];
  const dm = DATE_PHRASE.exec(rest);
  let who = dm ? rest.slice(0, dm.index) : rest;
  // the person ends at the first sentence end ("Interview with X. See also …")
  const stop = /\.\s+(?=\p{Lu})/u.exec(who.replace(/\b(?:Dr|Prof|Mr|Mrs|Ms|St|Jr|Sr|\p{Lu})\.(?=\s)/gu, (x) => x.replace('.', '\u0000')));
  if (stop) who = who.slice(0, stop.index);
  who = who.replace(/\u0000/g, '.');
  let date: string | null = null;
  if (dm) date = parseDate(dm[2]);
  else {
    // "Interview with X (3 May 2023)", "Interview with X, 8 December 2023."
    const paren = new RegExp(`\\s*\\((?:[^)]*?,\\s*)?(${DATE_SRC})\\)\\s*\\.?\\s*$`).exec(who);
    const bare = new RegExp(`,?\\s*(?:on\\s+)?(${DATE_SRC})\\.?\\s*$`).exec(who);
    const hit = paren ?? bare;
    if (hit) {
      date = parseDate(hit[1]);
      who = who.slice(0, hit.index);
    } else date = parseDate(ANY_DATE.exec(rest)?.[1] ?? '');
  }
  const label: DateLabel | null = date
    ? dm
      ? (LABEL_OF[dm[1].toLowerCase()] ?? 'interviewed')
      : /communication|correspondence/.test(opener)
        ? 'dated'
        : 'interviewed'
    : null;
  return interviewFromWho(fn, who, date, label, byAuthor, acronyms);
}

function interviewFromWho(
  fn: Footnote,
  whoRaw: string,
  date: string | null,
  dateLabel: DateLabel | null,
  byAuthor: boolean,
  acronyms: Map<string, string>,
): InterviewFootnote | null {
  const who = whoRaw.replace(/[.\s]+$/, '').trim();
  if (!who) return null;
  const comma = who.indexOf(', ');
  let namePart = comma >= 0 ? who.slice(0, comma) : who;
  let rolePart = comma >= 0 ? who.slice(comma + 2).trim() : null;
  // "Ingrid Halvorsen (Nordic Defence Institute)": the parenthesis is the affiliation, not part of the name
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(namePart);
  if (paren && !/^\p{Lu}{2,8}$/u.test(paren[2])) {
    namePart = paren[1];
    rolePart = rolePart ? `${paren[2]}, ${rolePart}` : paren[2];
  }
  const base = { number: fn.number, text: fn.text, date, dateLabel, byAuthor };
  if (/^(?:an?|one|the)\s/i.test(namePart) || /\b(?:official|diplomat|officer|source|representative|spokes\w+)s?\b/.test(namePart)) {
    const descriptor = parseAnonymousDescriptor(namePart);
    // "a senior official, Ministry of Coastal Affairs": the organisation may follow the comma
    const org = descriptor?.org ?? rolePart;
    const fullOrg = descriptor?.org ? [descriptor.org, rolePart].filter(Boolean).join(', ') : rolePart;
    const speaker = anonymousMention(namePart, org, acronyms, fullOrg);
    return speaker ? { ...base, speaker, written: namePart } : null;
  }
  const name = namePart.replace(/^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Ambassador)\.?\s+/, '').trim();
  if (!/^\p{Lu}/u.test(name) || name.split(/\s+/).length > 5 || /\d/.test(name)) return null;
  const role = rolePart ? rolePart.replace(/\.$/, '') : null;
  return {
    ...base,
    speaker: { key: personKey(name), name, anonymous: false, role, affiliation: role ? (affiliationFromRole(role) ?? (paren ? paren[2] : null)) : null },
    written: name,
  };
}

const ABBREVIATION = /(?:\b(?:U\.S|U\.K|e\.g|i\.e|Dr|Mr|Mrs|Ms|Prof|St|No|vs|etc|Jr|Sr|Inc|Ltd|Co|Gen|Col|Lt|Adm|Gov|Sen|Rep|approx|cf|al)|\b\p{Lu})\.$/u;

/** Sentence spans of a text, ignoring full stops inside quotations and after abbreviations or initials. */
export function sentenceSpans(text: string, masked = maskQuotations(text)): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  const re = /[.!?…]+["”’)\]]*\s+(?=["“‘([]?[\p{Lu}\d])/gu;
  for (const m of masked.matchAll(re)) {
    const end = m.index! + m[0].trimEnd().length;
    if (ABBREVIATION.test(masked.slice(Math.max(0, m.index! - 6), m.index! + 1))) continue;
    spans.push([start, end]);
    start = m.index! + m[0].length;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

export interface QuotedSpan {
  start: number; // index of the opening quotation mark
  end: number; // index after the closing mark
  inner: string;
}

/** Quotations in “curly” or "straight" double quotes. */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  for (const m of text.matchAll(/“([^“”]+)”|"([^"]+)"/g)) {
    spans.push({ start: m.index!, end: m.index! + m[0].length, inner: (m[1] ?? m[2]) as string });
  }
  return spans;
}

/**
 * Replaces the inside of quotations with "x" so verbs and full stops within them are not read as
 * the narrator's; a full stop that ends the quotation also ends the sentence, so it stays.
 */
export function maskQuotations(text: string): string {
  let out = text;
  for (const s of findQuotedSpans(text)) {
    const closing = /[.!?…]+$/.exec(s.inner)?.[0] ?? '';
    const body = s.inner.slice(0, s.inner.length - closing.length);
    out = out.slice(0, s.start + 1) + body.replace(/\S/g, 'x') + closing + out.slice(s.end - 1);
  }
  return out;
}

function endsWithColon(text: string): boolean {
  return /:\s*$/.test(text);
}

interface Context {
  interviews: Map<number, InterviewFootnote>;
  interviewees: SpeakerMention[];
  interviewDates: Map<string, Set<string>>;
  namesByToken: Map<string, string[]>; // distinct full names written in the document, by each of their tokens
  acronyms: Map<string, string>;
}

function indexNamesByToken(names: string[]): Map<string, string[]> {
  const byToken = new Map<string, string[]>();
  for (const name of new Set(names)) for (const t of new Set(nameTokens(name))) byToken.set(t, [...(byToken.get(t) ?? []), name]);
  return byToken;
}

/** Resolves a name as written ("Koga", "Kei Koga", "an MFA official") to the document's speaker. */
function resolveReference(ref: SpeakerReference, ctx: Context): SpeakerMention | null {
  if (ref.kind === 'pronoun') return null;
  if (ref.kind === 'anonymous') {
    const mention = anonymousMention(ref.name, ref.org, ctx.acronyms);
    if (!mention) return null;
    return ctx.interviewees.find((s) => s.key === mention.key) ?? mention;
  }
  return resolvePersonName(ref.name, ctx, ref.appositive);
}

function resolvePersonName(written: string, ctx: Context, appositive: string | null = null): SpeakerMention | null {
  const tokens = nameTokens(written);
  if (!tokens.length) return null;
  if (tokens.length >= 2) {
    const known = ctx.interviewees.find((s) => !s.anonymous && (sameFullName(s.name, written) || s.name === written));
    if (known) return known;
    return { key: personKey(written), name: written, anonymous: false, role: appositive, affiliation: null };
  }
  const token = tokens[0];
  const interviewee = ctx.interviewees.filter((s) => !s.anonymous && nameTokens(s.name).includes(token));
  if (interviewee.length === 1) return interviewee[0];
  if (interviewee.length > 1) return null; // two people share the name: do not guess
  const full = ctx.namesByToken.get(token) ?? [];
  // merge spellings of the same person before deciding whether the short name is ambiguous
  const distinct: string[] = [];
  for (const n of full) if (!distinct.some((d) => sameFullName(d, n))) distinct.push(n);
  // a lone word that names nobody in the document ("As Germany argues") is not taken for a person
  if (distinct.length !== 1) return null;
  const name = distinct[0];
  return { key: personKey(name), name, anonymous: false, role: appositive, affiliation: null };
}

function sameSpeaker(a: SpeakerMention, b: SpeakerMention): boolean {
  return a.key === b.key || (!a.anonymous && !b.anonymous && sameFullName(a.name, b.name));
}

/** The interview note whose marker closes the paragraph, if any. */
function closingInterview(p: Paragraph, ctx: Context): InterviewFootnote | null {
  const last = p.refs[p.refs.length - 1];
  if (!last || last.offset < p.text.replace(/\s+$/, '').length - 1) return null;
  return ctx.interviews.get(last.number) ?? null;
}

function closingFootnote(p: Paragraph): number | null {
  const last = p.refs[p.refs.length - 1];
  return last && last.offset >= p.text.replace(/\s+$/, '').length - 1 ? last.number : null;
}

/** The speaker a lead-in names in its last sentence: "As Koga explains:", "says Saya Kiba:". */
function leadInSpeaker(p: Paragraph, ctx: Context): SpeakerMention | null {
  const spans = sentenceSpans(p.text);
  const [s, e] = spans[spans.length - 1];
  const sentence = p.text.slice(s, e);
  const found = findSpeechAttributions(maskQuotations(sentence)).filter((a) => !a.weak);
  for (let i = found.length - 1; i >= 0; i--) {
    const mention = resolveReference(found[i].speaker, ctx);
    if (mention) return mention;
  }
  return null;
}

/** Whether a paragraph says that this speaker argues, explains, … (the set-up for a block quote without a colon). */
function introducesSpeaker(p: Paragraph, speaker: SpeakerMention, ctx: Context): boolean {
  const masked = maskQuotations(p.text);
  return findSpeechAttributions(masked).some((a) => {
    const m = resolveReference(a.speaker, ctx);
    return !!m && sameSpeaker(m, speaker);
  });
}

function dialogueLine(p: Paragraph, ctx: Context): { speaker: SpeakerMention; text: string } | null {
  const m = /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2}):\s+(\S[\s\S]*)$/u.exec(p.text);
  if (!m) return null;
  const label = m[1];
  const tokens = nameTokens(label);
  const candidates = ctx.interviewees.filter(
    (s) => !s.anonymous && (sameFullName(s.name, label) || (tokens.length === 1 && nameTokens(s.name).includes(tokens[0]))),
  );
  const closing = closingInterview(p, ctx);
  let speaker: SpeakerMention | null = candidates.length === 1 ? candidates[0] : null;
  if (!speaker && closing && !closing.speaker.anonymous && nameTokens(closing.speaker.name).some((t) => tokens.includes(t))) speaker = closing.speaker;
  return speaker ? { speaker, text: m[2] } : null;
}

function trimQuote(text: string): string {
  return text.trim().replace(/,$/, '').trim();
}

/**
 * Finds the quotes in one document and attributes each to its speaker: block quotes after a lead-in,
 * dialogue lines, block quotes closed by an interview note, and quotations inside the analysis.
 */
export function attributeQuotes(
  sections: Section[],
  paragraphs: Paragraph[],
  footnotes: Footnote[],
): { quotes: ParsedQuote[]; interviews: InterviewFootnote[]; warnings: ParseWarning[] } {
  const allText = [...paragraphs.map((p) => p.text), ...footnotes.map((f) => f.text)].join('\n');
  const acronyms = findAcronyms(allText);
  const interviews = footnotes.map((f) => parseInterviewFootnote(f, acronyms)).filter((f): f is InterviewFootnote => !!f);
  const interviewees: SpeakerMention[] = [];
  const interviewDates = new Map<string, Set<string>>();
  for (const iv of interviews) {
    let known = interviewees.find((s) => sameSpeaker(s, iv.speaker));
    if (!known) {
      interviewees.push({ ...iv.speaker });
      known = interviewees[interviewees.length - 1];
    } else if ((iv.speaker.role?.length ?? 0) > (known.role?.length ?? 0) || (iv.speaker.affiliation?.length ?? 0) > (known.affiliation?.length ?? 0)) {
      // the fullest note carries the role and affiliation; the most common spelling stays
      known.role = iv.speaker.role ?? known.role;
      known.affiliation = iv.speaker.affiliation ?? known.affiliation;
    }
    iv.speaker = known;
    if (iv.date) {
      const set = interviewDates.get(known.key) ?? new Set<string>();
      set.add(iv.date);
      interviewDates.set(known.key, set);
    }
  }
  // the spelling most notes use names the speaker ("Tsuyoshi" over the typo "Tusyoshi")
  for (const s of interviewees) {
    const spellings = new Map<string, number>();
    for (const iv of interviews) {
      if (iv.speaker !== s || s.anonymous) continue;
      if (sameFullName(iv.written, s.name) || iv.written === s.name) spellings.set(iv.written, (spellings.get(iv.written) ?? 0) + 1);
    }
    const best = [...spellings.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best && best[0] !== s.name) s.name = best[0];
  }
  const ctx: Context = {
    interviews: new Map(interviews.map((i) => [i.number, i])),
    interviewees,
    interviewDates,
    namesByToken: indexNamesByToken(collectFullNames(allText)),
    acronyms,
  };

  const quotes: ParsedQuote[] = [];
  const warnings: ParseWarning[] = [];
  const consumed = new Set<number>();
  const quotable = (p: Paragraph | undefined) => !!p && p.kind === 'text' && !APPARATUS_SECTION.test(sections[p.sectionIndex]?.heading ?? '');
  const push = (q: Omit<ParsedQuote, 'interviewDate' | 'dateLabel' | 'leadIn'> & { interviewDate?: string | null }) => {
    const own = q.footnoteNumber !== null ? ctx.interviews.get(q.footnoteNumber) : undefined;
    quotes.push({ ...q, interviewDate: own?.date ?? null, dateLabel: own?.date ? own.dateLabel : null, leadIn: null });
  };
  const isInterviewee = (s: SpeakerMention) => interviewees.some((i) => sameSpeaker(i, s));

  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (consumed.has(i) || !quotable(p)) continue;
    const prev = i > 0 ? paragraphs[i - 1] : undefined;
    const prevInSection = prev && prev.sectionIndex === p.sectionIndex && prev.kind === 'text' ? prev : undefined;

    // 1. dialogue lines: "Jimbo: …"
    const dialogue = dialogueLine(p, ctx);
    if (dialogue) {
      const closing = closingInterview(p, ctx);
      if (closing && !sameSpeaker(closing.speaker, dialogue.speaker))
        warnings.push({
          line: p.line,
          message: `dialogue line names ${dialogue.speaker.name} but its note ${closing.number} names ${closing.speaker.name}; attributed to ${dialogue.speaker.name}`,
        });
      const fn = closing && sameSpeaker(closing.speaker, dialogue.speaker) ? closing : null;
      push({
        kind: 'interview',
        text: trimQuote(dialogue.text),
        anchors: [p.anchor],
        sectionIndex: p.sectionIndex,
        speaker: dialogue.speaker,
        attribution: { method: 'dialogue', evidence: p.text.slice(0, p.text.indexOf(':') + 1) },
        footnoteNumber: fn?.number ?? closingFootnote(p),
        interviewDate: fn?.date,
        line: p.line,
      });
      consumed.add(i);
      continue;
    }

    // 2. block quotes after a lead-in that ends with a colon
    if (prevInSection && endsWithColon(prevInSection.text)) {
      const lead = leadInSpeaker(prevInSection, ctx);
      let last = i;
      let closing = closingInterview(p, ctx);
      if (!closing && p.refs.length === 0) {
        // a quote of several paragraphs ends at the note that names its speaker
        for (let j = i + 1; j <= i + MAX_CONTINUATION_PARAGRAPHS && j < paragraphs.length; j++) {
          const q = paragraphs[j];
          if (q.sectionIndex !== p.sectionIndex || !quotable(q) || endsWithColon(q.text) || dialogueLine(q, ctx) || q.italic !== p.italic) break;
          const c = closingInterview(q, ctx);
          if (c) {
            if ((!lead || sameSpeaker(c.speaker, lead)) && q.refs.length === 1) {
              closing = c;
              last = j;
            }
            break;
          }
          if (q.refs.length > 0) break;
        }
      }
      const speaker = closing?.speaker ?? lead;
      const midNotes = paragraphs.slice(i, last + 1).some((q, k, arr) => q.refs.some((r) => k < arr.length - 1 || r.offset < q.text.length - 1));
      if (speaker && !midNotes) {
        if (closing && lead && !sameSpeaker(closing.speaker, lead))
          warnings.push({
            line: p.line,
            message: `lead-in names ${lead.name} but note ${closing.number} names ${closing.speaker.name}; attributed to ${closing.speaker.name} as the note says`,
          });
        const span = paragraphs.slice(i, last + 1);
        const kind = closing || isInterviewee(speaker) ? 'interview' : 'quote';
        push({
          kind,
          text: span.map((q) => q.text).join('\n\n'),
          anchors: span.map((q) => q.anchor),
          sectionIndex: p.sectionIndex,
          speaker,
          attribution: closing ? { method: 'note', evidence: closing.text } : { method: 'lead-in', evidence: prevInSection.text },
          footnoteNumber: closing?.number ?? closingFootnote(span[span.length - 1]),
          interviewDate: closing?.date,
          line: p.line,
        });
        for (let j = i; j <= last; j++) consumed.add(j);
        continue;
      }
    }

    // 3. a block quote closed by an interview note, set up by a sentence naming the speaker
    const closing = closingInterview(p, ctx);
    if (closing && p.refs.length === 1 && prevInSection && introducesSpeaker(prevInSection, closing.speaker, ctx)) {
      push({
        kind: 'interview',
        text: p.text,
        anchors: [p.anchor],
        sectionIndex: p.sectionIndex,
        speaker: closing.speaker,
        attribution: { method: 'note', evidence: closing.text },
        footnoteNumber: closing.number,
        interviewDate: closing.date,
        line: p.line,
      });
      consumed.add(i);
    }
  }

  // 4. quotations inside the analysis, attributed by the named speaker next to them
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (consumed.has(i) || !quotable(p)) continue;
    quotes.push(...inlineQuotes(p, ctx));
  }
  quotes.sort((a, b) => a.line - b.line || paragraphs.findIndex((p) => p.anchor === a.anchors[0]) - paragraphs.findIndex((p) => p.anchor === b.anchors[0]));
  return { quotes, interviews, warnings };
}

function inlineQuotes(p: Paragraph, ctx: Context): ParsedQuote[] {
  const out: ParsedQuote[] = [];
  const masked = maskQuotations(p.text);
  const sentences = sentenceSpans(p.text, masked);
  let previousSpeaker: SpeakerMention | null = null;
  for (const span of findQuotedSpans(p.text)) {
    const inner = trimQuote(span.inner);
    if (inner.split(/\s+/).length < MIN_INLINE_QUOTE_WORDS) continue;
    const [s, e] = sentences.find(([a, b]) => span.start >= a && span.start < b) ?? [0, p.text.length];
    const sentence = masked.slice(s, e);
    const found = findSpeechAttributions(sentence).map((a) => ({ ...a, at: a.verbIndex + s }));
    const before = found.filter((a) => a.verbEnd + s <= span.start && (!a.weak || span.start - (a.verbEnd + s) < 12));
    // "…,” said Ishii": only a speaker named right after the closing mark
    const after = found.filter((a) => {
      const start = Math.min(a.verbIndex, a.speaker.index) + s;
      return start >= span.end && start - span.end <= 4 && !/[.!?…]$/.test(span.inner.trim());
    });
    let speaker: SpeakerMention | null = null;
    for (let k = before.length - 1; k >= 0 && !speaker; k--) {
      const ref = before[k].speaker;
      if (ref.kind === 'pronoun') {
        // "he thinks that …": the person named earlier in the sentence, else the paragraph's last speaker
        const earlier = before
          .slice(0, k)
          .reverse()
          .find((a) => a.speaker.kind === 'person');
        speaker = earlier ? resolveReference(earlier.speaker, ctx) : previousSpeaker;
      } else speaker = resolveReference(ref, ctx);
    }
    if (!speaker && after.length) {
      const ref = after[0].speaker;
      speaker = ref.kind === 'pronoun' ? previousSpeaker : resolveReference(ref, ctx);
    }
    if (!speaker) continue;
    previousSpeaker = speaker;
    const note = p.refs.find((r) => r.offset >= span.end && r.offset <= Math.max(span.end + 3, e + 1));
    const interview = note ? ctx.interviews.get(note.number) : undefined;
    out.push({
      kind: interview && sameSpeaker(interview.speaker, speaker) ? 'interview' : 'quote',
      text: inner,
      anchors: [p.anchor],
      sectionIndex: p.sectionIndex,
      speaker,
      attribution: { method: 'inline', evidence: p.text },
      footnoteNumber: note?.number ?? null,
      interviewDate: interview?.date ?? null,
      dateLabel: interview?.date ? interview.dateLabel : null,
      leadIn: null,
      line: p.line,
    });
  }
  return out;
}
