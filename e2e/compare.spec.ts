import { expect, test } from '@playwright/test';

// Compare: the chosen speakers side by side, "nothing on this theme" where a speaker is silent; the theme matrix.

test('the compare page shows one column per chosen speaker, in order, and says who has nothing on the theme', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/compare?q=Taiwan&speakers=yoichiro-sato,ken-jimbo,mfa-official');
  const columns = page.getByTestId('compare-column');
  await expect(columns).toHaveCount(3);
  await expect(columns.nth(0).getByRole('heading', { level: 2 })).toHaveText('Yoichiro Sato');
  await expect(columns.nth(1).getByRole('heading', { level: 2 })).toHaveText('Ken Jimbo');
  await expect(columns.nth(2).getByRole('heading', { level: 2 })).toHaveText('MFA official');
  await expect(columns.nth(0).getByTestId('result').first().getByTestId('result-text')).toContainText('Taiwan');
  await expect(columns.nth(2).getByTestId('compare-empty')).toContainText('Nothing on this theme');
  await page.screenshot({ path: 'test-results/screenshots/compare-1280.png' });
});

test('speakers and the theme are picked in the page, and the choice goes into the URL', async ({ page }) => {
  await page.goto('/compare');
  await page.getByLabel('Theme', { exact: true }).fill('public opinion');
  await page.getByRole('checkbox', { name: /Tsuyoshi Goroku/ }).check();
  await page.getByRole('checkbox', { name: /Ishii Masafumi/ }).check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/q=public(\+|%20)opinion/);
  await expect(page).toHaveURL(/speakers=tsuyoshi-goroku/);
  await expect(page.getByTestId('compare-column')).toHaveCount(2);
  // one speaker is not enough: the page says so instead of failing
  await page.goto('/compare?q=trade&speakers=ken-jimbo');
  await expect(page.getByTestId('compare-incomplete')).toContainText('Pick one more speaker');
  await page.goto('/compare?q=trade&speakers=ken-jimbo,not-a-speaker,saya-kiba');
  await expect(page.getByTestId('compare-notice')).toContainText('not-a-speaker');
  await expect(page.getByTestId('compare-column')).toHaveCount(2);
});

test('the theme matrix shows every speaker against the themes, each cell linking to its quotes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/compare?view=matrix&speakers=tsuyoshi-goroku,ken-jimbo,saya-kiba');
  const matrix = page.getByTestId('theme-matrix');
  await expect(matrix).toBeVisible();
  const rows = matrix.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(6);
  await expect(rows.first().getByTestId('matrix-cell')).toHaveCount(3);
  await page.getByPlaceholder('Add a theme').fill('sanctions');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page).toHaveURL(/theme=sanctions/);
  const row = page
    .getByTestId('theme-matrix')
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: /^sanctions/ }) });
  await expect(row).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/matrix-1280.png' });
  const kiba = row.getByTestId('matrix-cell').nth(2);
  await expect(kiba).not.toHaveText('–');
  await kiba.click();
  await expect(page).toHaveURL(/\/\?q=sanctions&speaker=saya-kiba/);
  await expect(page.getByTestId('result').first().getByTestId('result-speaker')).toHaveText('Saya Kiba');
});
