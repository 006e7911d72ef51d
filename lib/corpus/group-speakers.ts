import { APPARATUS_SECTION } from './structure';
import type { Paragraph, Section, SpeakerMention } from './types';

/**
 * Research write-ups (usability tests, interview syntheses) quote anonymous participants as list items or
 * block quotes under a heading that names the group they belong to: "Federal employees:", "Feedback from
 * members of the tech community", "What teachers told us". Each item that is wholly a quotation is one
 * participant's words; the speaker is the singular description the heading gives ("federal employee").
 * Nothing is read from a group merely mentioned nearby: only a heading over the items settles the speaker.
 */

/** People a research write-up groups its participants by, in the singular. */
const PEOPLE_NOUNS = new Set(
  (
    'participant user tester respondent interviewee employee member partner teacher student parent resident customer client ' +
    'developer maintainer designer researcher worker volunteer attendee stakeholder contributor librarian veteran nurse doctor ' +
    'patient clinician manager leader founder engineer farmer owner applicant visitor reader citizen voter caregiver practitioner ' +
    'administrator educator advocate survivor'
  ).split(/\s+/),
);
const IRREGULAR: Record<string, string> = { people: 'person', children: 'child', staff: 'staff member', community: 'community member' };
/** The nouns a write-up calls everyone it talked to, most specific first. */
const PARTICIPANT_NOUNS = ['participant', 'interviewee', 'respondent', 'tester'];
/** A write-up that reports on people it talked to: only there do headings name the speakers of quoted items. */
const RESEARCH_DOCUMENT =
  /\b(?:participants?|interviewees?|respondents?|testers?|usability|user research|focus groups?|we (?:talked|spoke) (?:to|with)|we interviewed)\b/i;
/** Labels of collected remarks: "Positive feedback from …", "Unclear terms for …", "Quotes from …". */
const REMARKS = '(?:feedback|quotes|quotations|comments|remarks|responses|reactions|questions|concerns|suggestions|terms|words|voices|answers)';
const REMARKS_FROM_GROUP = new RegExp(`^(?:[\\p{L}-]+\\s+){0,3}${REMARKS}\\s+(?:from|for|by|of)\\s+(.+)$`, 'iu');
const WHAT_GROUP_SAID = /^what\s+(.+?)\s+(?:said|say|told us|tell us|told the \w+|asked|wanted|want|thought|think)\b/i;
const GROUP_SAID = /^(.+?)\s+(?:said|say|told us|asked)$/i;
/** A label of remarks that names no group: "General feedback", "Quotes", "What we heard". */
// (not "Questions:" or "Terms:" alone: those may be the researchers' own questions or the site's words)
const GENERIC_REMARKS =
  /^(?:(?:general|overall|other|additional|more|selected|participant|user)\s+)?(?:feedback|quotes|quotations|comments|remarks|responses|reactions)$|^what\s+we\s+heard$/i;

/** "members of the tech community" → "tech community member"; "Federal employees in partner agencies" → "federal employee" (of partner agencies). */
export function groupDescriptor(phrase: string): { name: string; affiliation: string | null } | null {
  let t = phrase
    .trim()
    .replace(/[:.]+$/, '')
    .replace(/^(?:the|our|some|many|several|all|most|an?|one|another|\d+|two|three|four|five)\s+/i, '')
    .trim();
  const memberOf = /^members?\s+of\s+(?:the\s+|our\s+)?(.+)$/i.exec(t);
  if (memberOf) t = `${memberOf[1]} members`;
  let affiliation: string | null = null;
  const qualified = /^(.+?)\s+(?:in|at|from|with|of)\s+(?:the\s+)?(.+)$/i.exec(t);
  if (qualified) {
    t = qualified[1];
    affiliation = qualified[2];
  }
  const written = t.split(/\s+/).filter(Boolean);
  // a capitalised word after the first is a name ("Harbour Trust employees"): an organisation's people, not a description
  if (!written.length || written.length > 4 || written.some((w, k) => !/^[\p{L}\d-]+$/u.test(w) || (k > 0 && /^\p{Lu}/u.test(w)))) return null;
  const words = written.map((w) => w.toLowerCase());
  const head = words[words.length - 1];
  const singular = IRREGULAR[head] ?? (PEOPLE_NOUNS.has(head) ? head : head.endsWith('s') && PEOPLE_NOUNS.has(head.slice(0, -1)) ? head.slice(0, -1) : null);
  if (!singular) return null;
  // "community members" is already one noun: "tech community member", not "tech community member member"
  const core = words.slice(0, -1);
  const name = [...core, singular].join(' ').replace(/\bcommunity member members?$/, 'community member');
  return { name, affiliation };
}

/** The group a heading names as the source of the remarks under it, if any. */
export function headingGroup(heading: string): { name: string; affiliation: string | null } | null {
  const h = heading
    .trim()
    .replace(/[:.]+$/, '')
    .trim();
  const m = REMARKS_FROM_GROUP.exec(h) ?? WHAT_GROUP_SAID.exec(h) ?? GROUP_SAID.exec(h);
  if (m) return groupDescriptor(m[1]);
  return groupDescriptor(h);
}

const ITEM_MARKER = /^\s*(?:[-•*–+]|\d{1,2}[.)])\s+/;

