// Who said it: a named speaker, or a description of an unnamed/anonymous source that reads as
// prose ("an official of the Ministry of Foreign Affairs (MFA), Japan").
import { invertedName, looksLikeOrganisation, naturalName, parsePersonName } from './names';

export interface SpeakerInput {
  name: string;
  affiliation: string | null;
  anonymous?: boolean;
}

export interface SpeakerForms {
  /** Reading order, or the description with a capital first letter ("An official of …"). */
  natural: string;
  /** MLA works-cited head: "Jimbo, Ken"; descriptions and family-first names unchanged. */
  inverted: string;
  /** True when the speaker is described rather than named. */
  described: boolean;
}

// Words that make a "name" a description of a source ("MFA official", "senior diplomat").
const ROLE_WORDS = new Set([
  'official',
  'officials',
  'diplomat',
  'diplomats',
  'officer',
  'officers',
  'source',
  'sources',
  'expert',
  'experts',
  'researcher',
  'researchers',
  'analyst',
  'analysts',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'adviser',
  'advisor',
  'staff',
  'member',
  'representative',
  'journalist',
  'scholar',
  'academic',
  'professor',
  'lecturer',
  'interviewee',
  'anonymous',
  'senior',
  'junior',
  'former',
  'retired',
  'government',
  'ministry',
  'military',
  'defense',
  'defence',
  'foreign',
  'high-ranking',
  'mid-level',
  'policymaker',
  'lawmaker',
  'politician',
  'participant',
  'respondent',
  'executive',
  'employee',
  'commander',
  'unnamed',
  'unidentified',
]);

// Affiliations that read with "of" ("an official of the Ministry …"); others take "at".
const OF_AFFILIATION =
  /^(the\s+)?(ministry|department|office|embassy|government|cabinet|secretariat|agency|bureau|council|commission|parliament|diet|delegation|mission|permanent mission|armed forces|self-defen[cs]e forces|nato|eu|european union|united nations|un|house)\b/i;

// Affiliations that take "the": "the Ministry of …", "the Japan Institute of International
// Affairs", "the European Commission"; not "Keio University" or an acronym such as "NATO".
const THE_HEAD =
  /\b(commission|council|parliament|service|forces|force|agency|office|secretariat|delegation|mission|embassy|government|cabinet|diet|ministry|centre|center|institute|institution|foundation|fund|bank|union|nations|department|bureau|corporation|organi[sz]ation|committee|academy|forum)$/i;

function needsThe(affiliation: string): boolean {
  const head = affiliation
    .split(',')[0]
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .trim();
  if (!head || /^the\s/i.test(head)) return false;
  if (/^[\p{Lu}\d&-]+$/u.test(head)) return false; // NATO, MOFA
  return /\s+of\s+/i.test(head) || THE_HEAD.test(head);
}

function indefiniteArticle(word: string): 'a' | 'an' {
  if (/^[\p{Lu}]{2,}\b/u.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a'; // "an MFA official"
  const w = word.toLowerCase();
  if (/^(hour|honest|honou?r|heir)/.test(w)) return 'an';
  if (/^(uni|use|usu|uti|eu|one|once|ukr)/.test(w)) return 'a';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

const capitaliseFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Whether a speaker "name" is really a description ("MFA official") rather than a name. */
export function isDescription(name: string): boolean {
  const tokens = name.trim().split(/\s+/).filter(Boolean);
  if (!tokens.length) return true;
  return tokens.some((t) => ROLE_WORDS.has(t.toLowerCase().replace(/[.,]$/, '')) || /^anonym/i.test(t));
}

/**
 * "an official of the Ministry of Foreign Affairs (MFA), Japan" from name "MFA official" and
 * that affiliation: words of the name already in the affiliation ("MFA") are dropped, role words
 * are lower-cased, and the article and preposition are chosen to read naturally.
 */
export function describeSource(name: string, affiliation: string | null): string {
  const aff = affiliation?.replace(/\s+/g, ' ').trim() || '';
  const affWords = new Set(
    aff
      .toLowerCase()
      .split(/[^\p{L}\p{N}-]+/u)
      .filter(Boolean),
  );
  let roleTokens = name.trim().split(/\s+/).filter(Boolean);
  if (aff) roleTokens = roleTokens.filter((t) => !affWords.has(t.toLowerCase()));
  roleTokens = roleTokens.map((t) => (ROLE_WORDS.has(t.toLowerCase()) ? t.toLowerCase() : t));
  if (roleTokens.length && /^anonymous$/i.test(roleTokens.join(' '))) roleTokens = ['anonymous', 'source'];
  const role = roleTokens.join(' ') || (aff ? 'source' : 'anonymous source');
  const subject = `${indefiniteArticle(role)} ${role}`;
  if (!aff) return subject;
  const preposition = OF_AFFILIATION.test(aff) ? 'of' : 'at';
  return `${subject} ${preposition} ${needsThe(aff) ? 'the ' : ''}${aff}`;
}

/** Natural and inverted forms of a speaker, or null when nothing identifies them. */
export function speakerForms(speaker: SpeakerInput | null): SpeakerForms | null {
  if (!speaker) return null;
  const name = speaker.name?.replace(/\s+/g, ' ').trim() ?? '';
  const affiliation = speaker.affiliation?.replace(/\s+/g, ' ').trim() || null;
  if (!name && !affiliation) {
    if (!speaker.anonymous) return null;
    return { natural: 'An anonymous source', inverted: 'An anonymous source', described: true };
  }
  if (speaker.anonymous || !name || isDescription(name)) {
    const described = capitaliseFirst(describeSource(name, affiliation));
    return { natural: described, inverted: described, described: true };
  }
  // An organisation speaking ("Ministry of Defense", "NATO") is cited under its name as written.
  if (looksLikeOrganisation(name)) return { natural: name, inverted: name, described: false };
  const parsed = parsePersonName(name);
  return { natural: naturalName(parsed), inverted: invertedName(parsed), described: false };
}
