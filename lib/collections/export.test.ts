import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../export/formats';
import { buildExport, ExportInputError, parseExportQuery } from './export';
import { collectionsFile, saveQuotes } from './store';
import { buildFixtureIndex, type FixtureIndex } from './test-fixture';

let fx: FixtureIndex;
beforeAll(async () => {
  fx = await buildFixtureIndex();
}, 120_000);
afterAll(() => fx?.remove());

const parse = (qs: string) => parseExportQuery(new URLSearchParams(qs));
const now = new Date('2025-03-04T05:06:07Z');

describe('parseExportQuery', () => {
  it('reads ids, saved, speaker or a search, with Markdown and Chicago by default', () => {
    expect(parse('ids=q-1,q-2&ids=q-1')).toEqual({ ok: true, value: { format: 'md', style: 'chicago', source: { kind: 'ids', ids: ['q-1', 'q-2'] } } });
    expect(parse('saved=1&format=csv')).toMatchObject({ ok: true, value: { format: 'csv', source: { kind: 'saved' } } });
    expect(parse('speaker=ken-example&format=ris')).toMatchObject({ ok: true, value: { source: { kind: 'speaker', speakerId: 'ken-example' } } });
    expect(parse('q=fishing&speaker=ann-sample&limit=5&style=apa')).toMatchObject({
      ok: true,
      value: { style: 'apa', source: { kind: 'search', params: { q: 'fishing', speakers: ['ann-sample'], limit: 5 } } },
    });
  });

  it('says what is wrong', () => {
    for (const [qs, message] of [
      ['', /say what to export/],
      ['ids=q-1&saved=1', /exactly one/],
      ['format=pdf&saved=1', /format must be/],
      ['style=harvard&saved=1', /style must be/],
      ['ids=%3Cscript%3E', /quote ids/],
      ['q=', /empty/],
      ['speaker=a,b', /one speaker id/],
      ['format=md&format=csv&saved=1', /more than once/],
    ] as const) {
      const r = parse(qs);
      expect(r.ok, qs).toBe(false);
      if (!r.ok) expect(r.error, qs).toMatch(message);
    }
  });
});

