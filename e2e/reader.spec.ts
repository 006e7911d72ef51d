import { expect, test } from '@playwright/test';

// The reader: "open in context" lands on the highlighted quote; notes open in place; contents and anchors work.

test('"open in context" lands on the quote, highlighted and in view, with its actions', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/?q=${encodeURIComponent('sanctions on China')}`);
  const card = page.getByTestId('result').first();
  const id = await card.getAttribute('data-quote-id');
  const text = (await card.getByTestId('result-text').innerText()).replace(/\s+/g, ' ').trim();
  await card.getByTestId('open-in-context').click();
  await expect(page).toHaveURL(new RegExp(`/documents/[a-z0-9-]+\\?quote=${id}#${id}$`));
  const highlight = page.getByTestId('quote-highlight');
  await expect(highlight).toBeVisible();
  await expect(highlight).toBeInViewport();
  await expect(highlight).toContainText(text.slice(0, 50));
  await expect(page.getByTestId('highlight-callout')).toContainText('Saya Kiba');
  await page.screenshot({ path: 'test-results/screenshots/reader-1280.png' });
  // the speaker tag after another quote highlights that one instead
  const other = page.locator('a[href^="?quote="]').filter({ hasNotText: 'Saya Kiba' }).first();
  await other.click();
  await expect(page.getByTestId('quote-highlight')).not.toHaveAttribute('data-quote', id!);
});

test('a note opens in place and closes with Escape; the contents lead to the sections', async ({ page }) => {
  await page.goto('/documents/leidenasiacentre-2025-shaping-a-new-alliance');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Shaping a New Alliance');
  const marker = page.getByRole('button', { name: 'Note 132', exact: true }).first();
  await marker.scrollIntoViewIfNeeded();
  await marker.click();
  const note = page.getByRole('note').filter({ hasText: 'Interview with Saya Kiba' }).first();
  await expect(note).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
  const toc = page.getByTestId('reader-toc');
  const entry = toc.getByRole('link', { name: /The Taiwan Scenario/ });
  await entry.click();
  await expect(page).toHaveURL(/#s-5-the-taiwan-scenario/);
  await expect(page.getByRole('heading', { level: 2, name: /The Taiwan Scenario/ })).toBeInViewport();
  // the list of notes is readable at the end
  await expect(page.locator('#note-132')).toContainText('Interview with Saya Kiba');
});

test('a paragraph anchor from the API lands on its paragraph; unknown quotes and documents are explained', async ({ page, request }) => {
  const api = await request.get(`/api/search?q=${encodeURIComponent('NATO office in Tokyo')}&kind=quotes&limit=1`);
  const href = ((await api.json()) as { results: { href: string }[] }).results[0].href;
  await page.goto(href);
  const anchor = href.split('#')[1];
  await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();

  await page.goto('/documents/leidenasiacentre-2025-shaping-a-new-alliance?quote=q-0000000000000000');
  await expect(page.getByTestId('highlight-missing')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const missing = await page.goto('/documents/no-such-document');
  expect(missing?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('not in the corpus');
});
