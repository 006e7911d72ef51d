import { describe, expect, it } from 'vitest';
import { readHtml } from './html';

const page = (body: string, head = '') => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const filler = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the article discusses port security along the coast, the cables under the sea and the people who watch them at night.</p>`,
).join('');

describe('readHtml', () => {
  it('turns <sup><a href="#fn3"> markers and an <ol class="footnotes"> list into note markers and note lines', () => {
    const html = page(
      `<nav><a href="/">Home</a> <a href="/about">About</a></nav><article><h1>Ports</h1>${filler}
       <p>As Lena Sjöberg, a harbour master, puts it:</p>
       <blockquote><p><em>Nobody watches the night shift.</em><sup><a href="#fn-x">1</a></sup></p></blockquote>
       <p>The text goes on, with a <a href="https://example.org/report">linked report</a>.</p>
       <ol class="footnotes"><li id="fn-x">Interview with Lena Sjöberg, Harbour Master. Transcribed on 2 May 2025. <a href="#ref-x">↩</a></li></ol>
       </article><footer>Copyright notice of the site</footer>`,
      '<meta name="citation_title" content="Ports at Night"><meta name="citation_author" content="Anna Lind"><meta name="citation_author" content="Per Holm"><meta name="citation_publication_date" content="2025/05/20">',
    );
    const out = readHtml('ports.html', html);
    expect(out.body).toContain('*Nobody watches the night shift.*¹');
    expect(out.body).toContain('¹ Interview with Lena Sjöberg, Harbour Master. Transcribed on 2 May 2025.');
    expect(out.body).toContain('with a linked report.');
    expect(out.body).not.toMatch(/Home|Copyright|↩/);
    expect(out.meta).toMatchObject({ title: 'Ports at Night', authors: ['Anna Lind', 'Per Holm'], date: '2025-05-20' });
  });

  it('reads JSON-LD and Open Graph where citation tags are absent, and states nothing the page does not', () => {
    const html = page(
      `<article><h1>Ports</h1>${filler}</article>`,
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"Night Ports","author":[{"@type":"Person","name":"Ola Berg"}],"datePublished":"2024-11-03T08:00:00Z","publisher":{"@type":"Organization","name":"Coast Daily"}}]}</script><meta property="og:url" content="https://example.org/night-ports">',
    );
    expect(readHtml('night.html', html).meta).toMatchObject({
      title: 'Night Ports',
      authors: ['Ola Berg'],
      date: '2024-11-03',
      publisher: 'Coast Daily',
      url: 'https://example.org/night-ports',
    });
    expect(readHtml('bare.html', page(`<article>${filler}</article>`)).meta).toMatchObject({ authors: [], date: null, publisher: null, url: null });
  });
});
