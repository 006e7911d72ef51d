import type { IncomingHttpHeaders } from 'node:http';

type HeaderBag = IncomingHttpHeaders | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** The directives of a Content-Security-Policy value, by name. */
export function parseCsp(value: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** The nonce a CSP allows scripts by, if any. */
export function cspNonce(value: string | undefined): string | null {
  const m = /'nonce-([^']+)'/.exec(value ?? '');
  return m ? m[1] : null;
}

/**
 * What is wrong with a response's security headers (empty when nothing): a CSP whose scripts need
 * a nonce or 'self' (no 'unsafe-inline', 'unsafe-eval', wildcards or data:), frame-ancestors
 * 'none', object-src 'none', nosniff, a Referrer-Policy, no X-Powered-By.
 */
export function securityHeaderProblems(headers: HeaderBag): string[] {
  const problems: string[] = [];
  const csp = header(headers, 'content-security-policy');
  if (!csp) problems.push('no Content-Security-Policy');
  else {
    const d = parseCsp(csp);
    const script = d.get('script-src') ?? d.get('default-src');
    if (!script) problems.push('CSP has neither script-src nor default-src');
    else {
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:', 'blob:'])
        if (script.includes(bad) && !(bad === "'unsafe-eval'" && process.env.NODE_ENV === 'development')) problems.push(`CSP script-src allows ${bad}`);
    }
    if (d.get('default-src')?.join(' ') !== "'self'" && d.get('default-src')?.join(' ') !== "'none'") problems.push("CSP default-src is not 'self' or 'none'");
    if (d.get('frame-ancestors')?.join(' ') !== "'none'") problems.push("CSP frame-ancestors is not 'none'");
    if (d.get('object-src')?.join(' ') !== "'none'") problems.push("CSP object-src is not 'none'");
    if (!['self', 'none'].some((s) => d.get('base-uri')?.join(' ') === `'${s}'`)) problems.push("CSP base-uri is not 'self' or 'none'");
  }
  if (header(headers, 'x-content-type-options')?.toLowerCase() !== 'nosniff') problems.push('X-Content-Type-Options is not nosniff');
  const referrer = header(headers, 'referrer-policy')?.toLowerCase();
  if (!referrer || !['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer))
    problems.push(`Referrer-Policy is ${referrer ?? 'missing'}`);
  if (header(headers, 'x-powered-by') !== undefined) problems.push(`X-Powered-By is sent (${header(headers, 'x-powered-by')})`);
  return problems;
}

const STACK_FRAME = /^\s*at\s+(?:[\w$.<>[\] ]+\s+\()?(?:\/|file:|node:|[A-Za-z]:\\)/m;
const SERVER_PATHS = ['/work/', 'node_modules', '/tmp/', '/root/', '/home/', '.next/server', 'webpack-internal:', 'turbopack://'];
const ENGINE_ERRORS = [
  /SqliteError/i,
  /SQLITE_[A-Z]+/,
  /fts5: syntax error/i,
  /no such (?:column|table|function)/i,
  /ZodError/,
  /TypeError: /,
  /ReferenceError: /,
  /RangeError: /,
];

/** Server internals a response must never carry: stack frames, file paths of the server, engine error names. */
export function leakProblems(body: string): string[] {
  const problems: string[] = [];
  if (STACK_FRAME.test(body)) problems.push(`stack frame: ${STACK_FRAME.exec(body)![0].trim().slice(0, 120)}`);
  for (const p of SERVER_PATHS)
    if (body.includes(p)) problems.push(`server path "${p}" near: ${body.slice(Math.max(0, body.indexOf(p) - 60), body.indexOf(p) + 60)}`);
  const cwd = process.cwd();
  if (cwd.length > 1 && body.includes(cwd)) problems.push(`working directory ${cwd} appears`);
  for (const re of ENGINE_ERRORS) if (re.test(body)) problems.push(`engine error text ${re}`);
  return problems;
}

const ACTIVE_MARKUP = [
  /<script[^>]*>\s*alert/i,
  /<img[^>]*\bonerror\s*=/i,
  /<svg[^>]*\bonload\s*=/i,
  /<iframe[^>]*javascript:/i,
  /href\s*=\s*["']?\s*javascript:alert/i,
];

/** Markup from a query or a document that an HTML page would run if it were echoed unescaped. */
export function reflectedMarkupProblems(html: string): string[] {
  return ACTIVE_MARKUP.filter((re) => re.test(html)).map((re) => `unescaped active markup ${re}: ${re.exec(html)![0].slice(0, 80)}`);
}
