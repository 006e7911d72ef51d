// Personal-name parsing for citations: given/family split, particles ("van der"), suffixes,
// organisations, and names written family name first (Japanese, Chinese, Korean).
import type { CslName } from '@citation-js/core';

export interface ParsedName {
  /** The name as written, whitespace-normalised, honorifics removed. */
  display: string;
  given?: string;
  family?: string;
  /** "van der" in "Anoma P. van der Veere" (CSL non-dropping-particle). */
  particle?: string;
  suffix?: string;
  /** An organisation or a name that cannot be split. */
  literal?: string;
  /** Written family name first ("Ishii Masafumi"); never inverted with a comma. */
  familyFirst?: boolean;
}

const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'dello',
  'degli',
  'di',
  'da',
  'du',
  'des',
  'la',
  'le',
  'ter',
  'ten',
  'te',
  "'t",
  'dos',
  'das',
  'do',
  'zu',
  'zum',
  'zur',
  'af',
  'av',
  'y',
  'e',
  'bin',
  'binti',
  'bint',
  'ibn',
  'al',
  'el',
  'op',
  'in',
]);

const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|v|ph\.?d\.?|m\.?d\.?)$/i;

const HONORIFICS = /^(?:(?:dr|prof|mr|mrs|ms|mx)\.?|professor|ambassador|sir|dame|(?:amb|gen|adm|col|lt|capt|rep|sen)\.)$/i;

const ORGANISATION =
  /\b(university|universiteit|institute|institution|centre|center|ministry|department|agency|council|commission|foundation|association|society|office|committee|organi[sz]ation|group|press|corporation|company|inc|ltd|forum|service|government|secretariat|nato|parliament|bureau|college|school|academy|fund|bank|network|programme|program|project|alliance)\b/i;

// Common romanised surnames. A two-part name whose FIRST part is one of these and whose second
// part is not is taken to be written family name first ("Abe Shinzo", "Ishii Masafumi"). Names
// that are also common Western given names (Lee, Kim, Han, Long, ...) are left out on purpose.
const JAPANESE_SURNAMES = [
  'abe',
  'aoki',
  'arai',
  'aso',
  'chiba',
  'endo',
  'fujii',
  'fujita',
  'fujiwara',
  'fukuda',
  'funabashi',
  'goto',
  'hamada',
  'harada',
  'hashimoto',
  'hasegawa',
  'hatoyama',
  'hayashi',
  'hirano',
  'hosokawa',
  'ikeda',
  'imai',
  'inada',
  'inoue',
  'ishiba',
  'ishida',
  'ishihara',
  'ishii',
  'ishikawa',
  'ito',
  'iwasaki',
  'iwaya',
  'jimbo',
  'kamikawa',
  'kaneko',
  'kanehara',
  'kato',
  'kawaguchi',
  'kawashima',
  'kiba',
  'kikuchi',
  'kimura',
  'kinoshita',
  'kishi',
  'kishida',
  'kitaoka',
  'kobayashi',
  'koizumi',
  'kondo',
  'kono',
  'kotani',
  'kubo',
  'kudo',
  'maehara',
  'maruyama',
  'matsuda',
  'matsui',
  'matsumoto',
  'matsuo',
  'michishita',
  'miura',
  'miyake',
  'miyamoto',
  'miyazaki',
  'miyazawa',
  'mori',
  'morimoto',
  'morita',
  'motegi',
  'murakami',
  'murayama',
  'nakagawa',
  'nakamura',
  'nakano',
  'nakasone',
  'nakatani',
  'nakayama',
  'nishimura',
  'nishihara',
  'noda',
  'noguchi',
  'nomura',
  'obuchi',
  'ogawa',
  'ohira',
  'okada',
  'okamoto',
  'onodera',
  'ota',
  'sakai',
  'sakamoto',
  'sakurai',
  'sasaki',
  'sato',
  'shibata',
  'shimizu',
  'shinoda',
  'suga',
  'sugiyama',
  'suzuki',
  'takada',
  'takagi',
  'takahashi',
  'takaichi',
  'takeuchi',
  'tamura',
  'tanaka',
  'taniguchi',
  'tsuruoka',
  'uchida',
  'wada',
  'watanabe',
  'yachi',
  'yamada',
  'yamaguchi',
  'yamamoto',
  'yamazaki',
  'yokoyama',
  'yoshida',
  'hosoya',
  'jimbo',
  'kanehara',
  'nagashima',
  'oshima',
  'soeya',
  'tsuruta',
  'yoshihara',
];
const CHINESE_SURNAMES = [
  'bai',
  'cai',
  'cao',
  'chen',
  'cheng',
  'cui',
  'deng',
  'ding',
  'dong',
  'du',
  'duan',
  'fan',
  'fang',
  'feng',
  'gao',
  'gu',
  'guo',
  'hao',
  'hou',
  'hu',
  'huang',
  'jia',
  'jiang',
  'kong',
  'li',
  'liang',
  'liao',
  'liu',
  'lu',
  'luo',
  'lü',
  'meng',
  'pan',
  'peng',
  'qian',
  'qin',
  'qiu',
  'shao',
  'shen',
  'shi',
  'su',
  'sun',
  'tang',
  'tian',
  'wan',
  'wang',
  'wei',
  'wu',
  'xi',
  'xia',
  'xiao',
  'xie',
  'xiong',
  'xu',
  'xue',
  'yan',
  'yang',
  'yao',
  'ye',
  'yin',
  'yu',
  'yuan',
  'zeng',
  'zhang',
  'zhao',
  'zheng',
  'zhong',
  'zhou',
  'zhu',
  'zou',
];
const EAST_ASIAN_SURNAMES = new Set([...JAPANESE_SURNAMES, ...CHINESE_SURNAMES]);
// Korean surnames count only with a hyphenated given name ("Moon Jae-in", "Kim Jong-un").
const KOREAN_SURNAMES = new Set([
  'kim',
  'lee',
  'yi',
  'park',
  'pak',
  'choi',
  'jung',
  'chung',
  'kang',
  'cho',
  'yoon',
  'yun',
  'jang',
  'lim',
  'han',
  'oh',
  'seo',
  'shin',
  'kwon',
  'hwang',
  'ahn',
  'song',
  'yoo',
  'hong',
  'moon',
  'ban',
  'roh',
  'chun',
]);

const normaliseSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();

const isAllCaps = (token: string): boolean => /^\p{Lu}[\p{Lu}'-]+$/u.test(token) && token.length >= 2;

const titleCase = (token: string): string => token.toLowerCase().replace(/(^|[-'])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());

const startsLower = (token: string): boolean => /^\p{Ll}/u.test(token) || token.startsWith("'t");

/** Whether a name reads as an organisation ("LeidenAsiaCentre", "Ministry of Defense"). */
export function looksLikeOrganisation(name: string): boolean {
  const n = normaliseSpace(name);
  if (!n) return false;
  if (ORGANISATION.test(n)) return true;
  // A single word is an organisation ("LeidenAsiaCentre") or a mononym; either way a literal.
  return !n.includes(' ');
}

/** Parses a personal name as written in a document ("Anoma P. van der Veere"). */
export function parsePersonName(raw: string): ParsedName {
  let name = normaliseSpace(raw);
  // Drop leading honorifics ("Dr.", "Prof.") - the styles never print them.
  const words = name.split(' ');
  while (words.length > 1 && HONORIFICS.test(words[0])) words.shift();
  name = words.join(' ');
  if (!name) return { display: '', literal: '' };
  if (looksLikeOrganisation(name)) return { display: name, literal: name };

  // Comma forms: "King, Martin Luther, Jr.", "Martin Luther King, Jr.", "Veere, Anoma P. van der".
  let suffix: string | undefined;
  const commaParts = name.split(/\s*,\s*/).filter(Boolean);
  if (commaParts.length > 1 && SUFFIX.test(commaParts[commaParts.length - 1])) {
    suffix = commaParts.pop();
  }
  if (commaParts.length === 2) {
    const [familyPart, givenPart] = commaParts;
    const givenTokens = givenPart.split(' ');
    // Particles written after the given name in inverted form ("Veere, Anoma P. van der").
    const particleTokens: string[] = [];
    while (givenTokens.length > 1 && PARTICLES.has(givenTokens[givenTokens.length - 1]) && startsLower(givenTokens[givenTokens.length - 1])) {
      particleTokens.unshift(givenTokens.pop() as string);
    }
    const parsed = splitParticle(familyPart);
    const particle = [...particleTokens, ...(parsed.particle ? [parsed.particle] : [])].join(' ') || undefined;
    const given = givenTokens.join(' ');
    const display = normaliseSpace([given, particle, parsed.family].filter(Boolean).join(' ') + (suffix ? `, ${suffix}` : ''));
    return { display, given, family: parsed.family, particle, suffix };
  }
  name = commaParts.join(' ');

  let tokens = name.split(' ');
  if (tokens.length > 1 && SUFFIX.test(tokens[tokens.length - 1]) && !suffix) {
    suffix = tokens[tokens.length - 1];
    tokens = tokens.slice(0, -1);
  }
  const withSuffix = (s: string): string => (suffix ? `${s}, ${suffix}` : s);
  if (tokens.length === 1) return { display: withSuffix(tokens[0]), literal: withSuffix(tokens[0]) };

  // A family name in capitals marks the order explicitly ("ISHII Masafumi", "Ken JIMBO").
  const capsIndex = tokens.findIndex(isAllCaps);
  if (capsIndex >= 0 && !tokens.every(isAllCaps) && !/\./.test(tokens[capsIndex])) {
    const family = titleCase(tokens[capsIndex]);
    const given = tokens.filter((_t, i) => i !== capsIndex).join(' ');
    if (capsIndex === 0) return { display: `${family} ${given}`, family, given, familyFirst: true };
    return { display: withSuffix(`${given} ${family}`), family, given, suffix };
  }

  if (tokens.length === 2 && isFamilyFirst(tokens[0], tokens[1])) {
    return { display: `${tokens[0]} ${tokens[1]}`, family: tokens[0], given: tokens[1], familyFirst: true };
  }

  // Western order: given names, optional lower-case particles, family name.
  let i = 1;
  while (i < tokens.length - 1 && !isParticle(tokens[i])) i++;
  if (i < tokens.length - 1) {
    let j = i;
    while (j < tokens.length - 1 && isParticle(tokens[j])) j++;
    return {
      display: withSuffix(tokens.join(' ')),
      given: tokens.slice(0, i).join(' '),
      particle: tokens.slice(i, j).join(' '),
      family: tokens.slice(j).join(' '),
      suffix,
    };
  }
  return {
    display: withSuffix(tokens.join(' ')),
    given: tokens.slice(0, -1).join(' '),
    family: tokens[tokens.length - 1],
    suffix,
  };
}

function isParticle(token: string): boolean {
  const lower = token.toLowerCase();
  if (!PARTICLES.has(lower)) return false;
  // Lower-case particles always; capitalised only the unambiguous Dutch/German/French ones.
  return startsLower(token) || ['van', 'von', 'der', 'den', 'ter', 'ten', 'du', 'des', 'della', 'dos'].includes(lower);
}

function splitParticle(family: string): { particle?: string; family: string } {
  const tokens = family.split(' ');
  let j = 0;
  while (j < tokens.length - 1 && PARTICLES.has(tokens[j].toLowerCase())) j++;
  return j > 0 ? { particle: tokens.slice(0, j).join(' '), family: tokens.slice(j).join(' ') } : { family };
}

function isFamilyFirst(first: string, second: string): boolean {
  const a = first.toLowerCase();
  const b = second.toLowerCase();
  if (EAST_ASIAN_SURNAMES.has(a) && !EAST_ASIAN_SURNAMES.has(b) && /^\p{Lu}\p{Ll}+(-\p{Ll}+)?$/u.test(second)) return true;
  return KOREAN_SURNAMES.has(a) && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(second);
}

/** The name in reading order ("Anoma P. van der Veere", "Ishii Masafumi"). */
export function naturalName(name: ParsedName): string {
  return name.display;
}

/**
 * The name inverted for the head of an MLA works-cited entry: "Jimbo, Ken",
 * "van der Veere, Anoma P." (MLA keeps the particle in front, as the MLA CSL style does),
 * but "Ishii Masafumi" unchanged (MLA 9: names written surname first take no comma).
 */
export function invertedName(name: ParsedName): string {
  if (name.literal !== undefined || !name.family) return name.display;
  if (name.familyFirst) return name.display;
  const family = [name.particle, name.family].filter(Boolean).join(' ');
  return [family, name.given, name.suffix].filter(Boolean).join(', ');
}

/**
 * CSL-JSON name. `staticOrdering` keeps family-first names in that order in the styles that
 * otherwise print given name first (Chicago notes, MLA); APA, which inverts every name, is
 * given the plain family/given split so it prints "Ishii, M.".
 */
export function toCslName(raw: string, staticOrdering: boolean): CslName {
  const name = parsePersonName(raw);
  if (name.literal !== undefined || !name.family) return { literal: name.literal ?? name.display };
  const csl: CslName = { family: name.family };
  if (name.given) csl.given = name.given;
  if (name.particle) csl['non-dropping-particle'] = name.particle;
  if (name.suffix) csl.suffix = name.suffix;
  if (name.familyFirst && staticOrdering) csl['static-ordering'] = true;
  return csl;
}

/** Joins names for prose: "A", "A and B", "A, B, and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}
