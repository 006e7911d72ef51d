import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { securityHeaderProblems } from './helpers/checks';
import { rawRequest, type RawResponse } from './helpers/http';
import { freePort, startNextServer, type RunningServer } from './helpers/server';

// Adding documents from the browser, against the e2e server: its corpus folder is a copy made by
// global setup (CORPUS_DIR), never corpus/. The document added here is removed again at the end
// (and before, in case an earlier run was cut off), so the other specs see the bundled corpus.

const E2E_CORPUS = path.resolve('.cache/e2e/corpus');
const E2E_DB = path.resolve('.cache/e2e/corpus.db');
const NAME = 'e2e-upload-harbour-note.md';
const ID = 'e2e-upload-harbour-note';
const QUOTE = 'Inspections are slow, but they are the only thing that tells us what actually moves through the quay.';
const NOTE = `---
title: "Harbour Inspections: A Field Note"
authors: ["Lena Okafor"]
date: 2025-02
kind: report
---
Harbour Inspections: A Field Note

1. The quays

Harbour authorities have tightened inspections since the last incident at the northern quay.¹ As Tomasz Wielgosz explains:

${QUOTE}²

¹ Port Authority Bulletin 2024.

² Interview with Tomasz Wielgosz, Harbour Master at the Port of Gdynia. Transcribed on 12 January 2025.
`;

/** A multipart/form-data body with the given files (names sent exactly as given). */
function multipart(files: { name: string; content: Buffer | string }[], fields: Record<string, string> = {}): { body: Buffer; type: string } {
  const boundary = `----e2e${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    );
    parts.push(Buffer.from(f.content), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs a body to /api/documents, with its length declared or (chunked) not. */
function post(baseURL: string, body: Buffer, headers: Record<string, string>, options: { chunked?: boolean } = {}): Promise<RawResponse> {
  const base = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: '/api/documents',
        agent: false,
        headers: { connection: 'close', ...(options.chunked ? {} : { 'content-length': String(body.length) }), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error('upload timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

const corpusListing = (dir = E2E_CORPUS) => readdirSync(dir).sort();
const builtAt = async (baseURL: string) => (JSON.parse((await rawRequest(baseURL, '/api/health')).body) as { index: { builtAt: string } }).index.builtAt;

async function removeIfPresent(baseURL: string) {
  const r = await rawRequest(baseURL, `/api/documents/${ID}`, { method: 'DELETE' });
  expect([200, 404], r.body).toContain(r.status);
}

test.beforeAll(async ({ baseURL }) => {
  expect(existsSync(E2E_CORPUS), 'global setup copies corpus/ for the server').toBe(true);
  await removeIfPresent(baseURL!);
});
test.afterAll(async ({ baseURL }) => removeIfPresent(baseURL!));

test('a report with an interview note, added on the page: progress, the report, the reader, then removed again', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Add documents' }).click();
  await expect(page).toHaveURL(/\/add$/);
  const input = page.getByLabel(/Drop documents here, or choose files/);
  await input.setInputFiles({ name: NAME, mimeType: 'text/markdown', buffer: Buffer.from(NOTE) });
  const streamed = page.waitForResponse((r) => r.url().endsWith('/api/documents') && r.request().method() === 'POST');
  await page.getByTestId('upload-submit').click();
  const row = page.getByTestId('upload-file');
  await expect(row).toContainText(NAME);
  await expect(row).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
  // the response streamed every phase of the file, then the report
  const lines = (await (await streamed).text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; phase?: string });
  expect(lines.filter((l) => l.type === 'file').map((l) => l.phase)).toEqual(['reading', 'parsing', 'embedding', 'indexing', 'done']);
  expect(lines.at(-1)?.type).toBe('done');

  const report = page.getByTestId('upload-report');
  await expect(report.getByRole('heading', { name: 'Harbour Inspections: A Field Note' })).toBeVisible();
  await expect(report).toContainText('1 quote found: 1 attributed, 0 without a speaker');
  await expect(report.getByTestId('upload-report-speaker')).toHaveText(['Tomasz Wielgosz1']);
  expect(corpusListing()).toContain(NAME);
  expect(existsSync(path.resolve('corpus', NAME)), 'corpus/ itself is never written').toBe(false);

  // the new index is served: the quote is found, attributed, and opens in the reader
  const search = JSON.parse(
    (await rawRequest(baseURL!, `/api/search?q=${encodeURIComponent('harbour inspections at the quay')}&kind=interview&limit=5`)).body,
  ) as {
    results: { text: string; speaker: { name: string } | null; document: { id: string } }[];
  };
  expect(search.results.find((r) => r.document.id === ID)).toMatchObject({ text: QUOTE, speaker: { name: 'Tomasz Wielgosz' } });
  await report.getByTestId('upload-report-open').click();
  await expect(page).toHaveURL(new RegExp(`/documents/${ID}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Harbour Inspections');
  await expect(page.getByText(QUOTE.slice(0, 40))).toBeVisible();

  // and it can be taken out again from the page
  await page.goBack();
  await page.goto('/add');
  const r = await rawRequest(baseURL!, `/api/documents/${ID}`, { method: 'DELETE' });
  expect(r.status, r.body).toBe(200);
  expect(corpusListing()).not.toContain(NAME);
  expect((await rawRequest(baseURL!, `/documents/${ID}`)).status).toBe(404);
});