/** An item that is wholly one quotation, perhaps with an editor's [note] or (note) after it; an item opened and never closed is one too. */
export function wholeQuotation(text: string): string | null {
  const t = text.replace(ITEM_MARKER, '').trim();
  const closed = /^[“"]([^“”"]+)[”"]+\s*(?:\[[^\]]*\]|\(([^)]*)\))?\s*$/.exec(t);
  // "(Jane Doe, teacher)" or "(@jdoe)" after the quotation is its credit, not an editor's note: the group does not settle it
  if (closed) return closed[2] !== undefined && /^\s*(?:@|\p{Lu}[\p{L}'’.-]*\s+\p{Lu})/u.test(closed[2]) ? null : closed[1].trim();
  const unclosed = /^[“"]([^“”"]+)$/.exec(t);
  return unclosed ? unclosed[1].trim() : null;
}

/** A term or a name in quotes ("Code of Conduct."), not a remark: every significant word capitalised. */
function looksLikeTerm(inner: string): boolean {
  const words = inner
    .replace(/[.,!?;:]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  const big = words.filter((w) => !/^(?:a|an|the|and|or|of|to|in|on|for|with|at|by|from)$/i.test(w));
  return words.length <= 6 && big.length >= 1 && big.every((w) => /^[\p{Lu}\d]/u.test(w));
}

/** Words a participant said rather than a label or term quoted alone: a sentence, words in the first or second person, or a longer phrase. */
function remarkLike(inner: string): boolean {
  const words = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words < 2 || looksLikeTerm(inner)) return false;
  // "Discovery sprint." is a term the item names, not a remark: two words need a person or a question to be said
  if (words < 3 && !/[?!]$/.test(inner) && !/\b(?:I|me|my|we|us|our|you|your)\b/i.test(inner)) return false;
  return /[.!?…]$/.test(inner) || /\b(?:I|I['’]m|I['’]d|I['’]ve|we|my|me|our|us|you|your)\b/i.test(inner) || words >= 6;
}

export interface GroupQuote {
  paragraph: number; // index into the paragraphs
  text: string;
  speaker: SpeakerMention;
  evidence: string; // the heading that names the group
}

/** The quoted items of a research write-up under headings that name their speakers' group. */
export function groupQuotes(sections: Section[], paragraphs: Paragraph[]): GroupQuote[] {
  const allText = [...sections.map((s) => s.heading ?? ''), ...paragraphs.map((p) => p.text)].join('\n');
  if (!RESEARCH_DOCUMENT.test(allText)) return [];
  const participant = PARTICIPANT_NOUNS.find((n) => new RegExp(`\\b${n}s?\\b`, 'i').test(allText)) ?? null;
  const mention = (group: { name: string; affiliation: string | null }): SpeakerMention => ({
    key: `anon:group|${group.name}${group.affiliation ? `|${group.affiliation.toLowerCase()}` : ''}`,
    name: group.name,
    anonymous: true,
    role: null,
    affiliation: group.affiliation,
  });
  /** The group a label names ("Teachers in the pilot:", "Feedback from parents"), or the participants for a label of remarks that names none ("Quotes:"). */
  const labelGroup = (label: string, fallback: SpeakerMention | null): SpeakerMention | null => {
    const l = label
      .trim()
      .replace(/[:.]+$/, '')
      .trim();
    if (!l || APPARATUS_SECTION.test(l)) return null;
    const group = headingGroup(l);
    if (group) return mention(group);
    if (!GENERIC_REMARKS.test(l)) return null;
    return fallback ?? (participant ? mention({ name: participant, affiliation: null }) : null);
  };
  const bySection = new Map<number, SpeakerMention | null>();
  const sectionSpeaker = (index: number): SpeakerMention | null => {
    if (!bySection.has(index)) bySection.set(index, labelGroup(sections[index]?.heading ?? '', null));
    return bySection.get(index) ?? null;
  };
  const out: GroupQuote[] = [];
  // a short lead-in of its own ("Quotes:", "Parents told us:") hands the items after it to the group it names
  let lead: { speaker: SpeakerMention; evidence: string; section: number } | null = null;
  paragraphs.forEach((p, i) => {
    if (lead && lead.section !== p.sectionIndex) lead = null;
    const isItem = p.kind === 'list' || ITEM_MARKER.test(p.text) || p.blockQuote;
    if (!isItem) {
      lead = null;
      if (p.kind === 'text' && /:\s*$/.test(p.text) && p.text.split(/\s+/).length <= 6) {
        const speaker = labelGroup(p.text, sectionSpeaker(p.sectionIndex));
        if (speaker) lead = { speaker, evidence: p.text.trim(), section: p.sectionIndex };
      }
      return;
    }
    // a quote closed by a note marker has its speaker in the note
    if ((p.kind !== 'list' && p.kind !== 'text') || p.refs.length) return;
    const inner = wholeQuotation(p.text);
    if (!inner || !remarkLike(inner)) return;
    const speaker = lead?.speaker ?? sectionSpeaker(p.sectionIndex);
    if (speaker) out.push({ paragraph: i, text: inner, speaker, evidence: lead?.evidence ?? sections[p.sectionIndex]?.heading ?? '' });
  });
  return out;
}

/**
 * A credit that describes its speaker instead of naming them: "— open source maintainer", "— a nurse in a rural
 * clinic". The speaker is that description, anonymous; a credit that also names someone is not read here.
 */
export function describedCredit(credit: string): SpeakerMention | null {
  const m = /^(?:[—―–]|-{1,2})\s*(\p{Ll}[\p{Ll}\s-]{2,60}?)\s*(?:,\s*(?:on|about)\s+[^,]*)?\.?$/u.exec(credit.trim());
  if (!m) return null;
  const group = groupDescriptor(m[1]);
  if (!group) return null;
  return {
    key: `anon:credit|${group.name}${group.affiliation ? `|${group.affiliation.toLowerCase()}` : ''}`,
    name: group.name,
    anonymous: true,
    role: null,
    affiliation: group.affiliation,
  };
}
