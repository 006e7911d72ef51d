import { IndexReader } from '../db/index-reader';

// What a page weighs on the wire: the HTML markup, and the RSC payload (self.__next_f.push scripts) that hydrates it.

export interface PageWeight {
  page: string;
  status: number;
  ttfbMs: number;
  totalMs: number;
  /** Every byte of the response body. */
  bytes: number;
  /** The bytes of the <script>self.__next_f.push(…)</script> tags: the RSC payload the App Router hydrates from. */
  payloadBytes: number;
  /** bytes − payloadBytes: markup, styles links and the other scripts. */
  htmlBytes: number;
}

const PAYLOAD_SCRIPT = /<script[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g;

/** Splits a page into the RSC payload's script tags and everything else, in UTF-8 bytes. */
export function splitPage(html: string): { bytes: number; payloadBytes: number; htmlBytes: number } {
  const bytes = Buffer.byteLength(html, 'utf8');
  let payloadBytes = 0;
  for (const m of html.matchAll(PAYLOAD_SCRIPT)) payloadBytes += Buffer.byteLength(m[0], 'utf8');
  return { bytes, payloadBytes, htmlBytes: bytes - payloadBytes };
}

/** GETs a URL, timing the first byte and the whole body. */
export async function timedGet(url: string): Promise<{ ms: number; ttfb: number; status: number; bytes: number; text: string }> {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  const reader = res.body?.getReader();
  let ttfb = Number.NaN;
  const chunks: Uint8Array[] = [];
  if (reader)
    for (;;) {
      const { done, value } = await reader.read();
      if (Number.isNaN(ttfb)) ttfb = performance.now() - started;
      if (done) break;
      chunks.push(value);
    }
  const ms = performance.now() - started;
  const bytes = chunks.reduce((n, c) => n + c.byteLength, 0);
  return { ms, ttfb, status: res.status, bytes, text: Buffer.concat(chunks).toString('utf8') };
}

/** Weighs one page: a first request warms the route's code, the second is measured. */
export async function weighPage(baseUrl: string, page: { name: string; path: string }): Promise<PageWeight> {
  await timedGet(`${baseUrl}${page.path}`);
  const r = await timedGet(`${baseUrl}${page.path}`);
  const split = splitPage(r.text);
  return { page: page.name, status: r.status, ttfbMs: r.ttfb, totalMs: r.ms, bytes: r.bytes, payloadBytes: split.payloadBytes, htmlBytes: split.htmlBytes };
}

export const PAGE_QUERY = 'sanctions against China in a Taiwan crisis';

/** The pages the bench weighs: search with 20 results, compare with the index's first 3 speakers, the first document. */
export function benchPages(dbPath: string): { name: string; path: string }[] {
  const reader = IndexReader.open(dbPath);
  try {
    const speakers = reader.speakers().slice(0, 3);
    const doc = reader.documents()[0];
    const q = encodeURIComponent(PAGE_QUERY);
    return [
      { name: 'search page, 20 results', path: `/?q=${q}&limit=20` },
      { name: 'compare page, 3 speakers', path: `/compare?q=${q}&speakers=${speakers.map((s) => s.id).join(',')}` },
      { name: 'document page', path: `/documents/${doc.id}` },
    ];
  } finally {
    reader.close();
  }
}

/** One line per page: status, TTFB, and bytes split into markup and payload. */
export function formatPageWeights(weights: PageWeight[]): string {
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const rows = [
    ['page', 'status', 'TTFB', 'whole', 'HTML', 'RSC payload', 'total'],
    ...weights.map((w) => [
      w.page,
      String(w.status),
      `${w.ttfbMs.toFixed(0)} ms`,
      `${w.totalMs.toFixed(0)} ms`,
      kib(w.htmlBytes),
      kib(w.payloadBytes),
      kib(w.bytes),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
