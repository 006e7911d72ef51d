import { expect, test } from '@playwright/test';
import { leakProblems, reflectedMarkupProblems, securityHeaderProblems } from './helpers/checks';
import { HOSTILE_IDS, KITCHEN_SINK_VALUES, PAGE_PARAM_NAMES, QUERY_CASES } from './helpers/hostile-inputs';
import { mapLimit, rawRequest, type RawResponse } from './helpers/http';
import { discoverPages, EXPECTED_PAGES, fillRoute, idFor, knownIds } from './helpers/routes';

// Bad input on the API and every page: each answer is a 200 or a clear 4xx (JSON with an error on
// the API), never a 5xx, never a stack trace or a server path, never markup echoed unescaped.
// Requests go through a raw HTTP client so malformed percent-encoding reaches the server as sent.

const CONCURRENCY = 4;
const pages = discoverPages();

function summary(path: string, r: RawResponse): string {
  return `${path.slice(0, 140)} → ${r.status} ${r.body.slice(0, 160).replace(/\s+/g, ' ')}`;
}

/**
 * Problems common to every response: 5xx, leaks, missing security headers. Next.js answers a
 * trailing-slash or double-slash URL with a bodiless 308 before proxy.ts runs, so redirects are
 * checked for where they go (same origin, one leading slash) instead of for headers.
 */
function commonProblems(path: string, r: RawResponse): string[] {
  const out: string[] = [];
  if (r.status >= 500 || r.status < 100) out.push(`server error: ${summary(path, r)}`);
  for (const p of leakProblems(r.body)) out.push(`${path.slice(0, 140)}: leaks ${p}`);
  if (r.status >= 300 && r.status < 400) {
    const location = String(r.headers.location ?? '');
    if (!/^\/(?![/\\])/.test(location)) out.push(`${path.slice(0, 140)}: redirects off-site or oddly to "${location}"`);
  } else for (const p of securityHeaderProblems(r.headers)) out.push(`${path.slice(0, 140)}: ${p}`);
  return out;
}