describe('buildExport', () => {
  const ids = () => fx.reader.quotes().map((q) => q.id);

  it('writes CSV with one row per quote and every attribution field, in document order', async () => {
    const [a, b] = ids();
    const file = await buildExport(fx.reader, fx.embedder, { format: 'csv', style: 'chicago', source: { kind: 'ids', ids: [b, a] } }, { now });
    expect(file.contentType).toMatch(/^text\/csv; charset=utf-8/);
    expect(file.filename).toBe('expert-quotes-selection-2025-03-04.csv');
    expect(file.body.startsWith('\ufeff')).toBe(true);
    const lines = file.body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1].startsWith(`${a},interview,ken-example,Ken Example,`)).toBe(true);
    expect(lines[2].startsWith(`${b},interview,ann-sample,Ann Sample,`)).toBe(true);
    // an absolute deep link that opens the quote highlighted (default base URL without a request)
    expect(file.body).toContain(`,http://localhost:3000/documents/test-report-on-fisheries?quote=${a}#${a},`);
  });

  it('writes Markdown with the quote, its speaker and its citation in the chosen style', async () => {
    const [a] = ids();
    const file = await buildExport(
      fx.reader,
      fx.embedder,
      { format: 'md', style: 'mla', source: { kind: 'ids', ids: [a] } },
      { now, baseUrl: 'https://quotes.example.org' },
    );
    expect(file.contentType).toBe('text/markdown; charset=utf-8');
    expect(file.body).toMatch(/\*\*Ken Example\*\*.*\(interview/);
    expect(file.body).toContain('> We have to be realistic about quotas');
    // MLA 9: "qtd. in" the work consulted, which alone is in works cited; nobody named as interviewer
    expect(file.body).toContain('(qtd. in Doe)\n\nDoe, Jane. A Test Report on Fisheries. Test Institute, May 2024.');
    expect(file.body).not.toMatch(/Interview by/i);
    expect(file.body).toContain('MLA 9');
    expect(file.body).toContain(`(https://quotes.example.org/documents/test-report-on-fisheries?quote=${a}#${a})`);
  });

  it('writes BibTeX and RIS records, one per quote, with the quote and its speaker in the note', async () => {
    const bib = await buildExport(fx.reader, fx.embedder, { format: 'bibtex', style: 'chicago', source: { kind: 'ids', ids: ids() } }, { now });
    expect(bib.contentType).toBe('application/x-bibtex; charset=utf-8');
    expect(bib.filename).toMatch(/-selection-2025-03-04\.bib$/);
    expect(bib.body.match(/^@/gm)).toHaveLength(ids().length);
    expect(bib.body).toMatch(
      /@techreport\{doe2024test-[a-z0-9]{8},[\s\S]*institution = \{Test Institute\}[\s\S]*note = \{Ken Example, Example University; interview; transcribed December 3, 2024; note 1: “We have to be realistic/,
    );
    const ris = await buildExport(fx.reader, fx.embedder, { format: 'ris', style: 'chicago', source: { kind: 'speaker', speakerId: 'ann-sample' } }, { now });
    expect(ris.contentType).toBe('application/x-research-info-systems; charset=utf-8');
    expect(ris.body).toMatch(/^TY {2}- RPRT/);
    expect(ris.body).toMatch(/^N1 {2}- Ann Sample, Sample Institute; interview; transcribed December 5, 2024; note 2: “The fishing fleets/m);
    expect(ris.body).toMatch(/^ER {2}-/m);
  });

  it('exports the saved quotes and a result list', async () => {
    const savedFile = collectionsFile(path.join(fx.dir, 'user-export'));
    await saveQuotes(fx.reader, [ids()[1]], savedFile);
    const saved = await buildExport(
      fx.reader,
      fx.embedder,
      { format: 'json', style: 'chicago', source: { kind: 'saved', order: 'document' } },
      { now, savedFile },
    );
    expect(JSON.parse(saved.body).map((q: { id: string }) => q.id)).toEqual([ids()[1]]);
    // the page's order: newest first exports the quote saved last first, document order does not
    const ordered = collectionsFile(path.join(fx.dir, 'user-export-order'));
    await saveQuotes(fx.reader, [ids()[0]], ordered, new Date('2025-01-01T00:00:00Z'));
    await saveQuotes(fx.reader, [ids()[1]], ordered, new Date('2025-01-02T00:00:00Z'));
    const order = async (o: 'saved' | 'document') =>
      JSON.parse(
        (await buildExport(fx.reader, fx.embedder, { format: 'json', style: 'chicago', source: { kind: 'saved', order: o } }, { now, savedFile: ordered }))
          .body,
      ).map((q: { id: string }) => q.id);
    expect(await order('document')).toEqual([ids()[0], ids()[1]]);
    expect(await order('saved')).toEqual([ids()[1], ids()[0]]);
    expect(parse('saved=1&order=saved')).toMatchObject({ ok: true, value: { source: { kind: 'saved', order: 'saved' } } });
    expect(parse('saved=1&order=sideways')).toMatchObject({ ok: false });
    const search = await buildExport(
      fx.reader,
      fx.embedder,
      { format: 'json', style: 'chicago', source: { kind: 'search', params: { q: 'fishing fleets certainty', kind: 'quotes', limit: 1 } } },
      { now },
    );
    const rows = JSON.parse(search.body) as { id: string; score?: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(ids()[1]);
    // the quote object of the JSON contract, nothing of the result list (score, highlights, "also in")
    expect(Object.keys(rows[0]).sort()).toEqual([
      'attribution',
      'citation',
      'dateLabel',
      'document',
      'footnote',
      'href',
      'id',
      'interviewDate',
      'kind',
      'page',
      'section',
      'speaker',
      'text',
    ]);
    expect(search.filename).toBe('expert-quotes-fishing-fleets-certainty-2025-03-04.json');
  });

  it('refuses unknown ids and speakers', async () => {
    await expect(
      buildExport(fx.reader, fx.embedder, { format: 'md', style: 'chicago', source: { kind: 'ids', ids: ['q-0000000000000000'] } }),
    ).rejects.toBeInstanceOf(ExportInputError);
    await expect(buildExport(fx.reader, fx.embedder, { format: 'md', style: 'chicago', source: { kind: 'speaker', speakerId: 'nobody' } })).rejects.toThrow(
      /unknown speaker/,
    );
    await expect(
      buildExport(fx.reader, fx.embedder, { format: 'md', style: 'chicago', source: { kind: 'search', params: { q: 'x', speakers: ['nobody'] } } }),
    ).rejects.toThrow(/unknown speaker/);
  });
});
