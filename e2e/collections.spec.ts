import { expect, test, type APIRequestContext } from '@playwright/test';

// Collect and export: mark quotes while browsing, find them on the saved page, export them.

async function savedIds(request: APIRequestContext): Promise<string[]> {
  const r = await request.get('/api/collections');
  expect(r.ok()).toBe(true);
  return ((await r.json()) as { items: { id: string }[] }).items.map((i) => i.id);
}

test('a quote saved from the results appears on the saved page and exports with its citation', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const before = await savedIds(request);
  await page.goto(`/?q=${encodeURIComponent('NATO office in Tokyo')}`);
  const cards = page.getByTestId('result');
  await expect(cards.first()).toBeVisible();
  // a quote this user has not saved yet, so the test leaves their collection as it was
  const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-quote-id')!));
  const id = ids.find((x) => !before.includes(x));
  test.skip(!id, 'every result is already saved');
  const card = page.locator(`[data-testid="result"][data-quote-id="${id}"]`);
  const text = (await card.getByTestId('result-text').innerText()).replace(/\s+/g, ' ').trim();
  try {
    await card.getByTestId('save-quote').click();
    await expect(card.getByTestId('save-quote')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => savedIds(request)).toContain(id);

    await page.getByRole('link', { name: /^Saved/ }).click();
    await expect(page).toHaveURL(/\/saved$/);
    const saved = page.locator(`[data-testid="result"][data-quote-id="${id}"]`);
    await expect(saved).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/saved-1280.png' });

    const md = page.getByTestId('export-links').getByRole('link', { name: 'Markdown' });
    const mdResponse = await request.get((await md.getAttribute('href'))!);
    expect(mdResponse.headers()['content-type']).toBe('text/markdown; charset=utf-8');
    expect(mdResponse.headers()['content-disposition']).toMatch(/^attachment; filename="expert-quotes-saved-\d{4}-\d{2}-\d{2}\.md"/);
    const body = (await mdResponse.text()).replace(/\s+/g, ' ');
    expect(body).toContain(text.slice(0, 60));
    expect(body).toMatch(/quoted in|as cited in|Quoted in/);

    const csv = await request.get((await page.getByTestId('export-links').getByRole('link', { name: 'CSV' }).getAttribute('href'))!);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain(id);
    const bib = await request.get((await page.getByTestId('export-links').getByRole('link', { name: 'BibTeX' }).getAttribute('href'))!);
    expect(await bib.text()).toMatch(/^@\w+\{/m);

    // unsaving on the saved page takes it off the list
    await saved.getByTestId('save-quote').click();
    await expect(page.locator(`[data-testid="result"][data-quote-id="${id}"]`)).toHaveCount(0);
    expect(await savedIds(request)).not.toContain(id);
  } finally {
    if (!before.includes(id!)) await request.delete('/api/collections', { data: { ids: [id] } });
  }
});

test('the collections and export APIs refuse bad input with 400 and a message', async ({ request }) => {
  const bad = await request.post('/api/collections', { data: { ids: ['q-0000000000000000'] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/unknown quote id/);
  const notJson = await request.post('/api/collections', { data: 'ids=q-1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(notJson.status()).toBe(415);
  const badExport = await request.get('/api/export?format=pdf&saved=1');
  expect(badExport.status()).toBe(400);
  expect((await badExport.json()).error).toMatch(/format must be/);
  const results = await request.get('/api/export?q=Russia&kind=quotes&limit=3&format=csv');
  expect(results.status()).toBe(200);
  expect((await results.text()).trim().split('\r\n')).toHaveLength(4);
});
