import { nameAfterTitle } from './news-style';
import type { SpeakerMention } from './types';

/** Verbs that introduce what someone said or wrote (present, past and -ing forms). */
const SPEECH_VERB_STEMS = [
  'argue',
  'explain',
  'note',
  'posit',
  'add',
  'point out',
  'state',
  'say',
  'said',
  'warn',
  'observe',
  'comment',
  'stress',
  'emphasize',
  'emphasise',
  'suggest',
  'contend',
  'maintain',
  'insist',
  'caution',
  'recall',
  'conclude',
  'tell',
  'told',
  'write',
  'wrote',
  'remark',
  'summarize',
  'summarise',
  'assert',
  'claim',
  'elaborate',
  'describe',
  'acknowledge',
  'declare',
  'reply',
  'answer',
  'continue',
  'reiterate',
  'put it',
  'highlight',
  'underline',
  'underscore',
  'admit',
  'confirm',
  'predict',
  'recount',
  'mention',
  'observe',
  'agree',
  'believe',
  'think',
  'report',
  'speculate',
  'respond',
  'ask',
  'testify',
  'recollect',
  'exclaim',
  'announce',
  'shout',
  'tweet',
  'post',
  'complain',
  'concede',
  'joke',
  'repeat',
  'document',
];
const NOUN_LIKE_STEMS = new Set(['post', 'report', 'document', 'tweet', 'joke', 'answer', 'claim', 'remark', 'comment', 'note', 'reply']);
const VERB_FORMS = SPEECH_VERB_STEMS.flatMap((v) => {
  if (['said', 'told', 'wrote'].includes(v)) return [v];
  if (v === 'say') return ['says', 'say', 'saying'];
  if (v === 'tell') return ['tells', 'telling'];
  if (v === 'write') return ['writes', 'writing'];
  if (v === 'think') return ['thinks', 'thought'];
  if (v === 'testify') return ['testifies', 'testified', 'testifying', 'testify'];
  const [head, ...rest] = v.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const stem = head.endsWith('e') ? head.slice(0, -1) : head;
  const past = head.endsWith('e') ? `${head}d` : head === 'reply' ? 'replied' : `${head}ed`;
  const third = head.endsWith('s') || head.endsWith('sh') ? `${head}es` : head === 'reply' ? 'replies' : `${head}s`;
  const ing = head === 'reply' ? 'replying' : `${stem}ing`;
  // "a blog post", "the report", "an answer": the bare form of these verbs is far more often a noun
  if (NOUN_LIKE_STEMS.has(head)) return [third + tail, past + tail, ing + tail];
  return [third + tail, past + tail, ing + tail, head + tail];
});
const VERB_ALT = [...new Set(VERB_FORMS)]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/ /g, '\\s+'))
  .join('|');
/** Weak verbs ("thinks", "believes") attribute only when a quotation follows directly. */
const WEAK_VERBS = /^(?:thinks|thought|believes|believed|believe|believing|agrees|agreed|agree|continues|continued|continue|continuing)$/;

