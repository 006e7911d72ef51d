import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { rawRequest } from './http';

/**
 * The pages the product is meant to have (DESIGN.md). Tests run against whatever app/ holds when
 * they run (see discoverPages), so a new page is covered without editing this list; the list only
 * lets a test report which expected pages are still missing.
 */
export const EXPECTED_PAGES = ['/', '/compare', '/speakers', '/speakers/[id]', '/documents/[id]', '/saved'];

export interface PageRoute {
  /** e.g. "/speakers/[id]" */
  pattern: string;
  /** names of dynamic segments, in order */
  params: string[];
}

const PAGE_FILE = /^page\.(tsx|ts|jsx|js|mdx)$/;

/** Every page route under app/: route groups "(x)" add no segment; private "_x", parallel "@x" and intercepting "(.)x" folders are skipped. */
export function discoverPages(appDir = path.join(process.cwd(), 'app')): PageRoute[] {
  const out: PageRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    const entries = readdirSync(dir);
    if (entries.some((e) => PAGE_FILE.test(e))) {
      const pattern = `/${segments.join('/')}`;
      out.push({ pattern, params: segments.filter((s) => s.startsWith('[')).map((s) => s.replace(/^\[+(?:\.\.\.)?|\]+$/g, '')) });
    }
    for (const e of entries) {
      const full = path.join(dir, e);
      if (!statSync(full).isDirectory()) continue;
      if (e.startsWith('_') || e.startsWith('@') || /^\(\.+\)/.test(e) || e === 'api') continue;
      walk(full, /^\(.*\)$/.test(e) ? segments : [...segments, e]);
    }
  };
  if (existsSync(appDir)) walk(appDir, []);
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export interface KnownIds {
  speaker: string;
  document: string;
  quote: string;
}

/** Real ids from the served index (via the API), to build a valid URL for each dynamic page. */
export async function knownIds(baseURL: string): Promise<KnownIds> {
  const r = await rawRequest(baseURL, '/api/search?q=Ken%20Jimbo%20Europe&kind=interview&limit=5');
  const body = JSON.parse(r.body) as { results: { id: string; speaker: { id: string } | null; document: { id: string } }[] };
  const withSpeaker = body.results.find((x) => x.speaker);
  if (!withSpeaker) throw new Error(`no attributed quote found to take ids from: ${r.body.slice(0, 300)}`);
  return { speaker: withSpeaker.speaker!.id, document: withSpeaker.document.id, quote: withSpeaker.id };
}

/** The id a dynamic segment most likely takes, judged by the folder before it (speakers/[id] → a speaker id). */
export function idFor(route: PageRoute, segmentIndex: number, ids: KnownIds): string {
  const parts = route.pattern.split('/').filter(Boolean);
  const dynamicPositions = parts.map((p, i) => (p.startsWith('[') ? i : -1)).filter((i) => i >= 0);
  const before = parts[dynamicPositions[segmentIndex] - 1] ?? '';
  if (/speaker/i.test(before)) return ids.speaker;
  if (/quote/i.test(before)) return ids.quote;
  return ids.document;
}

/** A concrete path for a route, with `replace(i)` giving the value of the i-th dynamic segment (already URL-encoded). */
export function fillRoute(route: PageRoute, replace: (i: number) => string): string {
  let i = 0;
  return route.pattern.replace(/\[\[?(?:\.\.\.)?[^\]]+\]\]?/g, () => replace(i++));
}
