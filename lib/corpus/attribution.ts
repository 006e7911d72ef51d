import {
  anonymousMention,
  collectFullNames,
  parseAnonymousDescriptor,
  findAcronyms,
  findSpeechAttributions,
  isNotNameWord,
  ORG_TOKEN,
  isSpeechVerb,
  nameTokens,
  personKey,
  withoutNicknames,
  NOTE_ANON_NOUNS,
  ROLE_WORDS,
  sameFullName,
  type SpeakerReference,
  type SpeechAttribution,
} from './names';
import { describedCredit, groupQuotes } from './group-speakers';
import {
  AFTER_DETERMINER,
  lonePersonByAppositive,
  organisationSpeaks,
  pronounClashesWithTitle,
  parentheticalInterview,
  ROLE_BEFORE_NAME_AFTER_QUOTE,
  onlyTitles,
  titledSurnameAmbiguous,
  verdictLeadIn,
} from './news-style';
import { handleAsName, misspeltSurname, splitRoleName, theyContinues } from './speaker-hints';
import { DESCRIBED_AS, type ReportedSpeech, relationBinding, reportedSpeaker, reportsOnAnother, surnamesShownAsPeople } from './reported-speech';
import { handlePerson, INTERVIEW_RECORD, noteCredit, notePassages, notePostHandle, rolePoster } from './note-quotes';
import { APPARATUS_SECTION } from './structure';
import type { DateLabel, Footnote, InterviewFootnote, Paragraph, ParsedQuote, ParseWarning, Section, SpeakerMention } from './types';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MIN_INLINE_QUOTE_WORDS = 6;
const MAX_CONTINUATION_PARAGRAPHS = 3;
/** A transcript turn's paragraphs after the labelled one; beyond that the text is more likely the editor's. */
const MAX_TURN_PARAGRAPHS = 6;

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
  "(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Ambassador|Sir|Dame|Lord|Lady|Baroness)\\.?\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:(?:van|von|der|den|de|da|di|du|le|la|al|bin)\\s+)*\\p{Lu}[\\p{L}'’.-]*){1,4}";
/** Notes that name the interviewee before saying it was an interview: "NAME, interview by the author", "NAME interview (DATE)". */
const NAME_FIRST_NOTES: { re: RegExp; byAuthor: boolean; label: DateLabel }[] = [
  {
    re: new RegExp(
      `^(${NOTE_NAME}(?:,\\s+[^,.]{3,120})?),\\s+(?:(?:(?:telephone|phone|email|e-mail|skype|video|zoom)\\s+)?(?:interview(?:ed)?|conversation|discussion)\\s+(?:by|with)|in\\s+(?:discussion|conversation)\\s+with|(?:email|e-mail)(?:\\s+message)?\\s+to)\\s+(?:the\\s+)?authors?\\b`,
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
  /(?:^|[.;]\s+)((?:(?:Author['’]s|Authors['’]|Author|Our|My)\s+)?(?:(?:Email|E-mail|Skype|Telephone|Phone|Zoom|Video|Personal|Online|Written)\s+)?(?:interview(?:ed)?|communication|correspondence|conversation))(?:\s+(?:conducted\s+)?(?:by\s+the\s+authors?\s+)?(?:with|from|of)\b|,(?=\s+\p{Lu}))?\s+(.+)$/iu;

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
  // "Interview of NAME by the author, DATE": who did the interviewing is not part of the name
  let who = (dm ? rest.slice(0, dm.index) : rest).replace(/\s+by\s+the\s+authors?\b/i, '');
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
    const descriptor = parseAnonymousDescriptor(namePart, NOTE_ANON_NOUNS);
    // "a senior official, Ministry of Coastal Affairs": the organisation may follow the comma
    const org = descriptor?.org ?? rolePart;
    const fullOrg = descriptor?.org ? [descriptor.org, rolePart].filter(Boolean).join(', ') : rolePart;
    const speaker = anonymousMention(namePart, org, acronyms, fullOrg, NOTE_ANON_NOUNS);
    return speaker ? { ...base, speaker, written: namePart } : null;
  }
  const name = namePart.replace(/^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Ambassador|Sir|Dame|Lord|Lady|Baroness)\.?\s+/, '').trim();
  if (!/^\p{Lu}/u.test(name) || name.split(/\s+/).length > 5 || /\d/.test(name)) return null;
  const role = rolePart ? withoutPlace(rolePart.replace(/\.$/, '')) : null;
  return {
    ...base,
    speaker: { key: personKey(name), name, anonymous: false, role, affiliation: role ? (affiliationFromRole(role) ?? (paren ? paren[2] : null)) : null },
    written: name,
  };
}

/**
 * "Interview with NAME, Dioro, 21 March 2021": the last part before the date is where the interview took place, not a
 * role, when it is a bare proper name (no role word, no institution, no lower-case word).
 */
function withoutPlace(role: string): string | null {
  const parts = role.split(/,\s+/);
  const last = parts[parts.length - 1];
  const bareName = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*)?$/u.test(last) && !/^\p{Lu}{2,8}$/u.test(last);
  if (bareName && !ORG_WORDS.test(last) && !last.split(/\s+/).some((w) => ROLE_WORDS.has(w))) parts.pop();
  return parts.length ? parts.join(', ') : null;
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
  // a curly opening may be closed by a straight mark at the end of the words ("“… of Interior.\"")
  for (const m of text.matchAll(/“([^“”]+)”|“([^“”"]+)"(?=[\s)\]]|$)|"([^"]+)"/g)) {
    spans.push({ start: m.index!, end: m.index! + m[0].length, inner: (m[1] ?? m[2] ?? m[3]) as string });
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
    // the first letter stays, so a quotation that opens a sentence still shows its capital to the sentence splitter
    out = out.slice(0, s.start + 1) + body.slice(0, 1) + body.slice(1).replace(/\S/g, 'x') + closing + out.slice(s.end - 1);
  }
  return out;
}

function endsWithColon(text: string): boolean {
  return /:\s*$/.test(text);
}

interface Context {
  interviews: Map<number, InterviewFootnote>;
  notes: Map<number, Footnote>;
  interviewees: SpeakerMention[];
  namesByToken: Map<string, string[]>; // distinct full names written in the document, by each of their tokens
  acronyms: Map<string, string>;
  roles: Map<string, string[]>; // "president" → the names the document writes after that title
  titleOf: Map<string, string>; // full name → the title the document writes before it ("Prime Minister")
  publication: RegExp | null; // the publisher's name: "told VOA" is said to this publication
  firstSeen: Map<string, number>; // full name → index of the first paragraph that writes it
  turnLabels: Set<string>; // labels that open the turns of a transcript ("Jane Doe:")
  here: number; // the paragraph being read: a surname means the person of that name introduced so far
  surnames?: Set<string>; // lone surnames the document shows to be people ("Mr. Doe", "Doe 3/14/19 302")
}

function indexNamesByToken(names: string[]): Map<string, string[]> {
  const byToken = new Map<string, string[]>();
  for (const name of new Set(names)) for (const t of new Set(nameTokens(name))) byToken.set(t, [...(byToken.get(t) ?? []), name]);
  return byToken;
}

const ROLE_ALT = [...ROLE_WORDS].sort((a, b) => b.length - a.length).join('|');
const ROLE_BEFORE_NAME = new RegExp(
  `\\b((?:(?:then|former|Former)[\\s-]+)?(?:(?:${ROLE_ALT})\\s+){0,3}(?:${ROLE_ALT}))\\s+(\\p{Lu}[\\p{Ll}\\p{M}'’-]+(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}[\\p{Ll}\\p{M}'’-]+)){0,2})`,
  'gu',
);

/** Titles written before names ("President Doe", "Acting Attorney General Jane Roe"), so "the President" can name its holder. */
function collectRoles(text: string, namesByToken: Map<string, string[]>): { roles: Map<string, string[]>; titleOf: Map<string, string> } {
  const roles = new Map<string, string[]>();
  const titleOf = new Map<string, string>();
  for (const m of text.matchAll(ROLE_BEFORE_NAME)) {
    // "senior advisor to the President Jared Kushner": the title is whom the person serves, not the person's own
    if (/\b(?:to|of|for|with|by|from|under|at)\s+the\s+$/i.test(text.slice(Math.max(0, m.index! - 12), m.index!))) continue;
    const words = m[1].replace(/^(?:then|former)[\s-]+/i, '').split(/\s+/);
    // the title is the longest tail of role words ("As President Doe" → "President")
    let k = words.length;
    while (k > 0 && ROLE_WORDS.has(words[k - 1])) k--;
    const title = words.slice(k);
    if (!title.length) continue;
    const nameWords = m[2].split(/\s+/).filter((w) => !ROLE_WORDS.has(w) && !NOT_NAME_WORD.test(w));
    if (!nameWords.length) continue;
    const written = nameWords.join(' ');
    const tokens = nameTokens(written);
    const full = tokens.length >= 2 ? [written] : (namesByToken.get(tokens[0]) ?? []);
    const distinct = full.filter((n, i) => !full.slice(0, i).some((x) => sameFullName(x, n) || x === n));
    const name = distinct.length === 1 ? distinct[0] : tokens.length === 1 && distinct.length === 0 ? written : null;
    if (!name) continue;
    // "Vice President-Elect" is not "President-Elect": only the whole title (less "Acting") names its holder
    for (const key of new Set([
      title.join(' ').toLowerCase(),
      title
        .join(' ')
        .toLowerCase()
        .replace(/^acting\s+/, ''),
    ])) {
      const list = roles.get(key) ?? [];
      if (!list.some((x) => x === name || sameFullName(x, name))) list.push(name);
      roles.set(key, list);
    }
    if (tokens.length >= 2 && !titleOf.has(name)) titleOf.set(name, `${/^then\b/i.test(m[1]) ? 'then ' : ''}${title.join(' ')}`);
  }
  return { roles, titleOf };
}
const NOT_NAME_WORD = /^(?:The|A|An|And|Or|Of|In|On|At|To|For|By|With|As)$/;

