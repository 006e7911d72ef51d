import { ADDRESS_VERB, isNotNameWord, ROLE_WORDS, type SpeakerReference, type SpeechAttribution, speechVerbMatches } from './names';

/**
 * Reporting chains: "According to X, … Y said “…”", "X recalled that Y told him “…”", "X recalled that he told Y
 * “…”". The quotation belongs to the innermost speaker whose speech verb governs it; the witness who recalls it and
 * the person spoken to ("told Roe", "asked Poe") are never that speaker. Where the text does not settle who the
 * innermost speaker is, the answer is 'unsettled' and the quote stays unattributed.
 */
export type ReportedSpeech =
  | { kind: 'speaker'; ref: SpeakerReference; verbIndex: number; verbEnd: number }
  // "his son told him": a relation the caller binds to the name the text gave it ("his son Peter")
  | { kind: 'relation'; relation: string; index: number; verbIndex: number; verbEnd: number }
  // "one of the hijackers said": an unnamed member of a group the text names
  | { kind: 'member'; descriptor: string; index: number; verbIndex: number; verbEnd: number }
  | { kind: 'unsettled'; verbIndex: number; verbEnd: number; reason: string };

/** Words that open a clause of their own: a name after them is that clause's subject, not the reported speaker. */
const SUBORDINATOR = /\b(?:that|who|whom|whose|which|what|when|where|whether|if|because|while|although|since|unless|until)\b/i;
/** Set phrases between a speech verb and the words it introduces: "said words to the effect of, “…”". */
const HEDGE = /^\s*,?\s*(?:(?:words|something)\s+(?:to\s+the\s+effect\s+of|like|along\s+the\s+lines\s+of)|in\s+substance|in\s+part)\s*[,:]?\s*$/i;
const MAX_GAP_WORDS = 14;
/** Listeners that cannot be "he"/"she": a group in the plural, or a publication or body by its capitalised name. */
const NOT_A_PERSON_LISTENER =
  /^(?:(?:the|a\s+group\s+of|several|some|two|three|many)\s+)?(?:(?:[\p{Ll}-]+\s+)?(?:reporters|journalists|investigators|officials|aides|advisers|advisors|staff|colleagues|members|senators|lawmakers|agents|prosecutors|press|media|crowd|audience|committee|group)|them|us|(?:\p{Lu}[\p{L}-]*\s+){0,4}(?:Times|Post|News|Journal|Herald|Tribune|Gazette|Courier|Committee|Office|Department|Agency|Council|Bureau|Network))$/u;
