// Hostile and odd inputs for /api/search and every page that takes parameters.
// `query` is the raw query string as it goes on the wire (after "?"); cases built with q() are
// percent-encoded properly, the `raw` ones are deliberately malformed and must be sent byte for byte.

export type Expect = 200 | 400 | '4xx';

export interface QueryCase {
  name: string;
  query: string;
  /** what /api/search must answer */
  api: Expect;
}

const enc = encodeURIComponent;
const q = (name: string, value: string, api: Expect, extra = ''): QueryCase => ({ name, query: `q=${enc(value)}${extra}`, api });
const raw = (name: string, query: string, api: Expect): QueryCase => ({ name, query, api });

/** A query of n characters (UTF-16 code units) made of real words. */
const words = (n: number) => 'sanctions china japan europe alliance '.repeat(Math.ceil(n / 38)).slice(0, n);

export const QUERY_CASES: QueryCase[] = [
  // empty, whitespace, length
  raw('no q at all', '', 400),
  raw('empty q', 'q=', 400),
  q('spaces only', '     ', 400),
  q('tabs and newlines only', '\t\n\r \t', 400),
  raw('plus signs only (spaces)', 'q=+++', 400),
  q('5,000-character query', words(5000), 400),
  q('501 characters (one over the limit)', words(501), 400),
  q('500 characters (at the limit)', words(500), 200),
  // the limit counts characters (code points), not UTF-16 units: 500 emoji pass, 501 do not
  q('500 emoji (at the limit)', '😀'.repeat(500), 200),
  q('501 emoji (over the limit)', '😀'.repeat(501), 400),
  q('one 500-letter word', 'a'.repeat(500), 200),
  q('80 repeated terms', 'china '.repeat(80), 200),
  // FTS5 syntax
  q('lone double quote', '"', 200),
  q('unbalanced phrase', '"unbalanced phrase', 200),
  q('NEAR( unclosed', 'NEAR(china sanctions', 200),
  q('NEAR with distance', 'NEAR(china sanctions, 2)', 200),
  q('dangling AND', 'china AND', 200),
  q('operators only', 'AND OR NOT', 200),
  q('star only', '*', 200),
  q('prefix star', 'sanc*', 200),
  q('caret initial-token', '^china', 200),
  q('column filter', 'text:china', 200),
  q('column filters with OR', 'speaker:jimbo OR section:taiwan', 200),
  q('unbalanced open brackets', '(((china', 200),
  q('unbalanced close brackets', 'china)))', 200),
  q('column set filter', '{text speaker}: china', 200),
  q('minus and plus', '-china +japan', 200),
  q('quotes glued to words', 'china"sanctions"', 200),
  // SQL injection
  q('SQL tautology', "' OR 1=1 --", 200),
  q('SQL drop table', "'; DROP TABLE chunks; --", 200),
  q('SQL union select', "1' UNION SELECT sql FROM sqlite_master --", 200),
  q('SQL empty-string tautology', '" OR ""="', 200),
  q('MATCH breakout', "china') OR fts_chunks MATCH ('*", 200),
  // NUL and control characters
  q('NUL inside the query', 'china\u0000sanctions', 200),
  q('NUL only', '\u0000', 400),
  raw('raw %00 only', 'q=%00', 400),
  q('ANSI escapes and control characters', '\u0001\u0002\u001b[31mred\u001b[0m tape', 200),
  q('DEL and backspace', 'japan\u007f\u0008europe', 200),
  q('CRLF header injection attempt', 'china\r\nSet-Cookie: pwned=1', 200),
  // emoji, right-to-left, CJK, odd Unicode
  q('emoji and flags', '🇯🇵🤝🇪🇺 alliance 😀', 200),
  q('Arabic (right-to-left)', 'العقوبات على الصين', 200),
  q('Hebrew (right-to-left)', 'סנקציות על סין', 200),
  q('right-to-left override', '\u202Eanihc\u202C sanctions', 200),
  q('Japanese (CJK)', '日本と欧州の安全保障協力', 200),
  q('Korean', '일본 유럽 협력', 200),
  q('combining marks (zalgo)', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗ alliance', 200),
  q('zero-width characters only', '\u200B\u200C\u200D', 200),
  q('full-width letters', 'ｃｈｉｎａ ｓａｎｃｔｉｏｎｓ', 200),
  // invalid percent-encoding, sent raw
  raw('truncated UTF-8 escape %E0%A4%A', 'q=%E0%A4%A', 200),
  raw('lone percent sign', 'q=%', 200),
  raw('non-hex escape %zz', 'q=%zz', 200),
  raw('overlong UTF-8 %C0%AF', 'q=%C0%AF', 200),
  raw('invalid bytes %FF%FE%FD', 'q=%FF%FE%FD', 200),
  raw('UTF-8 encoded surrogate %ED%A0%80', 'q=%ED%A0%80', 200),
  raw('trailing percent', 'q=china%', 200),
  // markup and template injection
  q('script tag', '<script>alert(1)</script>', 200),
  q('attribute breakout with onerror', '"><img src=x onerror=alert(1)>', 200),
  q('svg onload', '<svg onload=alert(1)>', 200),
  q('javascript: URL', 'javascript:alert(1)', 200),
  q('template expressions', '{{7*7}} ${7*7} <%= 7*7 %>', 200),
  q('path traversal text', '../../../../etc/passwd', 200),
  // limit
  raw('negative limit', 'q=china&limit=-1', 400),
  raw('zero limit', 'q=china&limit=0', 400),
  raw('huge limit (capped to 100)', 'q=china&limit=999999999', 200),
  raw('limit beyond any integer (capped to 100, the one rule)', 'q=china&limit=99999999999999999999', 200),
  raw('non-numeric limit', 'q=china&limit=abc', 400),
  raw('fractional limit', 'q=china&limit=1.5', 400),
  raw('exponent limit', 'q=china&limit=1e3', 400),
  raw('hex limit', 'q=china&limit=0x10', 400),
  raw('Infinity limit', 'q=china&limit=Infinity', 400),
  raw('NaN limit', 'q=china&limit=NaN', 400),
  raw('empty limit', 'q=china&limit=', 400),
  raw('padded limit', 'q=china&limit=%20%205', 400),
  raw('repeated limit', 'q=china&limit=5&limit=6', 400),
  // kind
  raw('unknown kind', 'q=china&kind=bogus', 400),
  raw('empty kind', 'q=china&kind=', 400),
  raw('upper-case kind', 'q=china&kind=INTERVIEW', 400),
  raw('kind quotes', 'q=china&kind=quotes', 200),
  raw('repeated kind', 'q=china&kind=all&kind=quote', 400),
  raw('kind with brackets (unknown parameter)', 'q=china&kind[]=quote', 200),
  // ids: traversal, unknown, malformed
  raw('path traversal speaker id', 'q=china&speaker=..%2F..%2Fetc%2Fpasswd', 400),
  raw('dot-dot speaker id', 'q=china&speaker=%2e%2e', 400),
  raw('unknown speaker id', 'q=china&speaker=nobody-at-all', 400),
  raw('speaker name instead of id', 'q=china&speaker=Ken%20Jimbo', 400),
  raw('NUL speaker id', 'q=china&speaker=%00', 400),
  raw('SQL in speaker id', "q=china&speaker=x'%20OR%20'1'='1", 400),
  raw('21 speaker ids', `q=china&speaker=${Array.from({ length: 21 }, (_, i) => `s${i}`).join(',')}`, 400),
  raw('path traversal document id', 'q=china&document=..%2F..%2Fetc%2Fpasswd', 400),
  raw('5,000-character document id', `q=china&document=${'a'.repeat(5000)}`, 400),
  // offset
  raw('negative offset', 'q=china&offset=-1', 400),
  raw('huge offset', 'q=china&offset=99999', 400),
  raw('offset past the results', 'q=china&offset=9999', 200),
  // repeated and odd parameters
  raw('repeated q', 'q=china&q=japan', 400),
  raw('q as an array key', 'q[]=china', 400),
  raw('prototype keys', 'q=china&__proto__=x&constructor=y&toString=z', 200),
  raw('empty keys and ampersands', 'q=china&&&&=&==', 200),
  raw('semicolon separators', 'q=china;limit=-1', 200),
];

/** Path segments for pages with an id in the path (/speakers/[id], /documents/[id], …). Expect 404 or 400, never 5xx. */
export const HOSTILE_IDS: { name: string; segment: string }[] = [
  { name: 'encoded path traversal', segment: '..%2F..%2Fetc%2Fpasswd' },
  { name: 'encoded dot-dot', segment: '%2e%2e%2f%2e%2e%2fetc%2fpasswd' },
  { name: 'double-encoded traversal', segment: '%252e%252e%252fetc%252fpasswd' },
  { name: 'NUL byte', segment: 'ken-jimbo%00' },
  { name: 'script tag', segment: '%3Cscript%3Ealert(1)%3C%2Fscript%3E' },
  { name: 'SQL', segment: "x'%20OR%20'1'%3D'1" },
  { name: 'invalid percent-encoding', segment: '%E0%A4%A' },
  { name: 'lone percent', segment: '%' },
  { name: 'emoji', segment: '%F0%9F%98%80' },
  { name: 'CRLF header injection', segment: 'x%0d%0aSet-Cookie:%20pwned=1' },
  { name: '5,000 characters', segment: 'a'.repeat(5000) },
  { name: 'upper-case id', segment: 'KEN-JIMBO' },
  { name: 'Windows device name', segment: 'CON' },
];

/** Parameter names pages may read; each gets a hostile value in one "kitchen sink" request per page. */
export const PAGE_PARAM_NAMES = [
  'q',
  'speaker',
  'speakers',
  'document',
  'documents',
  'kind',
  'limit',
  'offset',
  'sort',
  'page',
  'style',
  'format',
  'quote',
  'highlight',
  'id',
  'ids',
  'theme',
  'from',
  'to',
];
export const KITCHEN_SINK_VALUES = [
  '..%2F..%2Fetc%2Fpasswd',
  '%E0%A4%A',
  '-1',
  '99999999999999999999',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '%00',
  'NEAR(',
  '',
];
