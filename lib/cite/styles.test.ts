import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { ensureStylesRegistered, STYLE_FILES, styleFileCandidates, TEMPLATE_NAMES } from './styles';

describe('bundled CSL styles', () => {
  it('are found next to the module and under the project root', () => {
    for (const file of Object.values(STYLE_FILES)) {
      const candidates = styleFileCandidates(file);
      expect(candidates).toContain(path.join(process.cwd(), 'lib/cite/styles', file));
      expect(candidates.some((c) => existsSync(c))).toBe(true);
    }
  });

  it('keep their licence and credits, with the note beside them', () => {
    for (const file of Object.values(STYLE_FILES)) {
      const xml = readFileSync(path.join(process.cwd(), 'lib/cite/styles', file), 'utf8');
      expect(xml).toContain('http://creativecommons.org/licenses/by-sa/3.0/');
      expect(xml).toMatch(/<author>\s*<name>/);
    }
    const readme = readFileSync(path.join(process.cwd(), 'lib/cite/styles/README.md'), 'utf8');
    expect(readme).toContain('https://citationstyles.org/');
    expect(readme).toContain('CC BY-SA 3.0');
  });

  it('register once under their own names', () => {
    ensureStylesRegistered();
    ensureStylesRegistered();
    const templates = plugins.config.get('@csl').templates;
    for (const name of Object.values(TEMPLATE_NAMES)) expect(templates.has(name)).toBe(true);
    expect(templates.get(TEMPLATE_NAMES.chicago)).toContain('Chicago Manual of Style 18th edition (notes and bibliography)');
  });
});
