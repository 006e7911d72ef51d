import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { readFileSync } from 'node:fs';
const cfg = plugins.config.get('@csl');
const item = { id: 'x', type: 'report', title: 'T', author: [{ family: 'Veere', given: 'A.' }], issued: { 'date-parts': [[2025, 4]] } };
const c = new Cite(item);
for (const [n, f] of [['a', 'apa'], ['c', 'chicago-notes-bibliography'], ['m', 'modern-language-association']]) {
  cfg.templates.add(n, readFileSync(`lib/cite/styles/${f}.csl`, 'utf8'));
  let t = performance.now();
  c.format('bibliography', { format: 'text', template: n, lang: 'en-US' });
  console.log(f, 'first bib', (performance.now() - t).toFixed(0));
  t = performance.now();
  c.format('citation', { format: 'text', template: n, lang: 'en-US' });
  console.log(f, 'first cit', (performance.now() - t).toFixed(0));
  t = performance.now();
  for (let i = 0; i < 10; i++) c.format('citation', { format: 'text', template: n, lang: 'en-US' });
  console.log(f, 'cit x10', (performance.now() - t).toFixed(0));
  t = performance.now();
  for (let i = 0; i < 10; i++) c.format('bibliography', { format: 'text', template: n, lang: 'en-US' });
  console.log(f, 'bib x10', (performance.now() - t).toFixed(0));
}