test.describe('hostile input on /api/search', () => {
  test(`${QUERY_CASES.length} odd and hostile queries get a 200 or a 400 with a JSON error`, async ({ baseURL }) => {
    test.setTimeout(90_000);
    const problems = (
      await mapLimit(QUERY_CASES, CONCURRENCY, async (c) => {
        const path = `/api/search${c.query ? `?${c.query}` : ''}`;
        const r = await rawRequest(baseURL!, path);
        const out = commonProblems(path, r).map((p) => `[${c.name}] ${p}`);
        const expected = c.api === '4xx' ? r.status >= 400 && r.status < 500 : r.status === c.api;
        if (!expected) out.push(`[${c.name}] expected ${c.api}: ${summary(path, r)}`);
        if (!String(r.headers['content-type']).startsWith('application/json')) out.push(`[${c.name}] not JSON: ${r.headers['content-type']}`);
        let body: { error?: unknown; results?: unknown; query?: unknown } = {};
        try {
          body = JSON.parse(r.body) as typeof body;
        } catch {
          out.push(`[${c.name}] body is not JSON: ${summary(path, r)}`);
        }
        if (r.status >= 400 && r.status < 500 && (typeof body.error !== 'string' || !body.error || body.error.length > 300))
          out.push(`[${c.name}] 4xx without a short { error } message: ${summary(path, r)}`);
        if (r.status === 200 && (!Array.isArray(body.results) || typeof body.query !== 'string'))
          out.push(`[${c.name}] 200 without { query, results }: ${summary(path, r)}`);
        return out;
      })
    ).flat();
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('queries over the documented limit (500 characters) are refused with 400 naming the limit', async ({ baseURL }) => {
    for (const n of [501, 5000]) {
      const r = await rawRequest(baseURL!, `/api/search?q=${'japan+europe+'.repeat(n).slice(0, n - 1)}x`);
      expect(r.status).toBe(400);
      expect((JSON.parse(r.body) as { error: string }).error).toContain('500 characters');
    }
  });

  test('an URL too long for the HTTP parser (5,000 CJK characters) is a 4xx, not a crash', async ({ baseURL }) => {
    const path = `/api/search?q=${encodeURIComponent('日本と欧州'.repeat(1000))}`;
    // Node answers 431 and closes the socket; while the client is still writing the 45 KB line the
    // close can arrive as a reset that discards the 431, so a reset by the server counts as a refusal too
    const r = await rawRequest(baseURL!, path).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE') return null;
      throw e;
    });
    if (r) {
      expect(r.status, summary(path, r)).toBeGreaterThanOrEqual(400);
      expect(r.status, summary(path, r)).toBeLessThan(500);
    }
    // and the server still answers afterwards
    expect((await rawRequest(baseURL!, '/api/search?q=japan')).status).toBe(200);
  });

  test('other methods, odd paths and headers on the API get no 5xx', async ({ baseURL }) => {
    const problems: string[] = [];
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await rawRequest(baseURL!, '/api/search?q=china', {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'OPTIONS' ? undefined : '{"q":"china"}',
      });
      problems.push(...commonProblems(`${method} /api/search`, r));
      if (method !== 'OPTIONS' && r.status !== 405) problems.push(`${method} /api/search answered ${r.status}, expected 405`);
    }
    const head = await rawRequest(baseURL!, '/api/search?q=china', { method: 'HEAD' });
    if (head.status !== 200 || head.body !== '') problems.push(`HEAD /api/search → ${head.status} with ${head.body.length} bytes`);
    const odd: [string, Record<string, string>?][] = [
      ['/api/search/?q=china'],
      ['/api/search%00?q=china'],
      ['/api/search/..%2F..%2Fhealth'],
      ['/api/%2e%2e/%2e%2e/etc/passwd'],
      ['/api/search?q=china', { accept: 'text/html' }],
      ['/api/search?q=china', { 'content-type': 'text/html; charset=x-evil' }],
      ['/api/search?q=china', { 'accept-language': '../../../../etc/passwd' }],
      ['/api/search?q=china', { cookie: '__proto__=x; constructor=y' }],
      ['/api/search?q=china', { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'javascript' }],
      ['/api/health', { 'x-invoke-path': '/api/search', 'x-matched-path': '/api/search' }],
    ];
    for (const [path, headers] of odd) {
      const r = await rawRequest(baseURL!, path, { headers });
      problems.push(...commonProblems(path, r));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('a path that does not percent-decode is a 400 with the security headers (Next.js alone answers 500 on [id] routes)', async ({ baseURL }) => {
    const problems: string[] = [];
    for (const path of ['/documents/%E0%A4%A', '/speakers/%', '/%E0%A4%A', '/api/search/%E0%A4%A', '/api/search%?q=china']) {
      const r = await rawRequest(baseURL!, path);
      problems.push(...commonProblems(path, r));
      if (r.status !== 400) problems.push(`${path}: status ${r.status}, expected 400`);
      if (path.startsWith('/api/') && typeof (JSON.parse(r.body || '{}') as { error?: unknown }).error !== 'string') problems.push(`${path}: no JSON error`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('files of the server are never served (traversal, dotfiles, the index itself)', async ({ baseURL }) => {
    const problems: string[] = [];
    const paths = [
      '/package.json',
      '/next.config.ts',
      '/.env',
      '/.git/config',
      '/data/corpus.db',
      '/.cache/e2e/corpus.db',
      '/_next/static/..%2F..%2F..%2Fpackage.json',
      '/_next/static/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/_next/%2e%2e/%2e%2e/package.json',
      '/..%2F..%2F..%2Fetc%2Fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/_next/image?url=%2F..%2F..%2Fetc%2Fpasswd&w=64&q=75',
      '/_next/image?url=file%3A%2F%2F%2Fetc%2Fpasswd&w=64&q=75',
      '/_next/image?url=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F&w=64&q=75',
    ];
    for (const path of paths) {
      const r = await rawRequest(baseURL!, path);
      problems.push(...commonProblems(path, r));
      if (r.status === 200) problems.push(`served ${path}: ${summary(path, r)}`);
      if (/root:x:0:0|SQLite format 3|"dependencies"|poweredByHeader/.test(r.body)) problems.push(`file contents in ${summary(path, r)}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

test.describe('hostile input on pages', () => {
  test('every page under app/ is found (the suite runs on what exists)', () => {
    const found = pages.map((p) => p.pattern);
    const missing = EXPECTED_PAGES.filter((p) => !found.includes(p));
    test
      .info()
      .annotations.push({ type: 'pages', description: `tested: ${found.join(', ')}${missing.length ? `; not built yet: ${missing.join(', ')}` : ''}` });
    expect(found).toContain('/');
  });

  for (const route of pages) {
    test(`${route.pattern}: hostile parameters${route.params.length ? ' and ids' : ''} get a page or a 4xx, no 5xx, nothing echoed as markup`, async ({
      baseURL,
    }) => {
      test.setTimeout(150_000);
      const ids = await knownIds(baseURL!);
      const valid = fillRoute(route, (i) => idFor(route, i, ids));
      const requests: { path: string; expectOk?: boolean }[] = [];
      if (route.params.length) requests.push({ path: valid, expectOk: true });
      for (const c of QUERY_CASES) requests.push({ path: c.query ? `${valid}?${c.query}` : valid });
      for (const v of KITCHEN_SINK_VALUES) requests.push({ path: `${valid}?${PAGE_PARAM_NAMES.map((n) => `${n}=${v}`).join('&')}` });
      for (let i = 0; i < route.params.length; i++)
        for (const bad of HOSTILE_IDS) requests.push({ path: fillRoute(route, (j) => (j === i ? bad.segment : idFor(route, j, ids))) });
      const problems = (
        await mapLimit(requests, CONCURRENCY, async ({ path, expectOk }) => {
          const r = await rawRequest(baseURL!, path);
          const out = commonProblems(path, r);
          if (expectOk && r.status !== 200) out.push(`expected 200: ${summary(path, r)}`);
          if (String(r.headers['content-type'] ?? '').includes('text/html'))
            out.push(...reflectedMarkupProblems(r.body).map((p) => `${path.slice(0, 140)}: ${p}`));
          return out;
        })
      ).flat();
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }

  test('garbage in Next.js request headers (RSC, router state, server actions) gets no 5xx on any page', async ({ baseURL }) => {
    test.setTimeout(90_000);
    const ids = await knownIds(baseURL!);
    const variants: { name: string; method?: string; headers: Record<string, string>; body?: string }[] = [
      { name: 'RSC with a malformed router state', headers: { rsc: '1', 'next-router-state-tree': '%7Bbad' } },
      { name: 'RSC with unbalanced router state', headers: { rsc: '1', 'next-router-state-tree': '[[[[' } },
      { name: 'RSC with an odd router state', headers: { rsc: '1', 'next-router-state-tree': '%5B%22%22%2C%7B%7D%2Cnull%2Cnull%2Ctrue%5D' } },
      { name: 'segment prefetch of a traversal', headers: { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/../../etc/passwd' } },
      { name: 'unknown server action', method: 'POST', headers: { 'next-action': '0000deadbeef', 'content-type': 'text/plain' }, body: 'x' },
      {
        name: 'unknown server action, multipart',
        method: 'POST',
        headers: { 'next-action': '0000deadbeef', 'content-type': 'multipart/form-data; boundary=zz' },
        body: '--zz\r\nContent-Disposition: form-data; name="1_$ACTION_ID_x"\r\n\r\nx\r\n--zz--',
      },
      {
        name: 'plain form POST',
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'q=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      },
    ];
    const problems: string[] = [];
    for (const route of pages) {
      const path = fillRoute(route, (i) => idFor(route, i, ids));
      for (const v of variants) {
        const r = await rawRequest(baseURL!, path, { method: v.method, headers: v.headers, body: v.body });
        problems.push(...commonProblems(`${v.method ?? 'GET'} ${path} [${v.name}]`, r));
        if (String(r.headers['content-type'] ?? '').includes('text/html'))
          problems.push(...reflectedMarkupProblems(r.body).map((p) => `${path} [${v.name}]: ${p}`));
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('no open redirect through slashes in the path', async ({ baseURL }) => {
    const problems: string[] = [];
    for (const path of [
      '//evil.example/',
      '//evil.example/%2e%2e',
      '/%2F%2Fevil.example/',
      '/\\evil.example/',
      '/%5Cevil.example/',
      '///api/search/',
      '/api/search//',
    ]) {
      const r = await rawRequest(baseURL!, path);
      problems.push(...commonProblems(path, r));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('page routes: the Host header is not trusted for redirects', async ({ baseURL }) => {
    const problems: string[] = [];
    for (const route of pages.filter((p) => !p.params.length && p.pattern !== '/')) {
      const r = await rawRequest(baseURL!, `${route.pattern}/`, { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
      problems.push(...commonProblems(`${route.pattern}/`, r));
      if (String(r.headers.location ?? '').includes('evil.example')) problems.push(`${route.pattern}/ redirects to ${r.headers.location}`);
    }
    const r = await rawRequest(baseURL!, '/?q=china', { headers: { host: 'evil.example' } });
    problems.push(...commonProblems('/ with Host evil.example', r));
    if (r.body.includes('evil.example')) problems.push('/ echoes the Host header');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
