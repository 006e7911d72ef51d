import { expect, test } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, runIngest, startNextServer, type RunningServer } from './helpers/server';

// How each quote was attributed shows on result cards and in the reader; unattributed quotes are listed per document;
// a correction made in the reader is saved to corrections.yaml, re-indexed, and shown.

test('a result card and the reader say which note attributes an interview quote', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('sanctions on China')}`);
  const card = page
    .getByTestId('result')
    .filter({ has: page.locator('[data-testid="result-attribution"][data-method="note"]') })
    .first();
  const evidence = card.getByTestId('result-attribution');
  await expect(evidence).toHaveText(/^Attributed by note \d+: Interview/);
  // outside the quoted words
  await expect(card.getByTestId('result-text')).not.toContainText('Attributed by');
  const said = (await evidence.innerText()).trim();
  await card.getByTestId('open-in-context').click();
  await expect(page.getByTestId('reader-attribution')).toHaveText(said);
});

// A small corpus of its own (with its own index and server), so a correction can be made and re-indexed quickly.
const FIXTURE = path.resolve('e2e/fixtures/attribution-corpus');
const DOC = 'harbour-attribution-report';
const TOKEN = 'e2e-admin-token-for-corrections';
let dir = '';
let corpus = '';
let server: RunningServer | null = null;

test.describe('a corpus with an unattributed quote', () => {
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    dir = mkdtempSync(path.join(os.tmpdir(), 'eq-attribution-'));
    corpus = path.join(dir, 'corpus');
    cpSync(FIXTURE, corpus, { recursive: true });
    const db = path.join(dir, 'corpus.db');
    const ingest = runIngest({ corpus, db, env: { EMBED_WORKERS: '0' } });
    const { code } = await ingest.done;
    expect(code, `ingest of the fixture failed:\n${ingest.output()}`).toBe(0);
    server = await startNextServer({
      db,
      port: await freePort(Number(process.env.E2E_CORRECTIONS_PORT ?? 3103)),
      env: { CORPUS_DIR: corpus, ADMIN_TOKEN: TOKEN, EMBED_WORKERS: '0', USER_DATA_DIR: path.join(dir, 'user') },
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the reader lists the unattributed quote, and a correction there is saved, re-indexed and shown', async ({ page, request }) => {
    test.setTimeout(120_000);
    const base = server!.baseURL;
    // the API states the evidence and the note's date label
    const api = (await (await request.get(`${base}/api/search?q=${encodeURIComponent('patrols deter adversary')}&kind=quotes&limit=5`)).json()) as {
      results: { text: string; attribution: { method: string; evidence: string } | null; dateLabel: string | null; speaker: unknown }[];
    };
    expect(api.results.find((r) => r.text.startsWith('Patrols'))).toMatchObject({
      attribution: { method: 'note', evidence: expect.stringContaining('Interview with Henrik Aaltonen') },
      dateLabel: 'transcribed',
    });
    // the unattributed quote is searchable by its own words (the relevance floor keeps it out of other queries)
    const unattributed = (await (
      await request.get(`${base}/api/search?q=${encodeURIComponent('long-held notion that the coast is safe')}&kind=quotes&limit=5`)
    ).json()) as {
      results: { text: string; attribution: unknown; speaker: unknown }[];
    };
    expect(unattributed.results.find((r) => r.text.startsWith('The long-held'))).toMatchObject({ speaker: null, attribution: null });

    // bad requests are refused with a JSON error, nothing written
    const refused = await request.post(`${base}/api/corrections`, {
      headers: { Authorization: 'Bearer wrong' },
      data: { documentId: DOC, quoteId: 'q-1', speaker: 'X Y' },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/token/);
    const invalid = await request.post(`${base}/api/corrections`, { data: { documentId: DOC, quoteId: 'q-1', speaker: 'X Y', notQuote: true } });
    expect(invalid.status()).toBe(400);

    await page.goto(`${base}/documents/${DOC}`);
    const list = page.getByTestId('unattributed-quotes');
    await expect(list.getByRole('heading')).toHaveText('Unattributed quotes in this document');
    await expect(list).toContainText('Introduced by: As one European commentator summarized');
    await expect(page.getByTestId('reader-quote-speaker').filter({ hasText: 'Unattributed' })).toHaveCount(1);
    await list.getByRole('link', { name: /The long-held notion/ }).click();
    const callout = page.getByTestId('highlight-callout');
    await expect(callout).toContainText('Unattributed');
    await expect(page.getByTestId('reader-attribution')).toHaveText(/^Unattributed/);

    await callout.getByText('Correct attribution').click();
    await callout.getByTestId('correct-speaker').fill('Lena Falk');
    await callout.getByTestId('correct-submit').click();
    await expect(page.getByTestId('reader-attribution')).toHaveText('Attributed: corrected by you (corrections.yaml)', { timeout: 90_000 });
    await expect(callout.getByRole('link', { name: 'Lena Falk' })).toBeVisible();
    await expect(page.getByTestId('reader-quote-speaker').filter({ hasText: 'Lena Falk' })).toHaveCount(1);
    await expect(page.getByTestId('unattributed-quotes')).toHaveCount(0);
    expect(readFileSync(path.join(corpus, 'corrections.yaml'), 'utf8')).toMatch(
      new RegExp(`- document: ${DOC}\\n\\s+quote: The long-held notion that the coast is safe\\n\\s+speaker: Lena Falk`),
    );
  });
});