/** Resolves a name as written ("Koga", "Kei Koga", "an MFA official", "the President") to the document's speaker. */
function resolveReference(ref: SpeakerReference, ctx: Context): SpeakerMention | null {
  if (ref.kind === 'pronoun') return null;
  if (ref.kind === 'anonymous') {
    const mention = anonymousMention(ref.name, ref.org, ctx.acronyms);
    if (!mention) return null;
    return ctx.interviewees.find((s) => s.key === mention.key) ?? mention;
  }
  if (ref.kind === 'role') {
    const holders = ctx.roles.get(ref.name.toLowerCase()) ?? [];
    // a title two people hold in this document settles nothing
    if (holders.length !== 1) return null;
    return resolvePersonName(holders[0], ctx, null) ?? { key: personKey(holders[0]), name: holders[0], anonymous: false, role: ref.name, affiliation: null };
  }
  const byRole = ctx.roles.get(ref.name.toLowerCase());
  if (byRole && nameTokens(ref.name).length === 1 && !ctx.namesByToken.has(nameTokens(ref.name)[0]))
    return byRole.length === 1 ? resolvePersonName(byRole[0], ctx, null) : null;
  // "Maria, a nurse who has worked there for twelve years, said": a lone given name the appositive shows to be a person
  if (lonePersonByAppositive(ref.name, ref.appositive) && !ctx.namesByToken.has(ref.name))
    return { key: personKey(ref.name), name: ref.name, anonymous: false, role: ref.appositive, affiliation: null };
  // "Lead Designer Jane Doe said": the title before the name is her role, not part of it
  const titled = splitRoleName(ref.name);
  if (titled) return resolvePersonName(titled.name, ctx, ref.appositive ?? titled.role);
  return resolvePersonName(ref.name, ctx, ref.appositive);
}

function resolvePersonName(written: string, ctx: Context, appositive: string | null = null): SpeakerMention | null {
  const tokens = nameTokens(written);
  if (!tokens.length || written.split(/\s+/).some((t) => ORG_TOKEN.test(t))) return null;
  const mention = (name: string): SpeakerMention => ({
    key: personKey(name),
    name,
    anonymous: false,
    role: appositive ?? ctx.titleOf.get(name) ?? null,
    affiliation: null,
  });
  if (/^@[\p{L}\p{N}_-]+$/u.test(written)) return mention(written); // a handle is unique
  if (tokens.length >= 2) {
    const known = ctx.interviewees.find((s) => !s.anonymous && (sameFullName(s.name, written) || s.name === written));
    if (known) return known;
    // "Jane Doe" written in full where the document also names "Jane A. Doe": one person
    const longer = (ctx.namesByToken.get(tokens[tokens.length - 1]) ?? []).filter(
      (n) => n !== written && tokens.every((t) => nameTokens(n).includes(t)) && nameTokens(n).length > tokens.length,
    );
    if (longer.length === 1) return mention(longer[0]);
    return mention(written);
  }
  const token = tokens[0];
  const interviewee = ctx.interviewees.filter((s) => !s.anonymous && nameTokens(s.name).includes(token));
  if (interviewee.length === 1) return interviewee[0];
  if (interviewee.length > 1) return null; // two people share the name: do not guess
  const full = ctx.namesByToken.get(token) ?? [];
  // merge spellings of the same person (and a name with and without its middle initial) before deciding
  const distinct: string[] = [];
  for (const n of full) {
    const same = (d: string) => sameFullName(d, n) || subsetName(d, n) || subsetName(n, d);
    const k = distinct.findIndex(same);
    if (k < 0) distinct.push(n);
    else if (nameTokens(n).length > nameTokens(distinct[k]).length) distinct[k] = n;
  }
  // a surname the document only writes after a title ("Director Poe … Poe said") is that person
  if (
    !distinct.length &&
    ([...ctx.roles.values()].some((holders) => holders.includes(written)) || ctx.surnames?.has(written)) &&
    /^(?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(written)
  )
    return mention(written);
  // a surname one letter off the only person of that surname is that person, misspelt: kept as the text spells it
  if (!distinct.length && /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(written) && misspeltSurname(written, [...new Set([...ctx.namesByToken.values()].flat())]))
    return mention(written);
  // a lone word that names nobody in the document ("As Germany argues") is not taken for a person
  if (distinct.length === 1) return mention(distinct[0]);
  // several people share the surname: the only one introduced before this point is meant ("Sweeney" before the other Sweeneys appear)
  const introduced = distinct.filter((n) => (ctx.firstSeen.get(n) ?? Number.POSITIVE_INFINITY) <= ctx.here);
  return introduced.length === 1 && distinct.every((n) => n === introduced[0] || (ctx.firstSeen.get(n) ?? 0) > ctx.here) ? mention(introduced[0]) : null;
}

/** "Jane Doe" is "Jane A. Doe" less an initial or middle name (same first and last names). */
function subsetName(short: string, long: string): boolean {
  const s = nameTokens(short);
  const l = nameTokens(long);
  return s.length >= 2 && l.length > s.length && s[0] === l[0] && s[s.length - 1] === l[l.length - 1];
}

function sameSpeaker(a: SpeakerMention, b: SpeakerMention): boolean {
  return a.key === b.key || (!a.anonymous && !b.anonymous && (sameFullName(a.name, b.name) || subsetName(a.name, b.name) || subsetName(b.name, a.name)));
}

/** The interview note whose marker closes the paragraph, if any. */
function closingInterview(p: Paragraph, ctx: Context): InterviewFootnote | null {
  const n = closingFootnote(p);
  return n === null ? null : (ctx.interviews.get(n) ?? null);
}

function closingFootnote(p: Paragraph): number | null {
  const last = p.refs[p.refs.length - 1];
  return last && last.offset >= p.text.replace(/\s+$/, '').length - 1 ? last.number : null;
}

/** A note that says the author held the exchange without naming the person: "Interviewed by the author on 4 May 2023." */
function authorExchangeNote(text: string): { date: string | null; label: DateLabel | null } | null {
  if (
    !/^\s*(?:(?:Interview(?:ed)?|Conversation|Correspondence|Email)\s+(?:by|with)\s+the\s+authors?|(?:Author['’]s|Authors['’])\s+(?:interview|conversation|correspondence))\b/i.test(
      text,
    )
  )
    return null;
  const dm = DATE_PHRASE.exec(text);
  const date = parseDate(dm?.[2] ?? ANY_DATE.exec(text)?.[1] ?? '');
  return { date, label: date ? (dm ? (LABEL_OF[dm[1].toLowerCase()] ?? 'interviewed') : 'interviewed') : null };
}

/** The last sentence of a paragraph: the lead-in proper. */
function lastSentence(text: string): string {
  const spans = sentenceSpans(text);
  const [s, e] = spans[spans.length - 1];
  return text.slice(s, e).trim();
}

/** The speaker a lead-in names in its last sentence: "As Koga explains:", "says Saya Kiba:". */
function leadInSpeaker(p: Paragraph, ctx: Context): SpeakerMention | null {
  const written = lastSentence(p.text);
  if (organisationSpeaks(maskQuotations(written))) return null;
  const sentence = verdictLeadIn(written) ?? written;
  // a weak verb ("continued") right before the colon still hands over the quote
  const found = findSpeechAttributions(maskQuotations(sentence)).filter((a) => !a.weak || /^\s*:\s*$/.test(sentence.slice(a.verbEnd)));
  // the speech verb nearest the colon names the speaker; if it names nobody we know, nothing is guessed
  const last = found[found.length - 1];
  if (!last) return null;
  // "Osei described the first inspection. She continued:": the person the paragraph opens with, nobody else named
  if (last.speaker.kind === 'pronoun' && /^\s*(?:he|she)\s+\p{Ll}+\s*:\s*$/iu.test(sentence)) {
    const masked = maskQuotations(p.text);
    return paragraphSubject(masked.slice(0, masked.length - sentence.length), ctx);
  }
  return resolveReference(last.speaker, ctx);
}

/** Whether a paragraph says that this speaker argues, explains, … (the set-up for a block quote without a colon). */
function introducesSpeaker(p: Paragraph, speaker: SpeakerMention, ctx: Context): boolean {
  const masked = maskQuotations(p.text);
  return findSpeechAttributions(masked).some((a) => {
    const m = resolveReference(a.speaker, ctx);
    return !!m && sameSpeaker(m, speaker);
  });
}

/** A speaker label opening a turn: "Jimbo: …", "**Jane Doe:** …", "**Jane Doe**: …". */
const TURN_LABEL = /^(?:\*\*|__)?(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2})(?::(?:\*\*|__)|(?:\*\*|__):|:)\s+(\S[\s\S]*)$/u;

function turnLabel(text: string): { label: string; text: string } | null {
  const m = TURN_LABEL.exec(text);
  if (!m) return null;
  const bold = /^(?:\*\*|__)/.test(text);
  const closed = /^(?:\*\*|__)[^:]*:?(?:\*\*|__)/.test(text);
  if (bold !== closed) return null; // "**Key:** …" must close its bold, a plain label must not open one
  return { label: m[1], text: m[2] };
}

/**
 * The labels that open turns of a transcript: names of 2–3 capitalised words that each open at least two
 * paragraphs, where at least two such names take turns. A label heading a single paragraph ("Key Findings: …")
 * or a document with one recurring label (an author's own sections) is no transcript.
 */
