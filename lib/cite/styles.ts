// Loads the bundled CSL styles from lib/cite/styles and registers them with plugin-csl once.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';

export type StyleId = 'chicago' | 'apa' | 'mla';

/** Style files in lib/cite/styles (CC BY-SA 3.0, CSL project, see styles/README.md). */
export const STYLE_FILES: Record<StyleId, string> = {
  chicago: 'chicago-notes-bibliography.csl',
  apa: 'apa.csl',
  mla: 'modern-language-association.csl',
};

/**
 * Names the templates are registered under. Namespaced so that plugin-csl's own built-in `apa`
 * template stays untouched for anyone else in the process who uses citation-js.
 */
export const TEMPLATE_NAMES: Record<StyleId, string> = {
  chicago: 'lib-cite-chicago-notes-bibliography',
  apa: 'lib-cite-apa',
  mla: 'lib-cite-modern-language-association',
};

/** Where a style file may live: next to this module, or under the project root (Next.js bundles). */
export function styleFileCandidates(file: string): string[] {
  const candidates = [path.join(process.cwd(), 'lib/cite/styles', file)];
  // Next.js bundles turn new URL(…, import.meta.url) into asset modules, so only plain Node uses it
  if (!process.env.NEXT_RUNTIME) {
    try {
      candidates.push(fileURLToPath(new URL(`./styles/${file}`, import.meta.url)));
    } catch {
      // not a file: URL
    }
  }
  return candidates;
}

function readStyle(file: string): string {
  const tried = styleFileCandidates(file);
  for (const candidate of tried) {
    try {
      if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    } catch {
      // try the next candidate
    }
  }
  throw new Error(`lib/cite: CSL style ${file} not found (tried ${tried.join(', ')})`);
}

let registered = false;

/** Registers the three templates with plugin-csl (idempotent, lazy: first use reads the files). */
export function ensureStylesRegistered(): void {
  if (registered) return;
  const templates = plugins.config.get('@csl').templates;
  for (const id of Object.keys(STYLE_FILES) as StyleId[]) {
    const name = TEMPLATE_NAMES[id];
    if (!templates.has(name)) templates.add(name, readStyle(STYLE_FILES[id]));
  }
  registered = true;
}