/** Words that look capitalised but are not part of a person's name. */
const NOT_NAME = new Set(
  (
    'As Although But And While However Then This That These Those The A An In On For With Moreover Also Thus Still Yet Indeed ' +
    'According If When Where After Before Since Because So Even Finally First Second Third Importantly Notably Crucially ' +
    'Interestingly Nonetheless Nevertheless Meanwhile Similarly Likewise Instead Here There It Its Their His Her Our We They He She ' +
    'Former Then Current Late Prime Minister Foreign Secretary President Vice General Chief Ambassador Professor Prof Dr Mr Mrs Ms Sir ' +
    'Lord Lady King Queen Emperor Chancellor Senator Governor Director Chairman Chair Deputy Defense Defence Minister Ministry Japanese ' +
    'Judge Justice Mayor Councillor Councilor Commissioner Inspector Captain Colonel General Admiral Sergeant Rev Reverend Father Sister ' +
    'Japan European Europe Chinese China American America Russian Russia Korean Korea British French German NATO EU UN US U.S. ' +
    'Tokyo Beijing Washington Brussels Moscow Secretary-General Analyst Analysts Official Officials Security Strategy Concept ' +
    'Declaration Strategy Council Agreement Treaty Committee Report Paper Summit Government Administration Alliance Organization ' +
    'Organisation Union Office Party Parliament Diet Forces Force Army Navy Command Group Center Centre Institute University Review ' +
    'Journal Times News Post Conference Meeting Program Programme Partnership Dialogue Initiative Vision Plan Law Act Article ' +
    'Constitution Charter Statement Communique Guidelines Doctrine White Survey Study Embassy State States Kingdom Republic Sea ' +
    'Under During Following Despite Unlike Like Given Considering Regarding Without Within Through Between Among Against Upon Over ' +
    'By At To From Of Not Only Both Each Every All Many Most Some Such Other Another No Yes What Which Who Why How Once Now Today ' +
    'Recently Later Earlier Currently Historically Predictably Significantly Ultimately Eventually Additionally Furthermore ' +
    'Consequently Therefore Hence Accordingly Assessing Working Exploring Originally Perhaps Just Recall Overriding Beyond ' +
    'Germany France Italy Spain Britain England Scotland India Australia Canada Taiwan Indonesia Philippines Vietnam Singapore ' +
    'Malaysia Thailand Ukraine Poland Netherlands Belgium Israel Iran Iraq Turkey Brazil Mexico Pakistan Afghanistan Mongolia ' +
    'Zealand Kong Lanka Arabia Africa Asia Pacific Atlantic Indo-Pacific Okinawa Kyiv Seoul Pyongyang Canberra Delhi Paris Berlin ' +
    'London Rome Ottawa Manila Hanoi Jakarta Taipei Ministry Cabinet Kantei Diet Pentagon Kremlin Parliament Congress Senate ' +
    'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday'
  ).split(/\s+/),
);
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'le', 'la', 'bin', 'al', 'ter']);
const ANON_NOUNS =
  'officials?|diplomats?|officers?|sources?|experts?|analysts?|commentators?|specialists?|scholars?|researchers?|advisors?|advisers?|spokes(?:person|man|woman)|representatives?|insiders?|civil servants?';