function transcriptLabels(paragraphs: Paragraph[]): Set<string> {
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    if (p.kind !== 'text' || p.blockQuote) continue;
    const t = turnLabel(p.text);
    if (!t) continue;
    const words = t.label.split(/\s+/);
    if (words.length < 2 || words.some((w) => isNotNameWord(w) || ROLE_WORDS.has(w) || ORG_TOKEN.test(w))) continue;
    if (!collectFullNames(t.label).includes(t.label)) continue;
    counts.set(t.label, (counts.get(t.label) ?? 0) + 1);
  }
  const labels = new Set([...counts].filter(([, n]) => n >= 2).map(([l]) => l));
  return labels.size >= 2 ? labels : new Set();
}

/**
 * "The conversation then turned to fiscal rules.", "Brenner paused.": a paragraph between turns that speaks of the
 * conversation or of a speaker in the third person, with no first or second person, is the editor's, not the speaker's.
 */
function editorsLine(text: string, ctx: Context): boolean {
  if (/\b(?:I|I['’](?:m|ve|d|ll)|me|my|we|we['’](?:re|ve|d|ll)|us|our|you|your)\b/i.test(text)) return false;
  if (/\b(?:the|this|our)\s+(?:conversation|interview|discussion|exchange|episode|show|podcast|session|recording)\b/i.test(text)) return true;
  const labelled = new Set([...ctx.turnLabels].flatMap((l) => nameTokens(l)));
  return [...text.matchAll(/\p{Lu}[\p{L}'’-]+/gu)].some((m) => labelled.has(m[0].toLowerCase()));
}

function dialogueLine(p: Paragraph, ctx: Context): { speaker: SpeakerMention; label: string; text: string } | null {
  const t = turnLabel(p.text);
  if (!t) return null;
  const label = t.label;
  const tokens = nameTokens(label);
  const candidates = ctx.interviewees.filter(
    (s) => !s.anonymous && (sameFullName(s.name, label) || (tokens.length === 1 && nameTokens(s.name).includes(tokens[0]))),
  );
  const closing = closingInterview(p, ctx);
  let speaker: SpeakerMention | null = candidates.length === 1 ? candidates[0] : null;
  if (!speaker && closing && !closing.speaker.anonymous && nameTokens(closing.speaker.name).some((t) => tokens.includes(t))) speaker = closing.speaker;
  // a transcript's turn label names its speaker in full
  if (!speaker && ctx.turnLabels.has(label)) speaker = resolvePersonName(label, ctx);
  // "**Brenner:**" later in a transcript whose labels named "Lukas Brenner" in full: the one full label with that name
  if (!speaker && tokens.length === 1) {
    const full = [...ctx.turnLabels].filter((l) => nameTokens(l).includes(tokens[0]));
    if (full.length === 1) speaker = resolvePersonName(full[0], ctx);
  }
  return speaker ? { speaker, label: `${label}:`, text: t.text } : null;
}

/** A credit line under a pull quote or epigraph: "— Jane Doe, Title", "— @handle on …", "-- Jane Doe, Agency", "— **Jane Doe**". */
const CREDIT_LINE =
  /^(?:[—―–]|-{1,2})\s*(@[\w.-]+|\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:van|von|de|der|da|di|du|le|la)\s+)?(?:\p{Ll}{1,3})?\p{Lu}[\p{L}'’.-]+){1,3})(?=$|[,;(]|\s+(?:on|in|at|of)\b)/u;

/** A credit as written, without its markup: HTML tags, bold and links ("— <a href=…>@jdoe</a>", "-** Jane Doe**"). */
function plainCredit(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function creditSpeaker(credit: string, ctx: Context): SpeakerMention | null {
  const m = CREDIT_LINE.exec(credit);
  if (!m) return describedCredit(credit);
  const who = m[1].replace(/\.$/, '');
  return who.startsWith('@') ? { key: personKey(who), name: who, anonymous: false, role: null, affiliation: null } : resolvePersonName(who, ctx);
}

function creditLine(p: Paragraph | undefined, ctx: Context): { speaker: SpeakerMention; evidence: string } | null {
  if (!p) return null;
  const credit = plainCredit(p.text);
  if (/^-(?!-)/.test(credit)) return null; // "- Jane Doe" on a line of its own is a list item (a list of names), not a credit
  const speaker = creditSpeaker(credit, ctx);
  return speaker ? { speaker, evidence: credit } : null;
}

/** A quotation that is a paragraph of its own with its credit after the closing mark: "“…” - **Jane Doe**", "\"…\" -- Jane Doe, Agency". */
function trailingCredit(p: Paragraph, ctx: Context): { speaker: SpeakerMention; evidence: string; text: string } | null {
  const m = /^\s*([“"][\s\S]+[”"“])\s*((?:[—―–]|-{1,2})\s*[^“”"]+)$/u.exec(p.text);
  if (!m || wordCount(m[1]) < MIN_INLINE_QUOTE_WORDS) return null; // a short title with its author ("“River Dams” - Jane Doe") is no quotation
  const credit = plainCredit(m[2]);
  const speaker = creditSpeaker(credit, ctx);
  return speaker ? { speaker, evidence: credit, text: m[1] } : null;
}

/** A quote shortcode with its credit as an attribute: `{{< card-quote text="…" cite="Role, Jane Doe" >}}`. */
function shortcodeQuote(p: Paragraph, ctx: Context): { speaker: SpeakerMention | null; evidence: string; text: string } | null {
  const m = /^\{\{<\s*[\w-]*quote[\w-]*\s+([\s\S]*?)\s*\/?>\}\}$/.exec(p.text.trim());
  if (!m) return null;
  const attrs = new Map([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1].toLowerCase(), a[2]]));
  const text = attrs.get('text') ?? attrs.get('quote');
  if (!text) return null;
  const cite = attrs.get('cite') ?? attrs.get('author') ?? attrs.get('credit') ?? '';
  // the credit's one part that is a person's name, the rest being the role: "Director of X, Jane Doe", "Jane Doe, a nurse"
  const names = cite.split(/\s*,\s*/).filter(personLikeName);
  const speaker = names.length === 1 ? resolvePersonName(names[0], ctx) : null;
  return { speaker, evidence: cite, text };
}

/** A credit's part that reads as a person's name of 2–3 capitalised words, no title or organisation among them. */
function personLikeName(part: string): boolean {
  return (
    /^\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Ll}{1,3})?\p{Lu}[\p{L}'’.-]+){1,2}$/u.test(part) &&
    !part.split(/\s+/).some((w) => isNotNameWord(w) || ROLE_WORDS.has(w) || ORG_TOKEN.test(w))
  );
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", '#39': "'", lt: '<', gt: '>', nbsp: ' ', mdash: '—', ndash: '–' };

/** An embedded post (a tweet's HTML): `<blockquote …><p>text</p>&mdash; Jane Doe (@jdoe) …`, credited to a person's display name. */
function embeddedPost(p: Paragraph, ctx: Context): { speaker: SpeakerMention; evidence: string; text: string } | null {
  const m = /^<blockquote\b[^>]*>\s*<p\b[^>]*>([\s\S]*?)<\/p>\s*(?:&mdash;|—)\s*([^(<&,]+?)(?:,[^(<&]*)?\s*\((@[\w]+)\)/.exec(p.text.trim());
  const handle = m ? handleAsName(m[2], m[3]) : null;
  if (!m || (!handle && !personLikeName(m[2].trim()))) return null;
  const speaker = handle ? resolvePersonName(handle, ctx) : resolvePersonName(m[2].trim(), ctx);
  const text = m[1]
    .replace(/<[^>]*>/g, '')
    .replace(/&(#39|[a-z]+);/g, (e, k: string) => HTML_ENTITIES[k] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
  return speaker && text ? { speaker, evidence: `${m[2].trim()} (${m[3]})`, text } : null;
}

function trimQuote(text: string): string {
  return text.trim().replace(/,$/, '').trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Said to the author or this publication: "told the author", "told us", "in an interview with this newspaper", "told VOA". */
function saidToAuthor(sentence: string, ctx: Context): boolean {
  if (/\b(?:told|said to|wrote to|explained to)\s+(?:the\s+authors?|us|me|this\s+(?:newspaper|publication|magazine|website|reporter|writer))\b/i.test(sentence))
    return true;
  if (/\bin\s+an?\s+interview\s+with\s+(?:the\s+authors?|us|me|this\s+(?:newspaper|publication|magazine|website|reporter))\b/i.test(sentence)) return true;
  return !!ctx.publication && new RegExp(`\\b(?:told|said to|in an interview with)\\s+(?:the\\s+)?${ctx.publication.source}\\b`).test(sentence);
}

type QuoteDraft = Omit<ParsedQuote, 'interviewDate' | 'dateLabel'>;

/**
 * Finds the quotes in one document and attributes each to its speaker: block quotes (Markdown `>`, indented,
 * italic after a lead-in, credited by a line under them), dialogue lines, block quotes closed by an interview
 * note, and quotations inside the analysis. Evidence that conflicts leaves the quote unattributed.
 */
/** "Ibid." repeats the note before it: when that note cites one interview and nothing else, so does this one. */
function withIbid(footnotes: Footnote[], parsed: (InterviewFootnote | null)[]): InterviewFootnote[] {
  const out: InterviewFootnote[] = [];
  footnotes.forEach((f, i) => {
    const own = parsed[i];
    if (own) out.push(own);
    else if (i > 0 && /^\s*(?:ibid|ibidem|id)\.?\s*$/i.test(f.text)) {
      const prev = out.find((iv) => iv.number === footnotes[i - 1].number);
      if (prev && footnotes[i - 1].number === f.number - 1 && !/;/.test(prev.text))
        out.push({ ...prev, number: f.number, text: `${f.text.trim()} (note ${prev.number}: ${prev.text})` });
    }
  });
  return out;
}

export function attributeQuotes(
  sections: Section[],
  paragraphs: Paragraph[],
  footnotes: Footnote[],
  meta?: { publisher: string | null },
): { quotes: ParsedQuote[]; interviews: InterviewFootnote[]; warnings: ParseWarning[] } {
  const allText = [...paragraphs.map((p) => p.text), ...footnotes.map((f) => f.text)].join('\n');
  const acronyms = findAcronyms(allText);
  const interviews = withIbid(
    footnotes,
    footnotes.map((f) => parseInterviewFootnote(f, acronyms)),
  );
  const interviewees: SpeakerMention[] = [];
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
  // 'Madeline "Amy" Sweeney' makes "Amy Sweeney" the same person
  const nicknames = new Map<string, string>();
  for (const m of allText.matchAll(/(\p{Lu}[\p{Ll}\p{M}'’-]+)\s+["“](\p{Lu}[\p{Ll}\p{M}'’-]+)["”]\s+(\p{Lu}[\p{Ll}\p{M}'’-]+)/gu))
    nicknames.set(`${m[2]} ${m[3]}`, `${m[1]} ${m[3]}`);
  // "Lead Designer Jane Doe" is Jane Doe: a title written before a name is not part of it
  const canonicalName = (n: string) => nicknames.get(n) ?? splitRoleName(n)?.name ?? n;
  // full names from the running text (note texts are full of titles of articles that read like names: "Smith Denies Report")
  const bodyText = paragraphs.map((p) => p.text).join('\n');
  // …but a note that opens with its author's name ("Jane Doe, Title of the Book, 2020") names a person
  const noteAuthors = footnotes.flatMap((f) => {
    const m = /^\s*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){1,2}),/u.exec(f.text);
    return m ? collectFullNames(m[1]).filter((n) => n === m[1]) : [];
  });
  const namesByToken = indexNamesByToken([...collectFullNames(bodyText), ...noteAuthors].map(canonicalName));
  const firstSeen = new Map<string, number>();
  paragraphs.forEach((p, k) => {
    for (const n of collectFullNames(p.text).map(canonicalName)) if (!firstSeen.has(n)) firstSeen.set(n, k);
  });
  const { roles, titleOf } = collectRoles(paragraphs.map((p) => p.text).join('\n'), namesByToken);
  const publisherWord = meta?.publisher ? /\(?\b(\p{Lu}{2,8})\b\)?/u.exec(meta.publisher)?.[1] : undefined;
  const ctx: Context = {
    interviews: new Map(interviews.map((i) => [i.number, i])),
    notes: new Map(footnotes.map((f) => [f.number, f])),
    interviewees,
    namesByToken,
    acronyms,
    roles,
    titleOf,
    publication: publisherWord ? new RegExp(publisherWord) : null,
    firstSeen,
    turnLabels: transcriptLabels(paragraphs),
    here: Number.POSITIVE_INFINITY,
    surnames: surnamesShownAsPeople(
      bodyText,
      footnotes.map((f) => f.text),
    ),
  };

  const quotes: ParsedQuote[] = [];
  const warnings: ParseWarning[] = [];
  const consumed = new Set<number>();
  const turns = new Set<number>(); // paragraphs of transcript turns: quotations inside them are other words the speaker reports
  const quotable = (p: Paragraph | undefined) => !!p && p.kind === 'text' && !APPARATUS_SECTION.test(sections[p.sectionIndex]?.heading ?? '');
  /** Dates come only from the quote's own note. */
  /** Published words standing by themselves in paragraph p, credited by an embed, a shortcode or a credit line. */
  const creditedQuote = (p: Paragraph, text: string, speaker: SpeakerMention | null, evidence: string, footnoteNumber: number | null): QuoteDraft => ({
    kind: 'quote',
    text,
    anchors: [p.anchor],
    sectionIndex: p.sectionIndex,
    speaker,
    attribution: speaker ? { method: 'lead-in', evidence } : null,
    footnoteNumber,
    leadIn: null,
    line: p.line,
  });
  const push = (q: QuoteDraft) => {
    const own = q.footnoteNumber !== null ? ctx.interviews.get(q.footnoteNumber) : undefined;
    const exchange = !own && q.footnoteNumber !== null ? authorExchangeNote(ctx.notes.get(q.footnoteNumber)?.text ?? '') : null;
    const ownDated = own && q.speaker && sameSpeaker(own.speaker, q.speaker) ? own : null;
    quotes.push({
      ...q,
      kind: q.speaker ? (exchange ? 'interview' : q.kind) : q.kind,
      interviewDate: ownDated?.date ?? exchange?.date ?? null,
      dateLabel: ownDated?.date ? ownDated.dateLabel : (exchange?.label ?? null),
    });
  };
  const isInterviewee = (s: SpeakerMention) => interviewees.some((i) => sameSpeaker(i, s));
  /** A quote's kind when its own note is not an interview note: an interviewee's words without a note are the interview's, a cited source's are not. */
  const kindFor = (speaker: SpeakerMention, note: number | null): 'interview' | 'quote' => {
    if (note !== null) {
      const iv = ctx.interviews.get(note);
      if (iv) return sameSpeaker(iv.speaker, speaker) ? 'interview' : 'quote';
      if (authorExchangeNote(ctx.notes.get(note)?.text ?? '')) return 'interview';
      if (ctx.notes.has(note)) return 'quote'; // the note cites a document: published words
    }
    return isInterviewee(speaker) ? 'interview' : 'quote';
  };

  // 0. a research write-up's quoted items under a heading that names their speakers' group ("Federal employees:")
  for (const g of groupQuotes(sections, paragraphs)) {
    const p = paragraphs[g.paragraph];
    push({
      kind: 'interview',
      text: g.text,
      anchors: [p.anchor],
      sectionIndex: p.sectionIndex,
      speaker: g.speaker,
      attribution: { method: 'lead-in', evidence: g.evidence },
      footnoteNumber: null,
      leadIn: g.evidence,
      line: p.line,
    });
    consumed.add(g.paragraph);
  }

  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (consumed.has(i) || !quotable(p)) continue;
    ctx.here = i;
    const prev = i > 0 ? paragraphs[i - 1] : undefined;
    const prevInSection = prev && prev.sectionIndex === p.sectionIndex && prev.kind === 'text' && !consumed.has(i - 1) ? prev : undefined;

    // 1. dialogue lines: "Jimbo: …"
    const dialogue = dialogueLine(p, ctx);
    if (dialogue) {
      const closing = closingInterview(p, ctx);
      const conflict = !!closing && !sameSpeaker(closing.speaker, dialogue.speaker);
      if (conflict)
        warnings.push({
          line: p.line,
          message: `dialogue line names ${dialogue.speaker.name} but its note ${closing.number} names ${closing.speaker.name}; left unattributed`,
        });
      push({
        kind: 'interview',
        text: trimQuote(dialogue.text),
        anchors: [p.anchor],
        sectionIndex: p.sectionIndex,
        speaker: conflict ? null : dialogue.speaker,
        attribution: conflict ? null : { method: 'dialogue', evidence: dialogue.label },
        footnoteNumber: closingFootnote(p),
        leadIn: null,
        line: p.line,
      });
      consumed.add(i);
      turns.add(i);
      // in a transcript a turn runs on over the paragraphs without a label, up to the next label
      if (!conflict && ctx.turnLabels.size) {
        const start = i;
        for (let j = start + 1; j < paragraphs.length && j <= start + MAX_TURN_PARAGRAPHS; j++) {
          const q = paragraphs[j];
          if (q.sectionIndex !== p.sectionIndex || !quotable(q) || q.blockQuote || q.italic || turnLabel(q.text) || consumed.has(j)) break;
          if (editorsLine(q.text, ctx)) break;
          push({
            kind: 'interview',
            text: trimQuote(q.text),
            anchors: [q.anchor],
            sectionIndex: q.sectionIndex,
            speaker: dialogue.speaker,
            attribution: { method: 'dialogue', evidence: dialogue.label },
            footnoteNumber: closingFootnote(q),
            leadIn: null,
            line: q.line,
          });
          consumed.add(j);
          turns.add(j);
          i = j;
        }
      }
      continue;
    }

    const setOff = p.blockQuote || p.italic;
    // 2. block quotes after a lead-in that ends with a colon
    // a plain paragraph after the colon that itself reports quotations ("X commented “…” and Y said “…”") is prose, not a block quote
    const reportsQuotes = !setOff && !/^\s*[“"]/.test(p.text) && findQuotedSpans(p.text).some((sp) => wordCount(sp.inner) >= 3);
    if (prevInSection && endsWithColon(prevInSection.text) && !creditLine(p, ctx) && !reportsQuotes) {
      const lead = leadInSpeaker(prevInSection, ctx);
      let last = i;
      let closing = closingInterview(p, ctx);
      if (p.blockQuote && p.refs.length === 0) {
        // a `>` quote of several paragraphs, its note (if any) after the last
        for (let j = i + 1; j < paragraphs.length && j <= i + 8 && paragraphs[j].blockQuote && paragraphs[j].sectionIndex === p.sectionIndex; j++) {
          last = j;
          if (paragraphs[j].refs.length) break;
        }
        closing = closingInterview(paragraphs[last], ctx);
      } else if (!closing && p.refs.length === 0) {
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
      const span = paragraphs.slice(i, last + 1);
      const midNotes = span.some((q, k, arr) => q.refs.some((r) => k < arr.length - 1 || r.offset < q.text.length - 1));
      const conflict = !!closing && !!lead && !sameSpeaker(closing.speaker, lead);
      const speaker = conflict ? null : (closing?.speaker ?? lead);
      const leadSentence = lastSentence(prevInSection.text);
      if ((speaker || setOff) && !midNotes) {
        if (conflict)
          warnings.push({
            line: p.line,
            message: `lead-in names ${lead!.name} but note ${closing!.number} names ${closing!.speaker.name}; left unattributed`,
          });
        const note = closingFootnote(span[span.length - 1]);
        push({
          kind: closing ? 'interview' : speaker ? kindFor(speaker, note) : 'quote',
          text: span.map((q) => q.text).join('\n\n'),
          anchors: span.map((q) => q.anchor),
          sectionIndex: p.sectionIndex,
          speaker,
          attribution: !speaker ? null : closing ? { method: 'note', evidence: closing.text } : { method: 'lead-in', evidence: leadSentence },
          footnoteNumber: note,
          leadIn: leadSentence,
          line: p.line,
        });
        for (let j = i; j <= last; j++) consumed.add(j);
        continue;
      }
    }

    // 3a. an embedded post credited to a person: `<blockquote class="…"><p>…</p>&mdash; Jane Doe (@jdoe)`
    const post = embeddedPost(p, ctx);
    if (post) {
      push(creditedQuote(p, post.text, post.speaker, post.evidence, null));
      consumed.add(i);
      continue;
    }

    // 3a. a quote shortcode: `{{< card-quote text="…" cite="Role, Jane Doe" >}}`
    const shortcode = shortcodeQuote(p, ctx);
    if (shortcode) {
      push(creditedQuote(p, shortcode.text, shortcode.speaker, shortcode.evidence, null));
      consumed.add(i);
      continue;
    }

    // 3a. a quotation in a paragraph of its own, its credit after the closing mark: "“…” - **Jane Doe**"
    const trailing = trailingCredit(p, ctx);
    if (trailing) {
      push(creditedQuote(p, trailing.text, trailing.speaker, trailing.evidence, closingFootnote(p)));
      consumed.add(i);
      continue;
    }

    // 3. a quote set off from the text (`>`, indented, italic) credited by the line under it: "— Jane Doe"
    const credit = creditLine(paragraphs[i + 1], ctx);
    if (credit && (setOff || wordCount(p.text) >= MIN_INLINE_QUOTE_WORDS) && !p.text.startsWith('—')) {
      push(creditedQuote(p, p.text, credit.speaker, credit.evidence, closingFootnote(p)));
      consumed.add(i);
      consumed.add(i + 1);
      continue;
    }

    // 4. a block quote closed by an interview note: set up by a sentence naming the speaker, or set off as a quote
    const closing = closingInterview(p, ctx);
    if (closing && p.refs.length === 1 && ((prevInSection && introducesSpeaker(prevInSection, closing.speaker, ctx)) || setOff)) {
      push({
        kind: 'interview',
        text: p.text,
        anchors: [p.anchor],
        sectionIndex: p.sectionIndex,
        speaker: closing.speaker,
        attribution: { method: 'note', evidence: closing.text },
        footnoteNumber: closing.number,
        leadIn: prevInSection ? lastSentence(prevInSection.text) : null,
        line: p.line,
      });
      consumed.add(i);
      continue;
    }

    // 5. a `>` block with no evidence of its speaker: kept as a quote, unattributed
    if (p.blockQuote && wordCount(p.text) >= MIN_INLINE_QUOTE_WORDS && !/^[“"]/.test(p.text)) {
      let last = i;
      while (last + 1 < paragraphs.length && paragraphs[last + 1].blockQuote && paragraphs[last + 1].sectionIndex === p.sectionIndex && last - i < 8) last++;
      const span = paragraphs.slice(i, last + 1);
      push({
        kind: 'quote',
        text: span.map((q) => q.text).join('\n\n'),
        anchors: span.map((q) => q.anchor),
        sectionIndex: p.sectionIndex,
        speaker: null,
        attribution: null,
        footnoteNumber: closingFootnote(span[span.length - 1]),
        leadIn: prevInSection ? lastSentence(prevInSection.text) : null,
        line: p.line,
      });
      for (let j = i; j <= last; j++) consumed.add(j);
    }
  }

  // 6. quotations inside the analysis, attributed by the named speaker next to them
  // a list item may hold a quotation too ("- Credit. As Berg put it, “…”"), kept only with a speaker named next to it
  const listAnchors = new Set(paragraphs.filter((p) => p.kind === 'list' && !p.blockQuote).map((p) => p.anchor));
  const inlineUsable = (i: number) =>
    !consumed.has(i) && (quotable(paragraphs[i]) || (listAnchors.has(paragraphs[i].anchor) && quotable({ ...paragraphs[i], kind: 'text' })));
  for (const q of inlineQuotes(paragraphs, inlineUsable, ctx, kindFor))
    if (!listAnchors.has(q.anchors[0]) || (q.speaker && !/^continues\b/.test(q.attribution?.evidence ?? ''))) push(q);
  // 7. quotations inside a transcript turn ("… and one day she said “…”"): quotes of their own, kept only when the
  // reporting chain names someone other than the turn's speaker or names nobody (the turn already holds its own words)
  if (turns.size) {
    const turnSpeaker = new Map(quotes.filter((q) => q.attribution?.method === 'dialogue').flatMap((q) => q.anchors.map((a) => [a, q.speaker] as const)));
    for (const q of inlineQuotes(paragraphs, (i) => turns.has(i), ctx, kindFor)) {
      const own = turnSpeaker.get(q.anchors[0]);
      if (!q.speaker || !own || !sameSpeaker(q.speaker, own)) push(q);
    }
  }
  // 8. quotations inside the notes, each placed in its note (./note-quotes.ts)
  // a note that repeats the words its paragraph quotes adds no quote of its own
  const folded = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  for (const q of noteQuotes(footnotes, paragraphs, ctx, kindFor))
    if (!quotes.some((b) => !b.inNote && b.footnoteNumber === q.inNote && folded(b.text) === folded(q.text))) push(q);
  // "the President tweeted, “…”" whose own note credits one handle's post: the handle's holder, when the title names nobody else
  for (const [k, q] of quotes.entries()) {
    const role = !q.speaker && q.footnoteNumber !== null && !q.inNote ? rolePoster(q.leadIn) : null;
    const post = role ? notePostHandle(ctx.notes.get(q.footnoteNumber!)?.text ?? '') : null;
    if (!role || !post || (ctx.roles.get(role.toLowerCase()) ?? []).length > 0) continue;
    const speaker = handleSpeaker(post.handle, allText, ctx);
    if (!speaker) continue;
    quotes[k] = { ...q, speaker, kind: 'quote', attribution: { method: 'note', evidence: `${q.leadIn} — note ${q.footnoteNumber}: ${post.evidence}` } };
  }
  const order = new Map([...paragraphs, ...notePassages(footnotes, paragraphs)].map((p, k) => [p.anchor, k]));
  quotes.sort((a, b) => (order.get(a.anchors[0]) ?? 0) - (order.get(b.anchors[0]) ?? 0) || a.line - b.line);
  // "… “…” A day later they said “…”": singular they continues the one person quoted just before
  const byAnchor = new Map(paragraphs.map((p) => [p.anchor, p.text]));
  for (const [k, from] of theyContinues(quotes, (a) => byAnchor.get(a) ?? '')) {
    const { speaker, kind } = quotes[from];
    quotes[k] = { ...quotes[k], speaker, kind, attribution: { method: 'inline', evidence: quotes[k].leadIn ?? '' } };
  }
  return { quotes, interviews, warnings };
}

/** The person behind a handle: the name it spells when the document writes that surname; an account of an office or a role ("@TheHarbourOffice", "@MAYOR") names nobody. */
function handleSpeaker(handle: string, allText: string, ctx: Context): SpeakerMention | null {
  const name = handlePerson(handle, allText);
  return name ? resolvePersonName(name, ctx) : null;
}

/**
 * Quotations inside the notes: each note is a passage of its own, read with the body's rules, and a quotation in
 * the parenthesis after a cited record (./note-quotes.ts) is the words of the record's one named author. Conflicting
 * readings leave the quotation unattributed.
 */
function noteQuotes(
  footnotes: Footnote[],
  paragraphs: Paragraph[],
  ctx: Context,
  kindFor: (s: SpeakerMention, note: number | null) => 'interview' | 'quote',
): QuoteDraft[] {
  const out: QuoteDraft[] = [];
  const passages = notePassages(footnotes, paragraphs);
  const allText = [...paragraphs.map((p) => p.text), ...passages.map((p) => p.text)].join('\n');
  passages.forEach((note, k) => {
    const n = footnotes[k].number;
    const credited: QuoteDraft[] = [];
    ctx.here = paragraphs.length;
    for (const span of findQuotedSpans(note.text)) {
      const inner = trimQuote(span.inner);
      const credit = noteCredit(note.text, span.start, (t) => personMentions(t, ctx).length > 0);
      const before = note.text.slice(Math.max(0, span.start - 40), span.start);
      // a term the record's summary sets in quotation marks ("the so-called “…”", two words) is no one's statement
      if (!credit || looksLikeTitle(inner, before) || LABELLING.test(before) || (wordCount(inner) < 3 && !soundsSpoken(inner))) continue;
      const speaker = credit.name.startsWith('@') ? handleSpeaker(credit.name, allText, ctx) : resolvePersonName(credit.name, ctx);
      if (!speaker) continue;
      credited.push({
        // a record of an interview held for the report ("Doe 3/4/19 Interview Notes", the FBI's "302") holds words said to its authors
        kind: INTERVIEW_RECORD.test(credit.evidence) ? 'interview' : kindFor(speaker, n),
        text: inner,
        anchors: [note.anchor],
        sectionIndex: note.sectionIndex,
        speaker,
        attribution: { method: 'note', evidence: credit.evidence },
        footnoteNumber: n,
        inNote: n,
        leadIn: credit.evidence,
        line: note.line,
      });
    }
    // the body's rules read the note as a paragraph after the body (every person introduced by then)
    const read = inlineQuotes([...paragraphs, note], (i) => i === paragraphs.length, ctx, kindFor);
    for (const q of read) {
      const same = credited.find((c) => c.text === q.text);
      if (same) {
        if (q.speaker && !sameSpeaker(q.speaker, same.speaker!)) {
          same.speaker = null; // the record and the prose name different people
          same.attribution = null;
        }
        continue;
      }
      // notes are full of quoted titles of works: a quotation there with no speaker is kept only when a speech verb or a colon hands it on
      const clause =
        (q.leadIn ?? '')
          .replace(/["“][^"“”]*["”]/g, ' ')
          .split(/[;()]/)
          .pop() ?? '';
      if (!q.speaker && !/:\s*$/.test(clause) && !clause.split(/\s+/).some((w) => isSpeechVerb(w.replace(/[^\p{L}]/gu, '')))) continue;
      out.push({ ...q, footnoteNumber: n, inNote: n });
    }
    out.push(...credited);
  });
  return out;
}

const ROLE_MENTION = /\bthe\s+((?:\p{Lu}[\p{L}-]*\s+){0,3}\p{Lu}[\p{L}-]*)/gu;

interface Mention {
  speaker: SpeakerMention | null; // null: a person the document does not let us resolve
  at: number;
}

/** Person names written in a text, resolved where the document allows, in order. */
function personMentions(text: string, ctx: Context): Mention[] {
  const out: Mention[] = [];
  const re =
    /\b(?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+(?:(?:van|von|der|de|da|di|du|al|bin)\s+)*(?:\p{Lu}\.|(?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}'’-]+))*/gu;
  for (const m of withoutNicknames(text).matchAll(re)) {
    const toks = m[0].split(/\s+/).filter((t) => !isNotNameWord(t) && !ROLE_WORDS.has(t));
    if (!toks.length || toks.some((t) => ORG_TOKEN.test(t))) continue;
    const written = toks.join(' ').replace(/['’]s$/, '');
    const tokens = nameTokens(written);
    if (tokens.length === 1 && !ctx.namesByToken.has(tokens[0]) && !ctx.interviewees.some((s) => nameTokens(s.name).includes(tokens[0]))) continue;
    if (tokens.length >= 2 && !collectFullNames(written).length) continue;
    out.push({ speaker: resolvePersonName(written, ctx), at: m.index! });
  }
  // "the President" is a person too: a pronoun after it may be theirs
  for (const m of text.matchAll(ROLE_MENTION)) {
    if (!m[1].split(/\s+/).every((w) => ROLE_WORDS.has(w))) continue;
    out.push({
      speaker: resolveReference({ kind: 'role', name: m[1], org: null, appositive: null, index: m.index!, end: m.index! + m[0].length }, ctx),
      at: m.index!,
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * "Jane Doe, director of X, opened the day. … “…,” she explained": with no speaker before, a pronoun is the
 * person the paragraph opens with, when nobody else is named before it.
 */
function paragraphSubject(before: string, ctx: Context): SpeakerMention | null {
  // a word that is only inside some longer capitalised phrase of the document ("Digital" of a session title) names nobody
  const people = personMentions(before, ctx).filter((m) => {
    const word = before
      .slice(m.at)
      .split(/[\s,.;:’'()]/)[0]
      .toLowerCase();
    const toks = m.speaker ? nameTokens(m.speaker.name) : [];
    return !m.speaker || toks[0] === word || toks[toks.length - 1] === word;
  });
  const first = people[0];
  if (!first?.speaker || first.at > 0) return null;
  return people.every((m) => m.speaker && sameSpeaker(m.speaker, first.speaker!)) ? first.speaker : null;
}

/** An opening quotation mark with no closing one after it in the paragraph: a quote that runs on into the next paragraph. */
function openQuoteAtEnd(text: string): number | null {
  const lastOpen = text.lastIndexOf('“');
  // a curly opening closed by a straight mark is a whole quotation, not one that runs on
  if (lastOpen >= 0 && text.indexOf('”', lastOpen) < 0 && !findQuotedSpans(text).some((sp) => sp.start === lastOpen)) return lastOpen;
  const straight = [...text.matchAll(/"/g)].map((m) => m.index!);
  if (straight.length % 2 === 1) {
    const at = straight[straight.length - 1];
    if (/^\s*$|[\s(—–-]$/.test(text.slice(0, at).slice(-1)) || at === 0) return at;
  }
  return null;
}

const LABELLING =
  /\b(?:as|called|calls|dubbed|termed|labelled|labeled|titled|entitled|named|so-called|word|words|phrase|term|slogan|motto|headline|caption|banner|sign|label|tag)\s*[,:]?\s*$/i;
const TITLE_CUE =
  /\b(?:titled|entitled|essay|article|post|blog|book|paper|report|column|op-ed|chapter|speech|song|film|series|volume|study|piece|headline)\s*[,:]?\s*$/i;

/** A quoted title rather than words spoken: "Growing a Contributor Base", or quoted right after "titled", "essay". */
function looksLikeTitle(inner: string, before: string): boolean {
  if (TITLE_CUE.test(before)) return true;
  const words = inner
    .replace(/[.,!?;:]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  const small = /^(?:a|an|the|and|or|of|to|in|on|for|with|at|by|from|as|vs\.?|is|be|how|why|what)$/i;
  const big = words.filter((w) => !small.test(w));
  return big.length >= 2 && big.every((w) => /^[\p{Lu}\d“"‘']/u.test(w)) && !/[.!?]$/.test(inner.trim());
}

/** Words a person could have said: a sentence (capital to full stop), or words in the first or second person; not a noun phrase lifted from a document. */
function soundsSpoken(inner: string): boolean {
  const t = inner.trim();
  if (/^[\p{Lu}\d]/u.test(t) && /[.!?…]$/.test(t)) return true;
  return /\b(?:I|I['’]m|I['’]ve|I['’]d|I['’]ll|we|we['’]re|we['’]ve|our|us|you|your|my|me)\b/i.test(t);
}

/**
 * A speech verb before the quotation that is not the interviewee's own ("Keita quoted her predecessor, who had told
 * her, “…”"): the note backs the interview, but the words may be someone else's, so the note alone cannot settle them.
 */
function anotherVoice(sentence: string, quoteAt: number, found: SpeechAttribution[], interviewee: SpeakerMention, ctx: Context): boolean {
  for (const m of sentence.slice(0, quoteAt).matchAll(/\p{L}+/gu)) {
    if (!isSpeechVerb(m[0])) continue;
    // "who asked not to be named" is about the source, not words of another
    if (/^\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity)\b/i.test(sentence.slice(m.index! + m[0].length))) continue;
    const own = found.find((a) => a.verbIndex === m.index);
    const who = own && own.speaker.kind !== 'pronoun' ? resolveReference(own.speaker, ctx) : null;
    if (!who || !sameSpeaker(who, interviewee)) return true;
  }
  return false;
}

/**
 * Quotations inside the running text. Evidence, strongest first: the quote's own interview note; a speech
 * verb with its subject next to the quote ("X said", "said X", "according to X"); continuation (the next
 * sentence of the same speaker, a paragraph that is all quotation after one that named its speaker, a
 * pronoun whose antecedent is the last person named). A quotation that looks like a person's words but has
 * no evidence is kept unattributed; titles, scare quotes and short fragments are not quotes at all.
 */
function inlineQuotes(
  paragraphs: Paragraph[],
  usable: (i: number) => boolean,
  ctx: Context,
  kindFor: (s: SpeakerMention, note: number | null) => 'interview' | 'quote',
): QuoteDraft[] {
  const out: QuoteDraft[] = [];
  let lastSpeaker: { speaker: SpeakerMention; paragraph: number } | null = null;
  let focal: { speaker: SpeakerMention; paragraph: number } | null = null; // whom the previous paragraph was about
  let open: { draft: QuoteDraft; paragraph: number } | null = null;
  const toldAuthor = new Set<string>(); // speakers the text says spoke to the author or this publication
  const bodyText = paragraphs.map((p) => p.text).join('\n\n');
  const kindOf = (speaker: SpeakerMention, sentence: string, note: number | null) =>
    saidToAuthor(sentence, ctx) || (note === null && toldAuthor.has(speaker.key)) ? 'interview' : kindFor(speaker, note);

  /** The antecedent of "he"/"she" at `offset` of paragraph i: the last speaker, only if the last person named is that speaker. */
  const pronounSpeaker = (i: number, offset: number): SpeakerMention | null => {
    // "Its finance chief, Gareth Lyle, said … . “…,” he said": the speaker of an earlier sentence of this paragraph, nobody named since
    const head = maskQuotations(paragraphs[i].text.slice(0, offset));
    const earlier = findSpeechAttributions(head)
      .filter((a) => a.speaker.kind === 'person' && !a.weak)
      .pop();
    const earlierWho = earlier ? resolveReference(earlier.speaker, ctx) : null;
    if (earlier && earlierWho && earlier.speaker.index < earlier.verbIndex) {
      const sentenceBreak = /[.!?]\s/.test(head.slice(earlier.verbEnd));
      // nobody else named in the paragraph before it either (a pronoun may reach back to them: genders are not known)
      const others = [...(i > 0 ? personMentions(paragraphs[i - 1].text, ctx) : []), ...personMentions(head, ctx)].filter(
        (m) => !m.speaker || !sameSpeaker(m.speaker, earlierWho),
      );
      if (sentenceBreak && !others.length && !/\b(?:he|she|him|her)\b/i.test(head.slice(earlier.verbEnd))) return earlierWho;
    }
    if (!lastSpeaker || i - lastSpeaker.paragraph > 1) return paragraphSubject(maskQuotations(paragraphs[i].text).slice(0, offset), ctx);
    const here = personMentions(paragraphs[i].text.slice(0, offset), ctx);
    const lastNamed = here.length
      ? here[here.length - 1]
      : i > 0 && i - 1 >= lastSpeaker.paragraph
        ? personMentions(paragraphs[i - 1].text, ctx).pop()
        : undefined;
    if (!lastNamed) return lastSpeaker.paragraph === i || lastSpeaker.paragraph === i - 1 ? lastSpeaker.speaker : null;
    if (lastNamed.speaker && sameSpeaker(lastNamed.speaker, lastSpeaker.speaker)) return lastSpeaker.speaker;
    return lastSpeaker.paragraph < i ? paragraphSubject(maskQuotations(paragraphs[i].text).slice(0, offset), ctx) : null;
  };

  /** "he"/"she" resolved, unless the document's titles show that person to be of the other gender. */
  const pronounFor = (pronoun: string, i: number, offset: number): SpeakerMention | null => {
    const who = pronounSpeaker(i, offset);
    return who && !who.anonymous && pronounClashesWithTitle(pronoun, who.name, bodyText) ? null : who;
  };

  /** The person a reporting chain names: a reference, a relation the text bound to a name, or one of a named group. */
  const chainSpeaker = (chain: Exclude<ReportedSpeech, { kind: 'unsettled' }>, i: number, s: number): SpeakerMention | null => {
    if (chain.kind === 'speaker') return chain.ref.kind === 'pronoun' ? pronounFor(chain.ref.name, i, chain.ref.index + s) : resolveReference(chain.ref, ctx);
    if (chain.kind === 'member') return { key: `anon:${chain.descriptor}`, name: chain.descriptor, anonymous: true, role: null, affiliation: null };
    const before = `${i > 0 ? paragraphs[i - 1].text : ''}\n${paragraphs[i].text.slice(0, chain.index + s)}`;
    const name = relationBinding(before, chain.relation);
    return name ? (resolvePersonName(name, ctx) ?? { key: personKey(name), name, anonymous: false, role: null, affiliation: null }) : null;
  };

  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    ctx.here = i;
    if (!usable(i)) {
      if (open) out.push(open.draft);
      open = null;
      continue;
    }
    if (focal && (paragraphs[focal.paragraph]?.sectionIndex !== p.sectionIndex || i - focal.paragraph > 1)) focal = null;
    let from = 0;
    // a quotation that runs on from the paragraph before: this paragraph reopens it
    if (open) {
      const reopen = /^\s*[“"]/.exec(p.text);
      if (reopen && i === open.paragraph + 1) {
        const close = /[”"]/.exec(p.text.slice(reopen[0].length));
        const innerEnd = close ? reopen[0].length + close.index : p.text.length;
        open.draft.text = `${open.draft.text}\n\n${trimQuote(p.text.slice(reopen[0].length, innerEnd))}`;
        open.draft.anchors.push(p.anchor);
        if (close) {
          const note = p.refs.find((r) => r.offset >= innerEnd && r.offset <= innerEnd + 3);
          if (note) open.draft.footnoteNumber = note.number;
          // "“… end,” said Maria Olsen": the speaker named after the closing mark decides over a continuation guess
          const rest = maskQuotations(p.text.slice(innerEnd + 1));
          const named = findSpeechAttributions(rest.split(/(?<=[.!?])\s+/)[0] ?? '').find((a) => Math.min(a.verbIndex, a.speaker.index) <= 4);
          const who = named && named.speaker.kind !== 'pronoun' ? resolveReference(named.speaker, ctx) : named ? open.draft.speaker : null;
          if (named) {
            open.draft.speaker = who;
            open.draft.attribution = who
              ? {
                  method: 'inline',
                  evidence: rest
                    .slice(0, named.speaker.end)
                    .replace(/^[\s,]+/, '')
                    .trim(),
                }
              : null;
            if (who) open.draft.kind = kindOf(who, rest, open.draft.footnoteNumber);
          }
          out.push(open.draft);
          open = null;
          from = innerEnd + 1;
        } else {
          open.paragraph = i;
          continue;
        }
      } else {
        out.push(open.draft);
        open = null;
      }
    }

    const masked = maskQuotations(p.text);
    const sentences = sentenceSpans(p.text, masked);
    const spans = findQuotedSpans(p.text).filter((sp) => sp.start >= from);
    let prevQuote: { speaker: SpeakerMention | null; sentenceEnd: number } | null = null;
    for (const span of spans) {
      const inner = trimQuote(span.inner);
      const words = wordCount(inner);
      const [s, e] = sentences.find(([a, b]) => span.start >= a && span.start < b) ?? [0, p.text.length];
      const sentence = masked.slice(s, e);
      const beforeText = p.text.slice(s, span.start);
      const found = findSpeechAttributions(sentence);
      const before = found.filter((a) => a.verbEnd + s <= span.start && a.speaker.index + s < span.start);
      const nearest = before[before.length - 1];
      // "…,” said Ishii": only a speaker named right after the closing mark
      const after = found.filter((a) => {
        const start = Math.min(a.verbIndex, a.speaker.index) + s;
        // an organisation's acronym may stand before a titled name ("“…,” ACME Developer Jane Doe said")
        const between = p.text.slice(span.end, start);
        return (
          start >= span.end &&
          (start - span.end <= 4 ||
            /^[\s,]*[\p{Lu}\d][\p{Lu}\d&]{1,7}\s+$/u.test(between) ||
            onlyTitles(between) ||
            // "“…,” Dorrance’s lawyer, Ellen Mott, said": a role noun set off before the name
            (a.speaker.kind === 'person' && a.speaker.index < a.verbIndex && ROLE_BEFORE_NAME_AFTER_QUOTE.test(between))) &&
          !/[.!?…]$/.test(span.inner.trim())
        );
      });
      // "in Osei’s words, “…”" names whose words they are; "the words “…”" labels them
      const labelled = LABELLING.test(beforeText) && !/['’]s\s+(?:own\s+)?words\s*[,:]?\s*$/.test(beforeText);
      const gap = nearest ? p.text.slice(Math.max(nearest.verbEnd, nearest.speaker.end) + s, span.start) : '';
      const bareGap = gap.replace(/“[^“”]*”|"[^"]*"/g, ' '); // the speaker's earlier quotations in the clause do not count as distance
      // a verb governs the quotation when only its clause stands between them ("X speculated that they had “…”")
      // a verb governs the quotation when only its clause stands between them ("X speculated that they had “…”"),
      // a colon hands it the quote, or a subjectless verb of the same speaker comes right before ("… but added that “…”")
      const governed =
        !!nearest &&
        !/[.;!?]\s/.test(gap) &&
        !(nearest.weak && gap.trim().length > 12) &&
        !labelled &&
        // a speech verb of its own between them ("… what Roe had told the White House and said, “…”") takes the quote from that subject
        ((wordCount(bareGap) <= 14 &&
          !bareGap.split(/\s+/).some((w, k, all) => isSpeechVerb(w.replace(/[^\p{L}]/gu, '')) && !AFTER_DETERMINER.test(all[k - 1] ?? '')) &&
          // someone else named in a long clause between them may be the one whose words these are
          (wordCount(bareGap) <= 5 || personMentions(bareGap, ctx).length === 0)) ||
          /:\s*$/.test(beforeText) ||
          // "X warned that “…” but added that … “…”": a verb without subject right after X's own quotation
          [...gap.matchAll(/[”"]\s*,?\s+(?:but|and|then)\s+(?:also\s+|later\s+)?(\p{Ll}+)/gu)].some((m) => isSpeechVerb(m[1])));
      const note = p.refs.find((r) => r.offset >= span.end && r.offset <= Math.max(span.end + 3, e + 1));
      const noteInterview = note ? ctx.interviews.get(note.number) : undefined;

      let speaker: SpeakerMention | null = null;
      let evidence = '';
      let method: 'inline' | 'note' = 'inline';
      let unresolvedVerb = false;
      let unresolvedPronoun = false; // "she said" with no antecedent: the quote's own interview note may still name her
      if (after.length) {
        // "“…,” said X" / "“…,” X said": the speaker named right after the closing mark
        const ref = after[0].speaker;
        speaker = ref.kind === 'pronoun' ? pronounFor(ref.name, i, span.start) : resolveReference(ref, ctx);
        evidence = p.text
          .slice(span.end, Math.max(after[0].verbEnd, ref.end) + s)
          .replace(/^[\s,]+/, '')
          .trim();
        // "“…,” Ms. Rask said": not when the surname may be a relative's or the document gives it to a man and a woman
        const titleGap = p.text.slice(span.end, ref.index + s);
        if (speaker && onlyTitles(titleGap) && titledSurnameAmbiguous(bodyText, ref.name.split(/\s+/).pop() ?? '')) speaker = null;
        // "Rask called the plan “…,” Dorrance said": another person named before the quotation in its sentence may own the words
        if (speaker && personMentions(maskQuotations(beforeText), ctx).some((m) => !m.speaker || !sameSpeaker(m.speaker, speaker!))) speaker = null;
        // a comma inside the closing mark hands the quote to what follows; otherwise the verb may begin a new clause
        unresolvedVerb = !speaker && /,\s*$/.test(span.inner);
        unresolvedPronoun = unresolvedVerb && ref.kind === 'pronoun';
      }
      if (!speaker && !unresolvedVerb && governed) {
        const ref = nearest.speaker;
        if (ref.kind === 'pronoun') {
          // "Kishida argued that … he thinks that “…”": the person named earlier in the sentence, else the last speaker
          const earlier = before
            .slice(0, -1)
            .reverse()
            .find((a) => a.speaker.kind === 'person');
          speaker = earlier ? resolveReference(earlier.speaker, ctx) : pronounFor(ref.name, i, ref.index + s);
        } else speaker = resolveReference(ref, ctx);
        evidence = p.text.slice(Math.min(ref.index, nearest.verbIndex) + s, nearest.verbEnd + s).trim();
        unresolvedVerb = !speaker;
      }
      // the reporting chain (./reported-speech.ts) names the innermost speaker; where it cannot, nobody is named
      const chain = !after.length && (!labelled || DESCRIBED_AS.test(beforeText)) ? reportedSpeaker(sentence, span.start - s, found) : null;
      if (chain?.kind === 'unsettled') {
        speaker = null;
        unresolvedVerb = true;
      } else if (chain) {
        const who = chainSpeaker(chain, i, s);
        // a subject inside the clause the other verb reports is the innermost speaker ("X recalled that … Y … and said “…”")
        const at = chain.kind === 'speaker' ? chain.ref.index : chain.index;
        const chainEvidence = p.text
          .slice(Math.min(at, chain.verbIndex) + s, (chain.kind === 'speaker' ? Math.max(chain.verbEnd, chain.ref.end) : chain.verbEnd) + s)
          .trim();
        const inner = !!who && !!speaker && !!nearest && at > nearest.verbEnd && at > nearest.speaker.end;
        if (inner) {
          speaker = who;
          evidence = chainEvidence;
        } else if (!who || (speaker && !sameSpeaker(speaker, who))) {
          if (speaker) unresolvedVerb = true;
          if (speaker || !who) speaker = null;
        } else if (!speaker) {
          speaker = who;
          evidence = chainEvidence;
          unresolvedVerb = false;
        }
      }
      // "“…” (interview with Amara Osei, 5 May 2021)", "“…” (Osei, interview, 2021)": an interview cited in brackets
      const cited = noteInterview ? null : parentheticalInterview(p.text.slice(span.end));
      const citedWho = cited ? resolvePersonName(cited.name, ctx) : null;
      let citedInterview = false;
      if (cited) {
        if (!citedWho || (speaker && !sameSpeaker(speaker, citedWho))) speaker = null;
        else if (!unresolvedVerb || speaker) {
          speaker = speaker ?? citedWho;
          evidence = evidence || cited.evidence;
          citedInterview = true;
        }
      }
      if (noteInterview) {
        if (speaker && !sameSpeaker(speaker, noteInterview.speaker))
          speaker = null; // the note and the text disagree
        else if (!speaker && (!unresolvedVerb || unresolvedPronoun) && !anotherVoice(sentence, span.start - s, found, noteInterview.speaker, ctx)) {
          speaker = noteInterview.speaker;
          evidence = noteInterview.text;
          method = 'note';
        }
      }
      // "Lewis highlighted … and encouraged …, “…”": a quotation closing a sentence that the last speaker opens as its
      // subject with a speech verb, nobody else named in it, is still theirs (a long clause is no other speaker)
      if (!speaker && !unresolvedVerb && nearest && lastSpeaker && i - lastSpeaker.paragraph <= 1 && before[0]?.speaker.index === 0) {
        const subject = before[0].speaker.kind === 'person' ? resolveReference(before[0].speaker, ctx) : null;
        const closes = /^[\s.!?…]*$/.test(p.text.slice(span.end, e));
        const others = personMentions(gap, ctx).filter((m) => !m.speaker || !subject || !sameSpeaker(m.speaker, subject));
        // "Holm recalled that a delegate once told him, “…”": a speech verb of another subject in between hands the quote on
        const gapWords = gap.split(/\s+/).map((w) => w.replace(/[^\p{L}]/gu, ''));
        const otherVerb = gapWords.some((w, k) => isSpeechVerb(w) && !/^(?:and|but|then|also|later)$/i.test(gapWords[k - 1] ?? ''));
        if (subject && sameSpeaker(subject, lastSpeaker.speaker) && closes && /,\s*$/.test(beforeText) && !others.length && !otherVerb && !/[”"]/.test(gap)) {
          speaker = subject;
          evidence = p.text.slice(s, before[0].verbEnd + s).trim();
        }
      }
      // continuation: a sentence that is only a quotation, right after a quotation of a named speaker
      const wholeSentence = /^\s*$/.test(p.text.slice(s, span.start)) && !found.length;
      if (!speaker && !unresolvedVerb && wholeSentence && prevQuote?.speaker && p.text.slice(prevQuote.sentenceEnd, s).trim() === '') {
        speaker = prevQuote.speaker;
        evidence = 'continues the quotation before it';
      }
      // a paragraph that is all quotation continues the person the paragraph before was about
      const wholeParagraph = span.start <= 1 && span.end >= p.text.replace(/\s+$/, '').length - 1;
      if (!speaker && !unresolvedVerb && wholeParagraph && focal) {
        speaker = focal.speaker;
        evidence = `continues ${focal.speaker.name} from the paragraph before`;
      }

      if (speaker && organisationSpeaks(sentence)) speaker = null;
      const minWords = speaker ? 2 : MIN_INLINE_QUOTE_WORDS;
      const titled = looksLikeTitle(inner, p.text.slice(Math.max(0, span.start - 40), span.start));
      if (words < minWords || titled || (!speaker && (labelled || !soundsSpoken(inner)))) {
        prevQuote = null;
        continue;
      }
      const kind = speaker ? (citedInterview ? 'interview' : kindOf(speaker, sentence, note?.number ?? null)) : 'quote';
      const lead = p.text.slice(s, span.start).trim();
      const draft: QuoteDraft = {
        kind,
        text: inner,
        anchors: [p.anchor],
        sectionIndex: p.sectionIndex,
        speaker,
        attribution: speaker ? { method, evidence: evidence || p.text.slice(s, e).trim() } : null,
        footnoteNumber: note?.number ?? null,
        leadIn: lead || null,
        line: p.line,
      };
      out.push(draft);
      if (speaker) lastSpeaker = { speaker, paragraph: i };
      prevQuote = { speaker, sentenceEnd: e };
    }

    // a quotation opened and not closed in this paragraph runs on into the next one
    const openAt = openQuoteAtEnd(p.text);
    if (openAt !== null && openAt >= from && i + 1 < paragraphs.length && /^\s*[“"]/.test(paragraphs[i + 1].text)) {
      const [s] = sentences.find(([a, b]) => openAt >= a && openAt < b) ?? [0];
      const sentence = masked.slice(s);
      const found = findSpeechAttributions(sentence);
      const startsSentence = p.text.slice(s, openAt).trim() === '';
      let speaker: SpeakerMention | null = null;
      if (found.length) {
        const ref = found[found.length - 1].speaker;
        speaker = ref.kind === 'pronoun' ? pronounFor(ref.name, i, openAt) : resolveReference(ref, ctx);
      } else if (startsSentence && prevQuote?.speaker) speaker = prevQuote.speaker;
      else if (startsSentence && openAt <= 1 && focal) speaker = focal.speaker;
      open = {
        paragraph: i,
        draft: {
          kind: speaker ? kindFor(speaker, null) : 'quote',
          text: trimQuote(p.text.slice(openAt + 1)),
          anchors: [p.anchor],
          sectionIndex: p.sectionIndex,
          speaker,
          attribution: speaker
            ? {
                method: 'inline',
                evidence: found.length ? lastSentence(p.text.slice(0, openAt)) || p.text.slice(s).trim() : 'continues the quotation before it',
              }
            : null,
          footnoteNumber: null,
          leadIn: p.text.slice(s, openAt).trim() || null,
          line: p.line,
        },
      };
    }

    // whom this paragraph is about, for a quotation paragraph after it: its last speech verb's subject, else the person its last sentence opens with
    const allFound = findSpeechAttributions(masked);
    let about: SpeakerMention | null = null;
    for (const a of allFound) {
      const ref = a.speaker;
      const who = ref.kind === 'pronoun' ? pronounSpeaker(i, ref.index) : resolveReference(ref, ctx);
      about = who;
      if (who) lastSpeaker = { speaker: who, paragraph: i };
    }
    // "According to X, Y was angry." / "X recalled that Y …": a quotation paragraph after it may be either's words
    const lastFound = allFound[allFound.length - 1];
    const [fs, fe] = lastFound ? (sentences.find(([a, b]) => lastFound.verbIndex >= a && lastFound.verbIndex < b) ?? [0, masked.length]) : [0, 0];
    const reportsOther =
      !!lastFound && reportsOnAnother(masked.slice(fs, fe), findSpeechAttributions(masked.slice(fs, fe)), (t) => personMentions(t, ctx).length > 0);
    if (reportsOther) about = null;
    if (!about && !spans.length && !reportsOther) {
      const last = sentences[sentences.length - 1];
      const opening = last ? p.text.slice(last[0], last[1]) : '';
      const mentions = personMentions(opening, ctx);
      const first = mentions[0];
      // only a name that opens the sentence as its subject ("Another expert, Bong Young-shik from …"), not one inside a clause
      const prefix = first ? opening.slice(0, first.at) : '';
      if (
        first?.speaker &&
        /^\s*(?:[\p{L}-]+\s+){0,2}(?:[\p{L}-]+,\s+)?$/u.test(prefix) &&
        mentions.every((m) => m === first || !m.speaker || sameSpeaker(m.speaker, first.speaker!) || m.at > first.at)
      )
        about = first.speaker;
      if (about) lastSpeaker = { speaker: about, paragraph: i };
    }
    if (about && saidToAuthor(masked, ctx)) toldAuthor.add(about.key);
    focal = about ? { speaker: about, paragraph: i } : null;
  }
  if (open) out.push(open.draft);
  return out;
}