/** "X described the plan as “…”": the describer's words, though "as" before a quotation usually labels a term. */
export const DESCRIBED_AS = /\b(?:described|describes|describing|characteri[sz]ed|characteri[sz]es)\s+(?:[^.;:"“”]{1,60}?\s+)?as\s*$/i;
const WEAK_VERB = /^(?:thinks|thought|think|believes|believed|believe|believing|agrees|agreed|agree|continues|continued|continue|continuing)$/;
/** Kin and close relations a text names people by once it has introduced them ("his son Peter … His son told him"). */
const RELATIONS = 'son|daughter|wife|husband|mother|father|brother|sister|partner|fiancée|fiancé|boss|assistant|deputy|lawyer|attorney';

/**
 * The name a relation stands for: the one name the text writes right after that relation before this point
 * ("a call from his son Peter, …" makes "his son" Peter). Two names for the same relation settle nothing.
 */
export function relationBinding(before: string, relation: string): string | null {
  const noun = relation.split(/\s+/).pop() ?? '';
  const names = new Set<string>();
  for (const m of before.matchAll(new RegExp(`\\b(?:his|her|their)\\s+${noun},?\\s+(\\p{Lu}[\\p{Ll}'’-]+(?:\\s+\\p{Lu}[\\p{Ll}'’-]+){0,2})`, 'gu')))
    if (!m[1].split(/\s+/).some((w) => isNotNameWord(w))) names.add(m[1]);
  return names.size === 1 ? [...names][0] : null;
}
const NEAR_GAP_WORDS = 5;

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Text with earlier quotations blanked: the speaker's own earlier words in the clause are no distance. */
function withoutQuotations(text: string): string {
  return text.replace(/“[^“”]*”|"[^"]*"/g, ' ');
}

/** A capitalised word inside a sentence that may name a person, "the President" style titles, or he/she. */
function mentionsSomeone(text: string): boolean {
  const bare = withoutQuotations(text);
  if (/\b(?:he|she|He|She)\b/.test(bare)) return true;
  for (const m of bare.matchAll(/\b\p{Lu}[\p{L}'’.-]*/gu)) {
    const w = m[0].replace(/['’]s$/, '').replace(/\.$/, '');
    if (ROLE_WORDS.has(w)) return true;
    if (!isNotNameWord(w) && !isNotNameWord(`${w}.`)) return true;
  }
  return false;
}

/** Whether the stretch between a speech verb and a quotation is the verb's own complement ("told him that", "said, "). */
function governs(gap: string): boolean {
  const bare = withoutQuotations(gap);
  if (/[.;!?](?:\s|$)/.test(bare)) return false;
  if (HEDGE.test(bare)) return true;
  const n = words(bare).length;
  if (n > MAX_GAP_WORDS) return false;
  if (speechVerbMatches(bare).length) return false;
  // a name inside a longer clause may be whose words these are ("X said that Y, in the meeting, had “…”")
  return n <= NEAR_GAP_WORDS || !mentionsSomeone(bare);
}

/** A subject at the start of a clause: "the President", "Jane Doe", "he", not a possessive ("Doe's lawyer"). */
function clauseSubject(clause: string, offset: number): SpeakerReference | null {
  const role = /^\s*[Tt]he\s+((?:\p{Lu}[\p{L}-]*\s+){0,3}\p{Lu}[\p{L}-]*)(?!['’])\b/u.exec(clause);
  if (role?.[1].split(/\s+/).every((w) => ROLE_WORDS.has(w))) {
    const index = offset + role[0].indexOf(role[0].trimStart()[0]);
    return { kind: 'role', name: role[1], org: null, appositive: null, index, end: offset + role[0].length };
  }
  const pronoun = /^\s*(he|she|He|She)\b/.exec(clause);
  if (pronoun)
    return {
      kind: 'pronoun',
      name: pronoun[1],
      org: null,
      appositive: null,
      index: offset + pronoun.index + pronoun[0].indexOf(pronoun[1]),
      end: offset + pronoun[0].length,
    };
  const name = /^\s*((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.\s*)*\p{Lu}[\p{L}'’-]+){0,3})(?!['’]s\b)(?=\s+\p{Ll})/u.exec(clause);
  if (!name) return null;
  const tokens = name[1].split(/\s+/).filter((t) => !/^(?:Mr|Mrs|Ms|Dr)\.$/.test(t));
  if (!tokens.length || tokens.some((t) => isNotNameWord(t) || ROLE_WORDS.has(t))) return null;
  const index = offset + name[0].indexOf(name[1]);
  return { kind: 'person', name: tokens.join(' '), org: null, appositive: null, index, end: index + name[1].length };
}

/** The subject a subjectless coordinated verb shares: "the President brought up Roe and said", "…, but Jane Doe left and added". */
function coordinatedSubject(sentence: string, conjunction: number): SpeakerReference | null {
  const head = sentence.slice(0, conjunction);
  const boundaries = [
    0,
    ...[...head.matchAll(/[,;:]\s+(?:(?:but|and|so|yet)\s+)?|\b(?:that|because|but|after|before|although|since|while|when)\s+/g)].map(
      (m) => m.index! + m[0].length,
    ),
  ];
  const start = boundaries[boundaries.length - 1];
  const clause = head.slice(start);
  const subject = clauseSubject(clause, start);
  if (!subject) return null;
  const rest = withoutQuotations(sentence.slice(subject.end, conjunction));
  // another clause inside ("what Roe had told the White House and said") may own the verb
  if (SUBORDINATOR.test(rest) || /\b(?:he|she)\b/i.test(rest) || speechVerbMatches(rest).length) return null;
  return subject;
}

/** The person "he"/"she" stands for inside a reporting chain, from the frame that reports it. */
function pronounInChain(sentence: string, pronoun: SpeakerReference, found: SpeechAttribution[], verb: { index: number; end: number }): ReportedSpeech | null {
  const outer = [...found].reverse().find((a) => a.verbEnd <= pronoun.index && a.verbIndex < pronoun.index);
  if (!outer) return null; // no frame in this sentence: the pronoun continues the text before it
  const frame = sentence.slice(outer.verbIndex, outer.verbEnd);
  const base = { verbIndex: verb.index, verbEnd: verb.end };
  // "According to X, he said …": the source is not the pronoun's antecedent
  if (/^(?:according|in\s+the)\b/i.test(frame)) return { kind: 'unsettled', ...base, reason: 'pronoun after "according to"' };
  const between = sentence.slice(outer.verbEnd, pronoun.index);
  // "X told Y that he …": the pronoun may be either, unless the listener cannot be "he"/"she" ("told reporters", "told the Daily Courier")
  if (ADDRESS_VERB.test(frame.trim())) {
    const listener = /^\s*(.*?)\s*(?:,\s*)?(?:that|whether|if)?\s*$/.exec(withoutQuotations(between))?.[1] ?? '';
    if (!listener || !NOT_A_PERSON_LISTENER.test(listener) || /\b(?:he|she)\b/i.test(listener) || outer.speaker.index > outer.verbIndex)
      return { kind: 'unsettled', ...base, reason: 'pronoun after a verb with a listener' };
    return { kind: 'speaker', ref: outer.speaker, ...base };
  }
  if (mentionsSomeone(between) || /\b(?:him|her|them)\b/i.test(withoutQuotations(between)))
    return { kind: 'unsettled', ...base, reason: 'someone else is named between the reporter and the pronoun' };
  if (outer.speaker.index > outer.verbIndex && !/^(?:according|in\s+the)\b/i.test(frame)) return null; // an inverted frame ("said Doe") reports no clause
  return { kind: 'speaker', ref: outer.speaker, ...base };
}

/**
 * Who speaks the quotation that starts at `quoteStart` of a sentence (quotations masked), by the speech verb that
 * governs it: its subject, the subject it shares with a verb before it ("X arrived and said"), the name of a cleft
 * ("it was Jane who said"), or, for "he"/"she", the reporter of the chain when no one else stands between. Null
 * when no speech verb governs the quotation here (the caller's other evidence decides).
 */
export function reportedSpeaker(sentence: string, quoteStart: number, found: SpeechAttribution[]): ReportedSpeech | null {
  const verbs = speechVerbMatches(sentence.slice(0, quoteStart));
  const verb = verbs[verbs.length - 1];
  if (!verb || !governs(sentence.slice(verb.end, quoteStart))) return null;
  // "thinks", "believes" report words only when the quotation follows at once ("X thought the plan was “a gamble”" is X's view, not words)
  if (WEAK_VERB.test(verb.verb) && withoutQuotations(sentence.slice(verb.end, quoteStart)).trim().length > 12) return null;
  const base = { verbIndex: verb.index, verbEnd: verb.end };
  const own = found.find((a) => a.verbIndex === verb.index);
  if (own) {
    // "Ostrova and Berg said": words of two people belong to neither alone
    if (
      own.speaker.index < own.verbIndex &&
      /(?:\p{Lu}[\p{L}'’-]+|\b(?:he|she|him|her|I|we))\s*,?\s+(?:and|or|&)\s+$/u.test(sentence.slice(0, own.speaker.index))
    )
      return { kind: 'unsettled', ...base, reason: 'a compound subject' };
    if (own.speaker.kind !== 'pronoun') {
      // "according to X" frames the whole sentence; a verb of its own nearer the quote would have been found first
      return { kind: 'speaker', ref: own.speaker, ...base };
    }
    return pronounInChain(sentence, own.speaker, found, verb) ?? { kind: 'speaker', ref: own.speaker, ...base };
  }
  const head = sentence.slice(0, verb.index);
  // "quoting Jane Doe as saying, “…”", "quoted Jane Doe as saying": the one quoted speaks
  const quoting = /\bquot(?:ing|ed|es)\s+(.+?)\s+as\s+$/.exec(head);
  if (quoting && /^say/i.test(verb.verb)) {
    const who = clauseSubject(`${quoting[1]} x`, quoting.index + quoting[0].indexOf(quoting[1]));
    if (who && who.kind !== 'pronoun' && who.end - who.index === quoting[1].length) return { kind: 'speaker', ref: who, ...base };
    return { kind: 'unsettled', ...base, reason: 'quoted as saying, by someone the text does not name' };
  }
  const cleft = /\bit\s+was\s+(?:you,\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}),?\s+who\s+(?:\p{Ll}+ly\s+)?$/u.exec(head);
  if (cleft && !cleft[1].split(/\s+/).some((w) => isNotNameWord(w))) {
    const index = cleft.index + cleft[0].indexOf(cleft[1]);
    return { kind: 'speaker', ref: { kind: 'person', name: cleft[1], org: null, appositive: null, index, end: index + cleft[1].length }, ...base };
  }
  const subjectHead = head.replace(/(?:\s+(?:then|also|later|again|immediately|quickly|had|has|would))+\s*$/i, ' ');
  const relation = new RegExp(`(?:^|[\\s,;:(])((?:[Hh]is|[Hh]er|[Tt]heir)\\s+(?:${RELATIONS}))\\s+$`).exec(subjectHead);
  if (relation) return { kind: 'relation', relation: relation[1].toLowerCase(), index: relation.index + relation[0].indexOf(relation[1]), ...base };
  const member = /(?:^|[\s,;:(])((?:[Oo]ne|[Aa]nother)\s+of\s+the\s+(\p{Ll}[\p{Ll}-]+s))\s+$/u.exec(subjectHead);
  if (member && !/^(?:others|things|ones|days|times|reasons|ways|words|people|persons|members|us|them)$/.test(member[2]))
    return { kind: 'member', descriptor: member[1].replace(/^\p{Lu}/u, (c) => c.toLowerCase()), index: member.index + member[0].indexOf(member[1]), ...base };
  const coordination = /\s(?:and|but)\s+(?:then\s+|also\s+|later\s+|again\s+)?$/.exec(head);
  if (!coordination) return null;
  const subject = coordinatedSubject(sentence, coordination.index);
  if (!subject) return null;
  if (subject.kind !== 'pronoun') return { kind: 'speaker', ref: subject, ...base };
  return pronounInChain(sentence, subject, found, verb) ?? { kind: 'speaker', ref: subject, ...base };
}

/**
 * Single words the document shows to be people's surnames though it never writes their full name: a title of
 * address before it ("Mr. Doe", "Ms. Doe") or a note citing that person's own record by date ("Doe 3/14/19 302",
 * "Doe 3/14/19 interview"). A lone capitalised word with no such evidence ("As Norway argues") stays no person.
 */
export function surnamesShownAsPeople(body: string, notes: string[]): Set<string> {
  const out = new Set<string>();
  const add = (w: string) => {
    const word = w.replace(/['’]s$/, '');
    if (!isNotNameWord(word) && !ROLE_WORDS.has(word) && /^(?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(word)) out.add(word);
  };
  for (const text of [body, ...notes]) for (const m of text.matchAll(/\b(?:Mr|Mrs|Ms|Dr)\.?\s+(\p{Lu}[\p{L}'’-]+)/gu)) add(m[1]);
  for (const note of notes)
    for (const m of note.matchAll(
      /(?:^|[;(]\s*|\.\s+|\bsee\s+|\*)(\p{Lu}[\p{L}'’-]+)\s+\d{1,2}\/\d{1,2}\/\d{2,4}\s+(?:302|interview|testimony|statement|memo|memorandum|email|notes?)\b/giu,
    ))
      add(m[1]);
  return out;
}

/**
 * Whether a sentence reports on someone other than its reporter: "According to X, Y was angry", "X recalled that
 * Y …". A quotation standing after such a sentence may be the reporter's words or the other person's.
 */
export function reportsOnAnother(sentence: string, found: SpeechAttribution[], namesPerson: (text: string) => boolean): boolean {
  return found.some((a) => {
    const complement = withoutQuotations(sentence.slice(Math.max(a.verbEnd, a.speaker.end)));
    return /\b(?:he|she)\b/i.test(complement) || namesPerson(complement);
  });
}