/** In an interview note, "Interview with a regional director of X" can only be an unnamed person, so more job nouns count. */
export const NOTE_ANON_NOUNS = `${ANON_NOUNS}|directors?|managers?|engineers?|employees?|staffers?|executives?|economists?|lawyers?|members?`;
/** A name word, an initial, or a social-media handle ("@jdoe"), which names one person by itself. */
const NAME_TOKEN = /^(?:(?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*|\p{Lu}\.|@[\p{L}\p{N}_-]+)$/u;

/** Titles written with a full stop ("Mr.", "Dr."): skipped before a name like the titles above. */
const DOTTED_TITLE = /^(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Adm|Gov|Sen|Rep|Sgt|Capt|Rev|Hon)\.$/;

/** A capitalised word that is not part of a person's name ("However", "Ministry", "January"). */
export function isNotNameWord(word: string): boolean {
  return NOT_NAME.has(word) || DOTTED_TITLE.test(word);
}

/** Every speech verb in a text, with or without a subject: the reporting chain reads them all. */
export function speechVerbMatches(text: string): { index: number; end: number; verb: string }[] {
  return [...text.matchAll(new RegExp(`\\b(${VERB_ALT})\\b`, 'gi'))].map((m) => ({ index: m.index!, end: m.index! + m[0].length, verb: m[1].toLowerCase() }));
}

/** "told"/"asked" take the person spoken to as their object: "… and told Roe, “…”" names the listener, never the speaker. */
export const ADDRESS_VERB = /^(?:tells?|told|telling|ask(?:s|ed|ing)?|inform(?:s|ed|ing)?)$/i;

export function isSpeechVerb(word: string): boolean {
  return new RegExp(`^(?:${VERB_ALT})$`, 'i').test(word);
}

export interface SpeakerReference {
  kind: 'person' | 'anonymous' | 'pronoun' | 'role'; // role: "the President", resolved through the titles the document gives its people
  name: string; // person: tokens as written without titles; anonymous: the descriptor
  org: string | null; // anonymous sources: the organisation named with them
  appositive: string | null; // "a former Japanese ambassador to NATO"
  index: number; // where the reference starts in the searched text
  end: number;
}

/** Collects the person-name tokens that end right before `end` in `text`, walking backwards. */
function nameBefore(text: string, end: number): { name: string; start: number } | null {
  const head = text.slice(0, end).replace(/\s+$/, '');
  const tokens = [...head.matchAll(/[^\s,;:()“”"]+/g)];
  const picked: { t: string; i: number }[] = [];
  for (let k = tokens.length - 1; k >= 0 && picked.length < 5; k--) {
    const tok = tokens[k][0].replace(/['’]s$/, '');
    const gapAfter = head.slice(tokens[k].index! + tokens[k][0].length, picked.length ? picked[picked.length - 1].i : head.length);
    if (picked.length && /[,;:()“”"]/.test(gapAfter)) break;
    if (NAME_TOKEN.test(tok) && !NOT_NAME.has(tok)) picked.push({ t: tok, i: tokens[k].index! });
    else if (PARTICLES.has(tok) && picked.length) picked.push({ t: tok, i: tokens[k].index! });
    else break;
  }
  while (picked.length && PARTICLES.has(picked[picked.length - 1].t)) picked.pop();
  if (!picked.length) return null;
  picked.reverse();
  return { name: picked.map((p) => p.t).join(' '), start: picked[0].i };
}

/** Collects a person name that starts at `start` in `text` ("says Saya Kiba:"). */
function nameAfter(text: string, start: number): { name: string; end: number } | null {
  const re = /\s*([^\s,;:()“”".]+(?:\.(?=\s\p{Lu}))?)/uy;
  const picked: string[] = [];
  let pos = start;
  let end = start;
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    const tok = m[1];
    if (NAME_TOKEN.test(tok) && !NOT_NAME.has(tok)) picked.push(tok);
    else if (PARTICLES.has(tok) && picked.length) picked.push(tok);
    else if (!picked.length && ((NOT_NAME.has(tok) && /^\p{Lu}/u.test(tok)) || DOTTED_TITLE.test(`${tok}.`) || DOTTED_TITLE.test(tok))) {
      // titles before a name: "said Foreign Minister Hayashi"
      pos = re.lastIndex;
      continue;
    } else break;
    pos = re.lastIndex;
    end = pos;
    if (picked.length >= 4) break;
  }
  while (picked.length && PARTICLES.has(picked[picked.length - 1])) picked.pop();
  return picked.length ? { name: picked.join(' '), end } : null;
}

/** An institution written in lower case: "the water ministry", "the foreign office". */
const LOWER_ORG_SRC = '(?:[\\p{Ll}-]+\\s+){0,2}(?:ministry|department|agency|embassy|government|police|army|navy|commission|council|office|authority|board)';
const ORG_PHRASE_SRC = `(?:\\p{Lu}[\\p{L}’'.-]*)(?:\\s+(?:of|and|for|the|on|\\p{Lu}[\\p{L}’'.-]*))*(?:\\s+\\([\\p{Lu}]{2,}\\))?`;
const ANON_BEFORE = new RegExp(
  `\\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he|[Tt]wo|[Ss]everal)\\s+(?:[\\p{Ll}-]+\\s+){0,2}(?:${ORG_PHRASE_SRC}\\s+)?(?:${ANON_NOUNS})(?:\\s+(?:at|of|from|for|in|with)\\s+(?:the\\s+)?(?:${ORG_PHRASE_SRC}|${LOWER_ORG_SRC}))?\\s*$`,
  'u',
);

const ANON_AFTER = new RegExp(
  `^\\s+(?:by\\s+)?((?:an?|one|another|the)\\s+(?:[\\p{L}-]+\\s+){0,3}(?:${ANON_NOUNS})(?:\\s+(?:at|of|from|for|in|with)\\s+(?:the\\s+)?(?:${ORG_PHRASE_SRC}|${LOWER_ORG_SRC}\\b))?)`,
  'u',
);

const INSTITUTION_WORD =
  /\b(?:Ministry|Department|Office|Agency|Council|Institute|University|Commission|Bureau|Embassy|Command|Government|Secretariat|Party|Forces?|Service|Directorate|Administration|Cabinet|Parliament|Assembly|Centre|Center|Foundation|Corporation|Company|Bank|Authority|Committee|Headquarters)\b/;

/** The role noun and organisation of an anonymous source: "a senior official at the Ministry of X", "one MFA official", "a Ministry of X official". */
export function parseAnonymousDescriptor(text: string, nouns = ANON_NOUNS): { noun: string; org: string | null } | null {
  const m = new RegExp(`\\b(${nouns})\\b`, 'i').exec(text);
  if (!m) return null;
  const noun = m[1].toLowerCase().replace(/s$/, '');
  const after = /^\s+(?:at|of|from|for|in|with)\s+(?:the\s+)?(.+?)[.,;]?\s*$/.exec(text.slice(m.index + m[0].length));
  if (after) return { noun, org: after[1].trim() };
  const withAdjectives = text
    .slice(0, m.index)
    .replace(/^\s*(?:an?|one|another|the|two|several)\s+/i, '')
    .replace(/^(?:senior|junior|former|top|high-ranking|chief)\s+/i, '')
    .trim();
  if (LOWER_INSTITUTION.test(withAdjectives)) return { noun, org: withAdjectives };
  const before = withAdjectives.replace(/^(?:[\p{Ll}-]+\s+)+/u, '').trim();
  // before the noun, only an acronym or an institution's name ("Ministry of X") is an organisation, not "European"
  const org = /^\p{Lu}{2,8}$/u.test(before) || (/^\p{Lu}/u.test(before) && INSTITUTION_WORD.test(before)) || LOWER_INSTITUTION.test(before) ? before : null;
  return { noun, org };
}

/** "defense ministry spokesman": an institution written in lower case still names the source's organisation. */
const LOWER_INSTITUTION = /^(?:[\p{L}-]+\s+){0,3}(?:ministry|department|agency|embassy|government|police|army|navy|military|foreign office|commission)$/u;

/** Words of a title that may stand for its holder: "the President", "the Prime Minister", "the Chief Judge". */
export const ROLE_WORDS = new Set(
  (
    'President President-Elect Vice Prime Minister Secretary General Attorney Director Deputy Ambassador Judge Chief Justice Senator ' +
    'Governor Chairman Chairwoman Chair Counsel Adviser Advisor Chancellor Mayor Commissioner Speaker Premier Foreign Defense Defence ' +
    'National Security Acting Special Assistant Press Spokesperson Spokesman Spokeswoman Captain Colonel Admiral Professor'
  ).split(/\s+/),
);
const ROLE_SUBJECT = /\b[Tt]he\s+((?:[\p{Lu}][\p{L}-]*\s+){0,3}[\p{Lu}][\p{L}-]*)$/u;

/** ", a former ambassador to NATO," / ", who leads the unit," / ", chief executive of X," / ", Director of X," before the verb. */
const APPOSITIVE_BEFORE_VERB = new RegExp(`,\\s+((?:a|an|the|who|whose|former|\\p{Ll}[\\p{Ll}-]+|(?:${[...ROLE_WORDS].join('|')}))\\s+[^,]{3,90}),\\s*$`, 'u');

const NAME_APPOSITIVE = /\p{Ll}[\p{Ll}-]+,\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}),$/u;
const OF_ORG_AT_END = new RegExp(`\\s+(?:of|at|from)\\s+(?:the\\s+)?${ORG_PHRASE_SRC}$`, 'u');

/** What stands right before a speech verb: a name, an anonymous source, or a pronoun. */
function subjectBefore(text: string, verbStart: number): SpeakerReference | null {
  let head = text.slice(0, verbStart);
  // auxiliaries and adverbs between subject and verb: "Kishida has in fact argued", "Aso would warn"
  const aux =
    /(?:\s+(?:would|will|has|have|had|also|further|then|later|once|repeatedly|rightly|correctly|has\s+been|in\s+fact|recently|previously|again|aptly|still|even|clearly|succinctly|candidly))+\s*$/i.exec(
      head,
    );
  if (aux) head = head.slice(0, aux.index);
  head = head.replace(/\s+$/, '');
  const pronoun = /(?:^|[\s,;(])(he|she|He|She)$/.exec(head);
  if (pronoun) return { kind: 'pronoun', name: pronoun[1], org: null, appositive: null, index: head.length - pronoun[1].length, end: head.length };
  const role = ROLE_SUBJECT.exec(head);
  if (role?.[1].split(/\s+/).every((w) => ROLE_WORDS.has(w)))
    return { kind: 'role', name: role[1], org: null, appositive: null, index: role.index, end: head.length };
  const anon = ANON_BEFORE.exec(head);
  if (anon) {
    const descriptor = parseAnonymousDescriptor(anon[0]);
    return { kind: 'anonymous', name: anon[0].trim(), org: descriptor?.org ?? null, appositive: null, index: anon.index, end: head.length };
  }
  // "Ishii Masafumi, a former Japanese ambassador to NATO, explained"; "Jane Doe, who leads the unit, said"
  // also a bare role ("Jonas Ekberg, chief executive of Baltic Reefer Lines, told"; "…, Director of the Harbour Trust, said")
  const appos = APPOSITIVE_BEFORE_VERB.exec(head);
  if (appos) {
    const n = nameBefore(head, appos.index);
    if (n) return { kind: 'person', name: n.name, org: null, appositive: appos[1], index: n.start, end: head.length };
    // "A senior official at the ministry, who asked not to be named, said"
    const anonAppos = ANON_BEFORE.exec(head.slice(0, appos.index));
    if (anonAppos && /^who\s+(?:asked|spoke|requested|declined|was\s+not|is\s+not|did\s+not)\b/.test(appos[1])) {
      const descriptor = parseAnonymousDescriptor(anonAppos[0]);
      return { kind: 'anonymous', name: anonAppos[0].trim(), org: descriptor?.org ?? null, appositive: null, index: anonAppos.index, end: head.length };
    }
  }
  // "Dorrance's lawyer, Ellen Mott, said": a full name set off after a role noun is the subject
  const named = NAME_APPOSITIVE.exec(head);
  if (named?.[1].split(/\s+/).every((t) => NAME_TOKEN.test(t) && !NOT_NAME.has(t)))
    return { kind: 'person', name: named[1], org: null, appositive: null, index: named.index + named[0].indexOf(named[1]), end: head.length };
  // a comma right before the verb closes a clause ("…the Joint Declaration, noting"): no subject there
  if (/,$/.test(head)) return null;
  // "Judge Helen Ward of the Eastern District wrote": the institution after the name is not part of it
  const ofOrg = OF_ORG_AT_END.exec(head);
  const atOrg = ofOrg ? nameBefore(head, ofOrg.index) : null;
  if (atOrg && atOrg.name.split(/\s+/).length >= 2)
    return { kind: 'person', name: atOrg.name, org: null, appositive: null, index: atOrg.start, end: head.length };
  const n = nameBefore(head, head.length);
  // "A colleague of Amara Osei said": a name after a preposition is not the subject
  if (n && /\b(?:of|for|to|with|by|about|from|against|behalf\s+of)\s+$/i.test(head.slice(0, n.start))) return null;
  return n ? { kind: 'person', name: n.name, org: null, appositive: null, index: n.start, end: head.length } : null;
}

export interface SpeechAttribution {
  speaker: SpeakerReference;
  verbIndex: number;
  verbEnd: number;
  weak: boolean;
}

/**
 * Finds every "speaker + speech verb" pairing in a sentence: "As Koga explains", "Ken Jimbo argues
 * that", "says Saya Kiba", "explained Ishii", "according to Sato", "Kishida's assertion that".
 */
export function findSpeechAttributions(sentence: string): SpeechAttribution[] {
  const found: SpeechAttribution[] = [];
  const verbRe = new RegExp(`\\b(${VERB_ALT})\\b`, 'gi');
  for (const m of sentence.matchAll(verbRe)) {
    const vStart = m.index!;
    const vEnd = vStart + m[0].length;
    const weak = WEAK_VERBS.test(m[1].toLowerCase());
    const subject = subjectBefore(sentence, vStart);
    if (subject) {
      found.push({ speaker: subject, verbIndex: vStart, verbEnd: vEnd, weak });
      continue;
    }
    // inverted order: "says Saya Kiba:", "explained Ishii,", "as argued by Jimbo", "said a ministry spokesman"
    const rest = sentence.slice(vEnd);
    const anonAfter = ANON_AFTER.exec(rest);
    if (anonAfter) {
      const descriptor = parseAnonymousDescriptor(anonAfter[1]);
      found.push({
        speaker: { kind: 'anonymous', name: anonAfter[1].trim(), org: descriptor?.org ?? null, appositive: null, index: vEnd, end: vEnd + anonAfter[0].length },
        verbIndex: vStart,
        verbEnd: vEnd,
        weak,
      });
      continue;
    }
    const by = /^\s+by\s+/.exec(rest);
    const after = nameAfter(sentence, vEnd + (by ? by[0].length : 0));
    // "told X" names the listener; "asked X" names the speaker only right after the question ("“…?” asked X")
    const addressed = !by && ADDRESS_VERB.test(m[1]) && !(/^ask/i.test(m[1]) && /[”"]\s*,?\s*$/.test(sentence.slice(0, vStart)));
    if (after && !addressed) {
      const tail = sentence.slice(after.end);
      // "said Roe needed to …": a name followed by its own verb is the subject of the reported clause, not the speaker
      if (!/^\s*(?:[,.;:!?)\]”"’—–]|$|\s+(?:of|from|at|in|on|to|for|who|when|after|before|during|last|this|yesterday|today)\b)/.test(tail)) continue;
      // a list of names ("by Jimbo, Matsuda, and Goroku") names no single speaker
      if (/^\s*,\s*\p{Lu}[\p{Ll}]+\s*(?:,|and\b)/u.test(tail) || /^\s+and\s+\p{Lu}/u.test(tail)) continue;
      found.push({
        speaker: { kind: 'person', name: after.name, org: null, appositive: null, index: vEnd, end: after.end },
        verbIndex: vStart,
        verbEnd: vEnd,
        weak,
      });
    }
  }
  for (const m of sentence.matchAll(/\b(?:according to|in the (?:judgment|judgement|words|view) of)\s+/gi)) {
    const after = nameAfter(sentence, m.index! + m[0].length);
    if (after)
      found.push({
        speaker: { kind: 'person', name: after.name, org: null, appositive: null, index: m.index!, end: after.end },
        verbIndex: m.index!,
        verbEnd: m.index! + m[0].length,
        weak: false,
      });
  }
  // "in Osei’s words, “…”", "in Osei’s own words:"
  for (const m of sentence.matchAll(/\b[Ii]n\s+((?:\p{Lu}[\p{L}-]+\s+){0,2}\p{Lu}[\p{L}-]+)['’]s\s+(?:own\s+)?words\b/gu)) {
    const n = nameBefore(sentence, m.index! + m[0].indexOf(m[1]) + m[1].length);
    if (n)
      found.push({
        speaker: { kind: 'person', name: n.name, org: null, appositive: null, index: n.start, end: n.start + n.name.length },
        verbIndex: m.index!,
        verbEnd: m.index! + m[0].length,
        weak: false,
      });
  }
  for (const m of sentence.matchAll(/['’]s\s+(?:assertion|remark|remarks|words|statement|claim|warning|argument|observation|conclusion|view)\s+that\b/gi)) {
    const n = nameBefore(sentence, m.index!);
    if (n)
      found.push({
        speaker: { kind: 'person', name: n.name, org: null, appositive: null, index: n.start, end: m.index! },
        verbIndex: m.index!,
        verbEnd: m.index! + m[0].length,
        weak: false,
      });
  }
  return found.sort((a, b) => a.verbIndex - b.verbIndex);
}

/** Organisation acronyms a document defines: "Ministry of Foreign Affairs (MFA)" → MFA. */
export function findAcronyms(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(/((?:\p{Lu}[\p{L}’'-]*)(?:\s+(?:of|and|for|the|on|\p{Lu}[\p{L}’'-]*))+)\s+\((\p{Lu}{2,8})\)/gu)) {
    const words = m[1].split(/\s+/);
    const acronym = m[2];
    // keep the shortest tail of the phrase whose initials spell the acronym
    for (let i = 0; i < words.length; i++) {
      const phrase = words.slice(i).join(' ');
      const initials = words
        .slice(i)
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w[0])
        .join('');
      const allInitials = words
        .slice(i)
        .map((w) => w[0].toUpperCase())
        .join('');
      if (initials === acronym || allInitials === acronym) {
        map.set(phrase.toLowerCase(), acronym);
        break;
      }
    }
  }
  return map;
}

function titleCase(s: string): string {
  return s.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** Canonical identity for an anonymous source: role noun plus organisation (acronym where known). */
export function anonymousMention(
  descriptor: string,
  org: string | null,
  acronyms: Map<string, string>,
  fullOrg?: string | null,
  nouns = ANON_NOUNS,
): SpeakerMention | null {
  const parsed = parseAnonymousDescriptor(descriptor, nouns);
  if (!parsed) return null;
  const noun = parsed.noun;
  const orgName = (org ?? parsed.org)?.replace(/^the\s+/i, '').trim() || null;
  // unnamed sources with no organisation ("one analyst") cannot be told apart, so they are not speakers
  if (!orgName) return null;
  const bare = orgName.replace(/\s*\((\p{Lu}{2,8})\)$/u, '');
  const inParens = /\((\p{Lu}{2,8})\)$/u.exec(orgName)?.[1];
  const acronym = /^\p{Lu}{2,8}$/u.test(bare) ? bare : (inParens ?? acronyms.get(bare.toLowerCase()) ?? null);
  const key = `anon:${noun}|${(acronym ?? bare).toLowerCase()}`;
  const expanded = acronym ? [...acronyms.entries()].find(([, a]) => a === acronym)?.[0] : null;
  const affiliation = fullOrg ?? (expanded ? `${titleCaseWords(expanded)} (${acronym})` : bare);
  return {
    key,
    name: acronym ? `${acronym} ${noun}` : `${titleCase(noun)}, ${bare}`,
    anonymous: true,
    role: null,
    affiliation,
  };
}

function titleCaseWords(s: string): string {
  return s.replace(/\b(\p{Ll})(\p{L}*)/gu, (w, a: string, b: string) => (['of', 'and', 'for', 'the', 'on'].includes(w) ? w : a.toUpperCase() + b));
}

export function personKey(name: string): string {
  return `person:${name.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim()}`;
}

/** Damerau-Levenshtein distance (optimal string alignment): "Tusyoshi" ~ "Tsuyoshi" is 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t && !PARTICLES.has(t) && !/^\p{L}\.$/u.test(t));
}

/**
 * Whether two written forms can be the same person: same tokens in any order ("Abe Shinzo" /
 * "Shinzo Abe"), or a shared surname with a given name one typo away ("Tusyoshi" / "Tsuyoshi").
 */
export function sameFullName(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length < 2 || tb.length < 2) return false;
  const sa = [...ta].sort().join(' ');
  const sb = [...tb].sort().join(' ');
  if (sa === sb) return true;
  if (ta.length !== tb.length) return false;
  // one token may differ by a small typo when all others match exactly
  let typo = 0;
  for (let i = 0; i < ta.length; i++) {
    if (ta[i] === tb[i]) continue;
    const dist = editDistance(ta[i], tb[i]);
    if (dist <= 2 && Math.min(ta[i].length, tb[i].length) >= 5 && ta[i][0] === tb[i][0]) typo++;
    else return false;
  }
  return typo === 1;
}

/** Words that make a capitalised phrase an organisation or a document rather than a person. */
export const ORG_TOKEN =
  /^(?:United|Nations|Union|Institute|Corporation|Council|Ministry|Department|Committee|Party|Congress|Agency|Office|Bank|Fund|Association|Organi[sz]ation|Group|Company|Times|Post|News|Press|Journal|Review|University|College|School|Center|Centre|Foundation|Commission|Court|Army|Navy|Force|Forces|House|Senate|Parliament|Government|Airlines|Airport|Police|Diary|Report|Tock|Project|Guide|Conference|Summit|Program|Programme|Studies|Policy|Affairs|Service|Services|Station|Street|Avenue|Building|Tower|Airways|Inc|Ltd|LLC|Club|League|Team|Dialogue|Authority|Authorities|Board|Bureau|Society|Network|Lab|Labs|Trust|Administration|Media)$/;

/** 'Madeline "Amy" Sweeney' → 'Madeline Sweeney': a quoted nickname between given name and surname (same length, so offsets hold). */
export function withoutNicknames(text: string): string {
  return text.replace(
    /(\p{Lu}[\p{Ll}\p{M}'’-]+\s+)(["“][\p{Lu}][\p{Ll}\p{M}'’-]+["”]\s+)(?=\p{Lu})/gu,
    (_m, a: string, nick: string) => a + ' '.repeat(nick.length),
  );
}

/** Person names (two to four capitalised tokens) written anywhere in a text, e.g. to resolve "Koga". */
export function collectFullNames(text: string): string[] {
  const names: string[] = [];
  const re =
    /\b((?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)?|\p{Lu}\.)(?:\s+(?:(?:van|von|der|den|de|da|di|du)\s+)*((?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)?|\p{Lu}\.)){1,6}/gu;
  for (const m of withoutNicknames(text).matchAll(re)) {
    const raw = m[0].split(/\s+/);
    // a possessive ends the name: "Kishida Fumio's Free and Open …"
    const possessive = raw.findIndex((t) => /['’]s$/.test(t));
    const toks = (possessive >= 0 ? raw.slice(0, possessive + 1) : raw).map((t) => t.replace(/['’]s$/, ''));
    // drop leading titles and sentence words, keep the name core
    while (toks.length && (NOT_NAME.has(toks[0]) || ROLE_WORDS.has(toks[0]))) toks.shift();
    while (toks.length && NOT_NAME.has(toks[toks.length - 1])) toks.pop();
    // titles and sentence words before a name ("As Prime Minister Lena Falk") are dropped above; what is left must be 2–4 name words
    const core = toks.filter((t) => !PARTICLES.has(t)).length;
    if (toks.some((t) => ORG_TOKEN.test(t))) {
      // "Valley Board Secretary Tom Hale": the name after the last title, when it holds no organisation word
      const titled = nameAfterTitle(toks);
      if (titled && !titled.some((t) => ORG_TOKEN.test(t))) names.push(titled.join(' '));
      continue; // "United Nations", "Asan Institute": an organisation, not a person
    }
    if (core >= 2 && core <= 4 && toks.every((t) => !NOT_NAME.has(t))) names.push(toks.join(' '));
    else {
      const titled = nameAfterTitle(toks); // "Transport Secretary Alan Greaves"
      if (titled) names.push(titled.join(' '));
    }
  }
  return names;
}