test('refusals are 4xx JSON with a clear message and leave the corpus and the index as they were', async ({ baseURL }) => {
  test.setTimeout(90_000);
  const before = { corpus: corpusListing(), builtAt: await builtAt(baseURL!) };
  const docxWithoutDocument = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(40)]);
  const cases: { label: string; files: { name: string; content: Buffer | string }[]; headers?: Record<string, string>; status: number; error: RegExp }[] = [
    {
      label: 'PDF by name only',
      files: [{ name: 'report.pdf', content: 'plain words, no PDF header' }],
      status: 415,
      error: /is not a PDF: its content does not start with "%PDF-"/,
    },
    { label: 'DOCX by name only', files: [{ name: 'report.docx', content: docxWithoutDocument }], status: 415, error: /is not a Word document/ },
    { label: 'binary as text', files: [{ name: 'notes.txt', content: Buffer.from([0x41, 0x00, 0x42]) }], status: 415, error: /contains a NUL byte/ },
    { label: 'HTML without markup', files: [{ name: 'page.html', content: 'no markup here' }], status: 415, error: /holds no HTML markup/ },
    { label: 'executable', files: [{ name: 'tool.exe', content: 'MZ' }], status: 415, error: /not a document type that can be added/ },
    { label: 'parent folder', files: [{ name: '../x.md', content: NOTE }], status: 400, error: /is a path/ },
    { label: 'absolute path', files: [{ name: '/tmp/x.md', content: NOTE }], status: 400, error: /is a path/ },
    { label: 'backslashes', files: [{ name: '..\\..\\x.md', content: NOTE }], status: 400, error: /is a path/ },
    { label: 'hidden file', files: [{ name: '.x.md', content: NOTE }], status: 400, error: /hidden files are not added/ },
    { label: 'NUL in the name', files: [{ name: 'x.md\u0000.pdf', content: NOTE }], status: 400, error: /control characters/ },
    {
      label: 'broken front matter',
      files: [{ name: 'broken-note.md', content: '---\ntitle: [unclosed\n---\nBody.\n' }],
      status: 422,
      error: /^broken-note\.md:\d+: broken front matter.*Nothing was changed\.$/,
    },
    {
      label: 'same name as a bundled report',
      files: [{ name: before.corpus.find((f) => f.endsWith('.md') && f !== 'README.md')!, content: NOTE }],
      status: 409,
      error: /already in the corpus; choose "Replace existing files"/,
    },
    {
      label: 'another site',
      files: [{ name: 'x.md', content: NOTE }],
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      status: 403,
      error: /another site/,
    },
    { label: 'rebound host name', files: [{ name: 'x.md', content: NOTE }], headers: { host: 'evil.example' }, status: 403, error: /localhost/ },
  ];
  const problems: string[] = [];
  for (const c of cases) {
    const { body, type } = multipart(c.files);
    const r = await post(baseURL!, body, { 'content-type': type, ...c.headers });
    let error = '';
    try {
      error = (JSON.parse(r.body) as { error: string }).error;
    } catch {
      problems.push(`[${c.label}] not JSON: ${r.status} ${r.body.slice(0, 200)}`);
    }
    if (r.status !== c.status || !c.error.test(error)) problems.push(`[${c.label}] expected ${c.status} ${c.error}: got ${r.status} ${error}`);
    for (const p of securityHeaderProblems(r.headers)) problems.push(`[${c.label}] ${p}`);
  }
  // too large: refused on the declared length before the route reads the body, and by counting when no length is declared
  const big = multipart([{ name: 'big.txt', content: Buffer.alloc(50 * 1024 * 1024 + 10, 0x61) }]);
  const declared = await post(baseURL!, big.body, { 'content-type': big.type });
  if (declared.status !== 413 || !/larger than 50 MB/.test(declared.body))
    problems.push(`[declared 50 MB + 10 bytes] got ${declared.status} ${declared.body.slice(0, 200)}`);
  const counted = await post(baseURL!, big.body, { 'content-type': big.type }, { chunked: true });
  if (counted.status !== 413 || !/larger than 50 MB/.test(counted.body)) problems.push(`[50 MB chunked] got ${counted.status} ${counted.body.slice(0, 200)}`);
  const notMultipart = await rawRequest(baseURL!, '/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (notMultipart.status !== 415) problems.push(`[JSON body] got ${notMultipart.status}`);
  expect(problems, problems.join('\n')).toEqual([]);
  expect(corpusListing()).toEqual(before.corpus);
  expect(await builtAt(baseURL!)).toBe(before.builtAt);
});

