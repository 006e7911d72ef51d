import { expect, test, type Page } from '@playwright/test';

// The search page: a theme in, attributed verbatim quotes out; the query lives in the URL.

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}

test('a theme query shows attributed quotes from the experts who speak to it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/?q=${encodeURIComponent('sanctions on China')}`);
  const results = page.getByTestId('result');
  await expect(results.first()).toBeVisible();
  expect(await results.count()).toBeGreaterThan(3);
  // the two interviewees who talk about sanctions against China come first
  const topSpeakers = await results.getByTestId('result-speaker').allInnerTexts();
  expect(topSpeakers.slice(0, 3)).toEqual(expect.arrayContaining(['Saya Kiba', 'Takuya Matsuda']));
  const first = results.first();
  await expect(first.getByTestId('result-text')).toContainText(/sanction/i);
  await expect(first.locator('mark').first()).toBeVisible(); // matched words highlighted
  await expect(first).toContainText('Kobe City University of Foreign Studies');
  // the date as the quote's note gives it (never relabelled as an interview date)
  await expect(first).toContainText('Transcribed on 3 December 2024');
  await expect(first).toContainText('transcribed 3 December 2024'); // as its note says: "Transcribed on 3 December 2024"
  await expect(first).toContainText('Shaping a New Alliance');
  await expect(first.getByTestId('relevance')).toBeVisible();
  for (const card of await results.all()) await expect(card.getByTestId('result-speaker')).not.toBeEmpty();
  await shot(page, 'results-1280');
});

test('typing a query and pressing Enter puts it in the URL, and the URL reproduces the search', async ({ page }) => {
  await page.goto('/');
  const box = page.getByTestId('search-input');
  await expect(box).not.toBeFocused(); // no autofocus: the skip link comes first (review.spec.ts)
  await expect(page.getByTestId('example-theme').first()).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'home-1280');
  await box.fill('public opinion');
  await box.press('Enter');
  await expect(page).toHaveURL(/[?&]q=public(\+|%20)opinion/);
  await expect(page.getByTestId('result').first()).toBeVisible();
  const firstId = await page.getByTestId('result').first().getAttribute('data-quote-id');
  await page.reload();
  await expect(page.getByTestId('search-input')).toHaveValue('public opinion');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-quote-id', firstId!);
});

test('an example theme runs a search, and "/" brings the focus back to the box', async ({ page }) => {
  await page.goto('/');
  const theme = page.getByTestId('example-theme').first();
  const label = (await theme.innerText()).trim();
  await theme.click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(label).replace(/%20/g, '(\\+|%20)')}`));
  await expect(page.getByTestId('result').first()).toBeVisible();
  await page.waitForLoadState('networkidle'); // the shortcut is script: wait until the page is live
  await page.getByTestId('result').first().getByTestId('result-text').click();
  await expect(page.getByTestId('search-input')).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  // from a page without a query box, "/" opens the search page
  await page.goto('/speakers', { waitUntil: 'networkidle' });
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('search-input')).toBeFocused();
});

test('filtering by speaker keeps only their quotes, and the filter is in the URL', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/?q=${encodeURIComponent('Taiwan conflict')}`, { waitUntil: 'networkidle' });
  const filter = page.getByTestId('speaker-filter');
  await expect(filter).toBeVisible();
  await filter.getByLabel(/Ken Jimbo/).check();
  await expect(page).toHaveURL(/\?q=Taiwan(\+|%20)conflict&speaker=ken-jimbo$/); // defaults and empty fields stay out of the link
  await expect(page.getByTestId('result').first()).toBeVisible();
  const speakers = await page.getByTestId('result-speaker').allInnerTexts();
  expect(new Set(speakers)).toEqual(new Set(['Ken Jimbo']));
  await expect(page.getByTestId('speaker-filter').getByLabel(/Ken Jimbo/)).toBeChecked();
  // including the authors' analysis
  await page.getByLabel('Quotes and the authors’ analysis').check();
  await expect(page).toHaveURL(/kind=all/);
});

