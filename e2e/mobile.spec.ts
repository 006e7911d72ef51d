import { expect, test } from '@playwright/test';

// At 375 px wide every page reads without horizontal scrolling, and the controls stay usable.

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

const pages: [string, string][] = [
  ['home', '/'],
  ['results', `/?q=${encodeURIComponent('sanctions on China')}`],
  ['compare', '/compare?q=Taiwan&speakers=yoichiro-sato,ken-jimbo,mfa-official'],
  ['matrix', '/compare?view=matrix'],
  ['speaker', '/speakers/ken-jimbo'],
  ['speakers', '/speakers'],
  ['documents', '/documents'],
  ['saved', '/saved'],
  ['reader', '/documents/leidenasiacentre-2025-shaping-a-new-alliance'],
];

test('every page fits 375 px without horizontal scrolling', async ({ page }) => {
  for (const [name, url] of pages) {
    await page.goto(url);
    await expect(page.locator('main')).toBeVisible();
    // a mobile viewport widens window.innerWidth to the content; the device width is clientWidth
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${url} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/screenshots/${name}-375.png` });
  }
});

test('on a phone the filters open from a button, and a quote can be opened in context', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('sanctions on China')}`);
  const filter = page.getByTestId('speaker-filter');
  await expect(filter).toBeHidden();
  await page.getByText(/^Filters/).click();
  await expect(filter).toBeVisible();
  await filter.getByLabel(/Saya Kiba/).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/speaker=saya-kiba/);
  const card = page.getByTestId('result').first();
  await expect(card.getByTestId('result-speaker')).toHaveText('Saya Kiba');
  await card.getByTestId('open-in-context').click();
  const highlight = page.getByTestId('quote-highlight');
  await expect(highlight).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screenshots/reader-375.png' });
});
