import { expect, type Locator, type Page, test } from '@playwright/test';

// Copy with citation: the card previews the citation in the chosen style, and the clipboard gets
// the quote with exactly that citation; the style persists.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Copies with the chosen style and checks that every part of the preview is in what was copied. */
async function copyMatchesPreview(page: Page, card: Locator, style: string): Promise<string> {
  await page.getByTestId('citation-style').selectOption(style);
  const preview = card.getByTestId('citation-preview');
  await expect(preview).toHaveAttribute('data-style', style);
  const parts =
    style === 'bibtex' || style === 'ris' ? [await preview.locator('pre').innerText()] : await preview.getByTestId('citation-preview-part').allInnerTexts();
  expect(parts.length).toBeGreaterThan(0);
  await card.getByTestId('copy-citation').click();
  await expect(card.getByTestId('copy-citation')).toContainText('Copied');
  const copied = norm(await clipboard(page));
  for (const part of parts) for (const piece of norm(part).split('“…”')) expect(copied).toContain(piece.trim());
  return copied;
}

test('the preview shows the chosen style and the copied text matches it', async ({ page }) => {
  test.setTimeout(120_000); // five styles and a reload on a busy two-core machine
  await page.goto(`/?q=${encodeURIComponent('sanctions against China')}`);
  const card = page.getByTestId('result').first();
  await expect(card).toBeVisible();
  const text = norm(await card.getByTestId('result-text').innerText());
  const speaker = await card.getByTestId('result-speaker').innerText();
  const family = speaker.split(' ').at(-1)!;

  // Chicago notes is the default: the quote, the full "quoted in" note, the bibliography entry
  await expect(page.getByTestId('citation-style')).toHaveValue('chicago');
  let copied = await copyMatchesPreview(page, card, 'chicago');
  expect(copied.startsWith(`“${text.slice(0, 60)}`)).toBe(true);
  // the date only as its note labels it ("Transcribed on …")
  expect(copied).toMatch(
    new RegExp(`” ${speaker}, interview, (?:transcribed [A-Z][a-z]+ \\d{1,2}, \\d{4}, )?quoted in Anoma P\\. van der Veere, Shaping a New Alliance`),
  );
  expect(copied).not.toMatch(/interview by/);
  expect(copied).toContain('Veere, Anoma P. van der. Shaping a New Alliance');

  // APA 7: "(Kiba, as cited in van der Veere, 2025)" and the reference entry
  copied = await copyMatchesPreview(page, card, 'apa');
  expect(copied).toContain(text.slice(0, 60));
  expect(copied).toContain(`(${family}, as cited in van der Veere, 2025). van der Veere, A. P. (2025). Shaping a New Alliance`);

  // the choice survives a reload
  await page.reload();
  await expect(page.getByTestId('citation-style')).toHaveValue('apa');
  await expect(page.getByTestId('result').first().getByTestId('citation-preview')).toHaveAttribute('data-style', 'apa');

  // MLA 9: the speaker named in the sentence, "(qtd. in van der Veere)", the works-cited entry
  copied = await copyMatchesPreview(page, page.getByTestId('result').first(), 'mla');
  expect(copied.startsWith(`According to ${speaker}, “`)).toBe(true);
  expect(copied).toContain('(qtd. in van der Veere). van der Veere, Anoma P. Shaping a New Alliance');

  // BibTeX and RIS: the quote's own record, the quote and its speaker in the note
  copied = await copyMatchesPreview(page, page.getByTestId('result').first(), 'bibtex');
  expect(copied).toMatch(/^@techreport\{vanderveere2025shaping-[a-z0-9]{8},/);
  expect(copied).toContain(`note = {${speaker}`);
  copied = await copyMatchesPreview(page, page.getByTestId('result').first(), 'ris');
  expect(copied).toMatch(/^TY +- RPRT .*ID +- vanderveere2025shaping-[a-z0-9]{8} .*N1 +- /);
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