test('a query that names a speaker puts their quotes first and offers to show only theirs', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/?q=${encodeURIComponent('what does Koga say about Europe')}`);
  const note = page.getByTestId('named-speakers');
  await expect(note).toContainText('Quotes by Kei Koga come first');
  const speakers = await page.getByTestId('result-speaker').allInnerTexts();
  expect(speakers.slice(0, 3)).toEqual(['Kei Koga', 'Kei Koga', 'Kei Koga']);
  expect(new Set(speakers).size).toBeGreaterThan(1); // the others are still there, after
  await shot(page, 'named-speaker-1280');
  await note.getByTestId('named-speakers-only').click();
  await expect(page).toHaveURL(/speaker=kei-koga/);
  await expect(page.getByTestId('named-speakers')).toHaveCount(0); // already filtered: nothing to offer
  // the filtered results arrive after the URL changes: wait for them rather than read the page mid-navigation
  await expect.poll(async () => new Set(await page.getByTestId('result-speaker').allInnerTexts())).toEqual(new Set(['Kei Koga']));
  // the API says the same
  const api = await (await request.get(`/api/search?q=${encodeURIComponent('Ishii Masafumi on NATO')}`)).json();
  expect(api.namedSpeakers).toEqual([expect.objectContaining({ id: 'ishii-masafumi', name: 'Ishii Masafumi' })]);
  expect(api.results[0].speaker.id).toBe('ishii-masafumi');
  const plain = await (await request.get(`/api/search?q=${encodeURIComponent('sanctions on China')}`)).json();
  expect(plain.namedSpeakers).toEqual([]);
});

test('a quote found through the words of its lead-in says so', async ({ page, request }) => {
  await page.goto(`/?q=${encodeURIComponent('survey on insecurity and perceived threats')}`);
  const first = page.getByTestId('result').first();
  await expect(first.getByTestId('result-text')).toContainText('It was surprising to find that Russia is ranked above China');
  await expect(first.getByTestId('result-context-match')).toHaveText('Matched in the author’s lead-in: survey, insecurity, perceived');
  await expect(page.getByTestId('meaning-only')).toHaveCount(0);
  await shot(page, 'lead-in-match-1280');
  const api = await (await request.get(`/api/search?kind=quotes&q=${encodeURIComponent('survey on insecurity and perceived threats')}`)).json();
  expect(api.results[0].contextTerms).toEqual(['survey', 'insecurity', 'perceived']);
  // words the quote has itself are highlighted in it, not listed as the lead-in's
  expect(api.results[0].matchedTerms).toEqual(['threat']);
});

test('words related to the query (a capital for its country, a synonym) are underlined with the word they stand for', async ({ page, request }) => {
  const q = 'Pyongyang shipping munitions to Moscow';
  await page.goto(`/?q=${encodeURIComponent(q)}`);
  const first = page.getByTestId('result').first();
  await expect(first.locator('mark[data-related-to="Pyongyang"]')).toHaveText('North Korea');
  await expect(first.locator('mark[data-related-to="munitions"]').first()).toHaveText('arms');
  await expect(first.locator('mark[data-related-to="Pyongyang"]')).toHaveAttribute('title', 'related to “Pyongyang” in your query');
  await shot(page, 'related-words-1280');
  const api = await (await request.get(`/api/search?kind=quotes&q=${encodeURIComponent(q)}`)).json();
  expect(api.results[0].relatedTerms).toEqual(
    expect.arrayContaining([
      { word: 'North Korea', queryTerm: 'Pyongyang' },
      { word: 'arms', queryTerm: 'munitions' },
    ]),
  );
});

test('a misspelt query offers the spelling the corpus uses, and following it runs that search', async ({ page, request }) => {
  await page.goto(`/?q=${encodeURIComponent('sanctons agianst China in a Taiwn crisis')}`);
  const hint = page.getByTestId('did-you-mean');
  await expect(hint).toHaveText('Did you mean sanctions against China in a Taiwan crisis?');
  await hint.getByRole('link').click();
  await expect(page).toHaveURL(/q=sanctions(\+|%20)against(\+|%20)China/);
  await expect(page.getByTestId('did-you-mean')).toHaveCount(0);
  await expect(page.getByTestId('result').first()).toBeVisible();
  const api = await (await request.get(`/api/search?q=${encodeURIComponent('what does Goruku say')}`)).json();
  expect(api.suggestion).toBe('what does Goroku say');
  const fine = await (await request.get(`/api/search?q=${encodeURIComponent('visiting frigates and warplanes')}`)).json();
  expect(fine.suggestion).toBeNull();
});

test('empty and error states say what happened and what to try', async ({ page }) => {
  await page.goto('/?q=Russia&speaker=ken-jimbo&document=japan-and-europe-a-marriage-of-convenience-matures');
  const empty = page.getByTestId('search-empty');
  await expect(empty).toContainText('Nothing found');
  await empty.getByRole('link', { name: 'Search all speakers' }).click();
  await expect(page).not.toHaveURL(/speaker=/);

  const bad = await page.goto('/?q=Russia&speaker=no-such-person');
  expect(bad?.status()).toBe(200);
  await expect(page.getByTestId('search-error')).toContainText(/unknown speaker id "no-such-person"/i);
  await page.getByTestId('search-error').getByRole('link').click();
  await expect(page.getByTestId('result').first()).toBeVisible();

  await page.goto('/?q=x&kind=everything');
  await expect(page.getByTestId('search-error')).toContainText(/kind must be/i);
});

test('filters without a query list every quote of the speaker in document order', async ({ page, request }) => {
  await page.goto('/?speaker=saya-kiba');
  const all = (await (await request.get('/api/export?speaker=saya-kiba&format=json')).json()) as { id: string }[];
  await expect(page.getByTestId('result')).toHaveCount(all.length);
  expect(await page.getByTestId('result').evaluateAll((els) => els.map((e) => e.getAttribute('data-quote-id')))).toEqual(all.map((q) => q.id));
  await expect(page.getByTestId('results-heading')).toContainText('by Saya Kiba');
});
