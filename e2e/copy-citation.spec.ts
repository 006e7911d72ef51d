import { expect, test } from '@playwright/test';

// Copy with citation: the quote in quotation marks, then its citation in the chosen style; the style persists.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const clipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText());

test('copying puts the quote and its citation in the chosen style on the clipboard', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('sanctions against China')}`);
  const card = page.getByTestId('result').first();
  await expect(card).toBeVisible();
  const text = norm(await card.getByTestId('result-text').innerText());
  const speaker = await card.getByTestId('result-speaker').innerText();

  // Chicago notes is the default
  await expect(page.getByTestId('citation-style')).toHaveValue('chicago');
  await card.getByTestId('copy-citation').click();
  await expect(card.getByTestId('copy-citation')).toContainText('Copied');
  let copied = await clipboard(page);
  expect(copied.startsWith(`“${text.slice(0, 60)}`)).toBe(true);
  expect(copied).toContain(`” ${speaker}, interview by`);
  expect(copied).toMatch(/quoted in .+Shaping a New Alliance/);

  await page.getByTestId('citation-style').selectOption('apa');
  await card.getByTestId('copy-citation').click();
  copied = await clipboard(page);
  expect(copied).toContain(text.slice(0, 60));
  expect(copied).toMatch(new RegExp(`” ${speaker} \\(interview, December 3, 2024\\), as cited in van der Veere, A\\. P\\. \\(2025\\)`));

  // the choice survives a reload
  await page.reload();
  await expect(page.getByTestId('citation-style')).toHaveValue('apa');

  await page.getByTestId('citation-style').selectOption('mla');
  await page.getByTestId('result').first().getByTestId('copy-citation').click();
  expect(await clipboard(page)).toMatch(/Kiba, Saya\. Interview by Anoma P\. van der Veere, 3 Dec\. 2024\. Quoted in/);

  await page.getByTestId('citation-style').selectOption('bibtex');
  await page.getByTestId('result').first().getByTestId('copy-citation').click();
  copied = await clipboard(page);
  expect(copied).toContain(text.slice(0, 60));
  expect(copied).toMatch(/@\w+\{vanderveere2025shaping,/);

  await page.getByTestId('citation-style').selectOption('ris');
  await page.getByTestId('result').first().getByTestId('copy-citation').click();
  expect(await clipboard(page)).toMatch(/TY {2}- RPRT[\s\S]*TI {2}- Shaping a New Alliance/);
});

test('"copy link" copies a deep link that opens the quote highlighted in its document', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('public opinion')}`);
  const card = page.getByTestId('result').first();
  const id = await card.getAttribute('data-quote-id');
  await card.getByTestId('copy-link').click();
  const link = await clipboard(page);
  expect(link).toMatch(new RegExp(`^http://[^/]+/documents/[a-z0-9-]+\\?quote=${id}#${id}$`));
  await page.goto(link);
  await expect(page.getByTestId('quote-highlight')).toBeVisible();
  await expect(page.getByTestId('quote-highlight')).toHaveAttribute('data-quote', id!);
});
