import { expect, test } from '@playwright/test';

// Speakers: who each one is, all their quotes in document order, the themes they speak to.

test('the speakers list leads to a speaker page with every quote and their themes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/speakers');
  const rows = page.getByTestId('speaker-row');
  expect(await rows.count()).toBeGreaterThan(5);
  await rows.filter({ hasText: 'Ken Jimbo' }).getByRole('link', { name: 'Ken Jimbo' }).click();
  await expect(page).toHaveURL(/\/speakers\/ken-jimbo$/);
  await expect(page.getByTestId('speaker-name')).toHaveText('Ken Jimbo');
  await expect(page.getByRole('main').locator('header').first()).toContainText('Keio University');
  await expect(page.getByText('3 December 2024').first()).toBeVisible();
  const api = await page.request.get('/api/export?speaker=ken-jimbo&format=json');
  const quotes = (await api.json()) as { id: string }[];
  const cards = page.getByTestId('result');
  await expect(cards).toHaveCount(quotes.length);
  expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-quote-id')))).toEqual(quotes.map((q) => q.id));
  await expect(page.getByTestId('speaker-themes').getByRole('link').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/speaker-1280.png' });
  await page.getByTestId('speaker-themes').getByRole('link').first().click();
  await expect(page).toHaveURL(/speaker=ken-jimbo/);
  await expect(page.getByTestId('result').first().getByTestId('result-speaker')).toHaveText('Ken Jimbo');
});

test('an unknown speaker gets a helpful not-found page', async ({ page }) => {
  const response = await page.goto('/speakers/no-such-person');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await page.getByRole('link', { name: 'Browse all speakers' }).click();
  await expect(page).toHaveURL(/\/speakers$/);
});