test.describe('from another machine', () => {
  // A server of its own bound to this machine's network address (not loopback), with ADMIN_TOKEN set,
  // its own copy of the index and corpus; requests reach it from a non-loopback address.
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  let server: RunningServer | null = null;
  let dir = '';
  const TOKEN = randomBytes(16).toString('hex');

  test.beforeAll(async () => {
    test.skip(!address, 'this machine has no non-loopback IPv4 address to test from');
    test.setTimeout(120_000);
    dir = mkdtempSync(path.join(os.tmpdir(), 'eq-upload-'));
    copyFileSync(E2E_DB, path.join(dir, 'corpus.db'));
    cpSync(E2E_CORPUS, path.join(dir, 'corpus'), { recursive: true });
    server = await startNextServer({
      db: path.join(dir, 'corpus.db'),
      host: address!,
      port: await freePort(Number(process.env.E2E_UPLOAD_PORT ?? 3103)),
      env: { ADMIN_TOKEN: TOKEN, CORPUS_DIR: path.join(dir, 'corpus') },
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('is refused (403) without the admin token, whatever the headers claim, and let through with it', async () => {
    test.setTimeout(120_000);
    const { body, type } = multipart([{ name: NAME, content: NOTE }]);
    const refusals: [Record<string, string>, RegExp][] = [
      [{}, /needs the admin token/],
      [{ authorization: 'Bearer wrong-token' }, /admin token is wrong/],
      [{ 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1', 'x-expert-quotes-peer': 'forged 127.0.0.1', host: '127.0.0.1' }, /needs the admin token/],
    ];
    for (const [headers, error] of refusals) {
      const r = await post(server!.baseURL, body, { 'content-type': type, ...headers });
      expect(r.status, r.body).toBe(403);
      expect((JSON.parse(r.body) as { error: string }).error).toMatch(error);
    }
    const del = await rawRequest(server!.baseURL, `/api/documents/${ID}`, { method: 'DELETE' });
    expect(del.status).toBe(403);
    expect(corpusListing(path.join(dir, 'corpus'))).not.toContain(NAME);

    // with the token the request gets past the access check: a file refused for its content (415) shows
    // it without a whole ingest (the successful upload itself is the first test's)
    const fake = multipart([{ name: 'scan.pdf', content: 'not a PDF' }]);
    const ok = await post(server!.baseURL, fake.body, { 'content-type': fake.type, authorization: `Bearer ${TOKEN}` });
    expect(ok.status, ok.body).toBe(415);
    expect((JSON.parse(ok.body) as { error: string }).error).toContain('is not a PDF');
    const missing = await rawRequest(server!.baseURL, '/api/documents/no-such-document', { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(missing.status, missing.body).toBe(404);
    // the page asks for the token here
    const page = await rawRequest(server!.baseURL, '/add');
    expect(page.body).toContain('Admin token');
  });
});
