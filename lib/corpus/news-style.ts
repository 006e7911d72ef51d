// Newspaper and report conventions around a quotation that the general attribution rules build on:
// titles of address before a surname ("Mr. Greaves", "Chief Judge Rosales") and titled full names
// ("Transport Secretary Alan Greaves").
import { isNotNameWord, ROLE_WORDS } from './names';

/** Titles of address that may stand between a closing quotation mark and the speaker's surname. */
const ADDRESS_TITLES = new Set(['Sir', 'Dame', 'Lord', 'Lady', 'Rabbi', 'Bishop', 'Imam', 'Councillor', 'Councilor', 'Inspector', 'Sergeant', 'Reverend']);
const DOTTED = /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Gen|Col|Lt|Adm|Gov|Sen|Rep|Sgt|Capt|Rev|Hon|Amb|Supt|Det)\.$/;

function isTitleWord(word: string): boolean {
  return DOTTED.test(word) || ROLE_WORDS.has(word) || ADDRESS_TITLES.has(word);
}

/** Whether the text between a closing quotation mark and a name is only a comma and titles: "”, Mr. ", "” Chief Judge ". */
export function onlyTitles(between: string): boolean {
  const words = between
    .replace(/^[\s,]+/, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words.length > 0 && words.length <= 3 && words.every(isTitleWord);
}

/**
 * "Transport Secretary Alan Greaves", "Health Minister Ana Lutz": the words after the last title of a capitalised run,
 * when they are two to four name words, are the person's name (the run as a whole is not a name).
 */
/** Job words that head a capitalised title before a name ("Chief Engineer Amara Osei", "Party Leader Carla Jones"). */
const JOB_WORDS = new Set(
  'Engineer Leader Officer Executive Editor Founder Manager Economist Scientist Analyst Architect Planner Coordinator Administrator Superintendent Head Lead Master Captain Constable Clerk Registrar Treasurer Auditor Inspector-General Surgeon Physician Curator Principal Dean Provost Rector'.split(
    ' ',
  ),
);

export function nameAfterTitle(tokens: string[]): string[] | null {
  let last = -1;
  for (let k = 0; k < tokens.length; k++) if (isTitleWord(tokens[k]) || JOB_WORDS.has(tokens[k])) last = k;
  if (last < 0) return null;
  const tail = tokens.slice(last + 1);
  return tail.length >= 2 && tail.length <= 4 && tail.every((t) => !isNotNameWord(t)) ? tail : null;
}

/** A word after which a speech-verb form is a noun ("the state", "a report", "her statement"), not a verb. */
export const AFTER_DETERMINER = /^(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your)$/i;

const VERDICT_LEAD =
  /^(.+?)\s+(?:is|was|has\s+been|had\s+been|remains|remained)\s+(?:(?:more|less|even|equally|quite|very|characteristically|refreshingly|similarly)\s+)?(?:blunt|candid|frank|direct|unequivocal|emphatic|categorical|succinct|scathing|forthright|explicit|adamant|sceptical|skeptical|cautious|optimistic|pessimistic|critical|dismissive)(?:\s+(?:about|on|in|with)\s+[^:]{1,60})?\s*:\s*$/;

/**
 * "Quintero was blunt:", "A senior official at the ministry was candid:": a colon lead-in that judges how someone
 * spoke names the speaker as "Quintero says:" would. Returns that rewritten lead-in, or null.
 */
export function verdictLeadIn(sentence: string): string | null {
  const m = VERDICT_LEAD.exec(sentence);
  return m ? `${m[1]} says:` : null;
}

/** Between a closing mark and a name: "”, Dorrance’s lawyer, ", "” the board's chair, " (a role noun set off by commas). */
export const ROLE_BEFORE_NAME_AFTER_QUOTE = /^[\s,]*(?:[\p{L}’'-]+\s+){0,4}\p{Ll}[\p{Ll}-]+,\s+$/u;

/** "In its written submission, Marlow Water stated:", "the board said in its reply": the speaker is an organisation, not a person. */
export function organisationSpeaks(sentence: string): boolean {
  return /\b[Ii]n\s+its\s+(?:[\p{L}-]+\s+){0,2}(?:submission|statement|reply|response|report|letter|evidence|filing|comments?|release|brief|testimony|answer|memo|memorandum|note|notice|decision|ruling|opinion|guidance|review|update|announcement|post|blog|website|newsletter|bulletin)\b/u.test(
    sentence,
  );
}

const PAREN_NAME = "(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\\.?\\s+)?(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){0,3})";
const PAREN_INTERVIEW = [
  // "(interview with Amara Osei, 5 May 2021)", "(personal communication with …)"
  new RegExp(
    `^\\s*\\((?:(?:author['’]s|email|e-mail|telephone|phone|skype|zoom|personal)\\s+)?(?:interview|conversation|communication|correspondence)\\s+with\\s+${PAREN_NAME}(?:[,;][^)]*)?\\)`,
    'iu',
  ),
  // "(Osei, interview, 2021)", "(Osei, personal communication, May 2021)"
  new RegExp(`^\\s*\\(${PAREN_NAME},\\s+(?:(?:personal|email|e-mail|telephone|phone)\\s+)?(?:interview|communication|correspondence)\\b[^)]*\\)`, 'u'),
];

/** An interview cited in brackets right after a quotation: the name as written and the brackets, or null. */
export function parentheticalInterview(after: string): { name: string; evidence: string } | null {
  for (const re of PAREN_INTERVIEW) {
    const m = re.exec(after);
    if (m) return { name: m[1], evidence: m[0].trim() };
  }
  return null;
}

/** "Maria, a nurse who has worked there for twelve years": a lone given name whose appositive describes a person ("a … who", an age). */
export function lonePersonByAppositive(name: string, appositive: string | null): boolean {
  if (!appositive || !/^\p{Lu}\p{Ll}+$/u.test(name) || isNotNameWord(name)) return false;
  return /^(?:an?\s+(?:[\p{L}-]+\s+){1,4}who\s+\p{Ll}|(?:aged\s+)?\d{1,2}$)/u.test(appositive.trim());
}

const RELATION_NOUNS = 'wife|husband|son|daughter|mother|father|brother|sister|partner|widow|widower|niece|nephew|cousin';

/**
 * Whether "Mr./Ms. Surname" may stand for someone other than the one person the document names in full with that
 * surname: the document gives the surname both titles, or names a relative by given name only ("his wife, Ella,").
 */
export function titledSurnameAmbiguous(text: string, surname: string): boolean {
  const s = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const male = new RegExp(`\\bMr\\.?\\s+${s}\\b`).test(text);
  const female = new RegExp(`\\b(?:Ms|Mrs|Miss)\\.?\\s+${s}\\b`).test(text);
  if (male && female) return true;
  return new RegExp(`\\b(?:${s}['’]s|[Hh]is|[Hh]er|[Tt]heir)\\s+(?:${RELATION_NOUNS}),\\s+\\p{Lu}[\\p{Ll}'’-]+,`, 'u').test(text);
}

/** Whether "he"/"she" cannot be this person: the document titles the surname only "Ms."/"Mrs." (for "he") or only "Mr." (for "she"). */
export function pronounClashesWithTitle(pronoun: string, name: string, text: string): boolean {
  const surname = name.split(/\s+/).pop() ?? '';
  if (!/^\p{Lu}/u.test(surname)) return false;
  const s = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const male = new RegExp(`\\bMr\\.?\\s+${s}\\b`).test(text);
  const female = new RegExp(`\\b(?:Ms|Mrs|Miss)\\.?\\s+${s}\\b`).test(text);
  return /^he$/i.test(pronoun) ? female && !male : /^she$/i.test(pronoun) ? male && !female : false;
}
