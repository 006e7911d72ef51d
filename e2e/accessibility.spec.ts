import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// axe-core on every page, in the light and the dark colour scheme: no serious or critical violation. The CSP forbids
// inline script tags, so axe's source is evaluated in the page through the DevTools protocol instead.

const axeSource = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const seven = 'ken-jimbo,saya-kiba,tsuyoshi-goroku,yoichiro-sato,kei-koga,mfa-official,ishii-masafumi';

const pages: [string, string][] = [
  ['home', '/'],
  ['results', `/?q=${encodeURIComponent('NATO office in Tokyo')}`],
  ['lead-in match', `/?q=${encodeURIComponent('Kishida statement')}`],
  ['no match', '/?q=the'],
  ['compare', `/compare?q=NATO&speakers=${seven}`],
  ['matrix', '/compare?view=matrix'],
  ['speakers', '/speakers'],
  ['speaker', '/speakers/ken-jimbo'],
  ['documents', '/documents'],
  ['reader', '/documents/leidenasiacentre-2025-shaping-a-new-alliance'],
  ['saved', '/saved'],
];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

test('no page has a serious or critical axe violation, in either colour scheme', async ({ page, request }) => {
  test.setTimeout(300_000); // about 60 s on an idle machine; generous for a loaded one
  await page.setViewportSize({ width: 1280, height: 900 });
  // one saved quote, so the saved page and the pressed Save buttons are checked too
  const search = (await (await request.get('/api/search?q=NATO&kind=quotes&limit=1')).json()) as { results: { id: string }[] };
  const id = search.results[0].id;
  const before = ((await (await request.get('/api/collections')).json()) as { items: { id: string }[] }).items.map((i) => i.id);
  if (!before.includes(id)) await request.post('/api/collections', { data: { ids: [id] } });
  const problems: string[] = [];
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, url] of pages) {
        await page.goto(url, { waitUntil: 'load' });
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
        });
        for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
          problems.push(`${name} (${scheme}) ${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
  } finally {
    if (!before.includes(id)) await request.delete('/api/collections', { data: { ids: [id] } });
  }
  expect(problems, problems.join('\n')).toEqual([]);
});
