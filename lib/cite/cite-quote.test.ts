import { describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../types';
import { citeQuote, formatQuoteWithCitation, type CiteInput } from './index';
import { citationCacheStats } from './document-citations';

const report: DocumentInfo = {
  id: 'leidenasiacentre-2025-shaping-a-new-alliance',
  title: "Shaping a New Alliance: Japan's Defense Evolution and Strategic Shift towards NATO and Europe",
  authors: ['Anoma P. van der Veere'],
  date: '2025-04',
  publisher: 'LeidenAsiaCentre',
  place: 'Leiden',
  url: null,
  kind: 'report',
};

const undatedArticle: DocumentInfo = {
  id: 'japan-and-europe-a-marriage-of-convenience-matures',
  title: 'Japan and Europe: A Marriage of Convenience Matures',
  authors: [],
  date: null,
  publisher: null,
  place: null,
  url: null,
  kind: 'article',
};

const webArticle: DocumentInfo = {
  id: 'leidenasiacentre-2025-japans-shift-toward-nato-and-europe',
  title: 'Japan’s Shift toward NATO and Europe',
  authors: ['Frans-Paul van der Putten'],
  date: '2025-04-07',
  publisher: 'LeidenAsiaCentre',
  place: null,
  url: 'https://leidenasiacentre.nl/japans-shift-toward-nato-and-europe/',
  kind: 'web-article',
};

const jimbo: CiteInput = {
  document: report,
  speaker: { name: 'Ken Jimbo', affiliation: 'Keio University' },
  kind: 'interview',
  interviewDate: '2024-12-03',
  section: '5. The Taiwan Scenario: A Case for Extended Cooperation with Europe',
};

// The processor prints typographic apostrophes; compare titles with them folded.
const fold = (s: string): string => s.replace(/[‘’]/g, "'");
const TITLE = "Shaping a New Alliance: Japan's Defense Evolution and Strategic Shift towards NATO and Europe";

function expectClean(text: string): void {
  expect(text).not.toMatch(/<[^>]+>/);
  expect(text).not.toMatch(/&[a-z#0-9]+;/i);
  expect(text).not.toMatch(/ {2}/);
  expect(text).not.toMatch(/(?<!\.)\.\.(?!\.)/);
  expect(text).not.toMatch(/\n/);
  expect(text).toBe(text.trim());
}

describe('citeQuote: interview quoted in a report', () => {
  const c = citeQuote(jimbo);

  it('Chicago note: speaker, interview by the author, date, quoted in the full note', () => {
    expect(c.chicago).toMatch(/^Ken Jimbo, interview by Anoma P\. van der Veere, December 3, 2024, quoted in /);
    expect(c.chicago).toContain('quoted in Anoma P. van der Veere, ');
    expect(fold(c.chicago)).toContain(TITLE);
    expect(c.chicago).toContain('(LeidenAsiaCentre, 2025)');
    expect(c.chicago.endsWith('.')).toBe(true);
    expectClean(c.chicago);
  });

  it('APA 7: speaker (interview, date), as cited in the reference entry', () => {
    expect(c.apa).toMatch(/^Ken Jimbo \(interview, December 3, 2024\), as cited in van der Veere, A\. P\. \(2025\)\. /);
    expect(fold(c.apa)).toContain(`${TITLE}. LeidenAsiaCentre.`);
    expectClean(c.apa);
  });

  it('MLA 9: inverted speaker, interview, Quoted in the works-cited entry', () => {
    expect(c.mla).toMatch(/^Jimbo, Ken\. Interview by Anoma P\. van der Veere, 3 Dec\. 2024\. Quoted in van der Veere, Anoma P\. /);
    expect(fold(c.mla)).toContain(TITLE);
    expect(c.mla).toContain('LeidenAsiaCentre, Apr. 2025.');
    expectClean(c.mla);
  });

  it('uses a footnote number as the Chicago locator only', () => {
    const withNote = citeQuote({ ...jimbo, footnoteNumber: 132 });
    expect(withNote.chicago).toMatch(/\(LeidenAsiaCentre, 2025\), n\. 132\.$/);
    expect(withNote.apa).toBe(c.apa);
    expect(withNote.mla).toBe(c.mla);
  });

  it('cites the document itself for analysis', () => {
    const a = citeQuote({ ...jimbo, kind: 'analysis', speaker: null, interviewDate: null });
    expect(a.chicago).toMatch(/^Anoma P\. van der Veere, Shaping a New Alliance/);
    expect(a.apa).toMatch(/^van der Veere, A\. P\. \(2025\)\. Shaping a New Alliance/);
    expect(a.mla).toMatch(/^van der Veere, Anoma P\. Shaping a New Alliance/);
    for (const s of Object.values(a)) {
      expect(s).not.toMatch(/quoted in|as cited in|Jimbo/i);
      expectClean(s);
    }
  });
});

describe('citeQuote: anonymous source', () => {
  const c = citeQuote({
    document: report,
    speaker: { name: 'MFA official', affiliation: 'Ministry of Foreign Affairs (MFA), Japan', anonymous: true },
    kind: 'interview',
    interviewDate: '2024-12-05',
    section: null,
  });

  it('describes the source in every style', () => {
    const who = 'An official of the Ministry of Foreign Affairs (MFA), Japan';
    expect(c.chicago).toMatch(new RegExp(`^${escape(who)}, interview by Anoma P\\. van der Veere, December 5, 2024, quoted in Anoma P\\. van der Veere, `));
    expect(c.apa).toMatch(new RegExp(`^${escape(who)} \\(interview, December 5, 2024\\), as cited in van der Veere, A\\. P\\. \\(2025\\)`));
    expect(c.mla).toMatch(new RegExp(`^${escape(who)}\\. Interview by Anoma P\\. van der Veere, 5 Dec\\. 2024\\. Quoted in van der Veere, Anoma P\\.`));
    for (const s of Object.values(c)) {
      expect(s).not.toContain('MFA official');
      expectClean(s);
    }
  });

  it('recognises a description without the anonymous flag', () => {
    const d = citeQuote({
      document: report,
      speaker: { name: 'MFA official', affiliation: 'Ministry of Foreign Affairs (MFA), Japan' },
      kind: 'interview',
      interviewDate: '2024-12-05',
      section: null,
    });
    expect(d).toEqual(c);
  });

  it('reads naturally with no name or affiliation', () => {
    const e = citeQuote({ document: report, speaker: { name: '', affiliation: null, anonymous: true }, kind: 'interview', interviewDate: null, section: null });
    expect(e.chicago).toMatch(/^An anonymous source, interview by Anoma P\. van der Veere, quoted in /);
    expect(e.apa).toMatch(/^An anonymous source \(interview\), as cited in /);
    expect(e.mla).toMatch(/^An anonymous source\. Interview by Anoma P\. van der Veere\. Quoted in /);
  });
});

describe('citeQuote: statement quoted in an undated article without author', () => {
  const c = citeQuote({
    document: undatedArticle,
    speaker: { name: 'Ishii Masafumi', affiliation: null },
    kind: 'quote',
    interviewDate: null,
    section: null,
  });

  it('uses quoted in / as cited in without "interview", title first, n.d.', () => {
    expect(c.chicago).toBe('Ishii Masafumi, quoted in Japan and Europe: A Marriage of Convenience Matures, n.d.');
    expect(c.apa).toBe('Ishii Masafumi, as cited in Japan and Europe: A Marriage of Convenience Matures. (n.d.).');
    // MLA 9 omits a missing date; a name written family name first is not inverted.
    expect(c.mla).toBe('Ishii Masafumi. Quoted in Japan and Europe: A Marriage of Convenience Matures.');
    for (const s of Object.values(c)) {
      expect(s).not.toMatch(/interview|preprint/i);
      expectClean(s);
    }
  });

  it('cites a quote with no speaker', () => {
    const d = citeQuote({ document: undatedArticle, speaker: null, kind: 'quote', interviewDate: null, section: null, footnoteNumber: 2 });
    expect(d.chicago).toBe('Quoted in Japan and Europe: A Marriage of Convenience Matures, n.d., n. 2.');
    expect(d.apa).toMatch(/^As cited in Japan and Europe/);
    expect(d.mla).toMatch(/^Quoted in Japan and Europe/);
  });
});

describe('citeQuote: web article with a full date', () => {
  const c = citeQuote({
    document: webArticle,
    speaker: { name: 'Fumio Kishida', affiliation: 'Prime Minister of Japan' },
    kind: 'quote',
    interviewDate: null,
    section: null,
  });

  it('prints the day in every style', () => {
    expect(fold(c.chicago)).toBe(
      "Fumio Kishida, quoted in Frans-Paul van der Putten, \u201cJapan's Shift toward NATO and Europe,\u201d LeidenAsiaCentre, April 7, 2025, https://leidenasiacentre.nl/japans-shift-toward-nato-and-europe/.",
    );
    expect(c.apa).toMatch(
      /^Fumio Kishida, as cited in van der Putten, F\.-P\. \(2025, April 7\)\. Japan’s Shift toward NATO and Europe\. LeidenAsiaCentre\. https:\/\//,
    );
    expect(c.mla).toMatch(
      /^Kishida, Fumio\. Quoted in van der Putten, Frans-Paul\. “Japan’s Shift toward NATO and Europe\.” LeidenAsiaCentre, 7 Apr\. 2025, https:\/\//,
    );
    for (const s of Object.values(c)) expectClean(s);
  });
});

describe('citeQuote: cost', () => {
  it('formats each document once and serves repeat citations from the cache', () => {
    const speakers = ['Ken Jimbo', 'Saya Kiba', 'Tsuruoka Michito', 'MFA official'];
    citeQuote({ ...jimbo, footnoteNumber: 1 }); // warm: styles registered, document formatted
    const before = citationCacheStats();
    const started = performance.now();
    const results = [];
    for (let i = 0; i < 100; i++) {
      results.push(citeQuote({ ...jimbo, speaker: { name: speakers[i % speakers.length], affiliation: null }, footnoteNumber: 100 + i }));
    }
    const ms = performance.now() - started;
    const after = citationCacheStats();
    const again = performance.now();
    for (let i = 0; i < 100; i++) citeQuote({ ...jimbo, speaker: { name: speakers[i % speakers.length], affiliation: null }, footnoteNumber: 100 + i });
    const repeatMs = performance.now() - again;
    console.info(
      `citeQuote: 100 calls on a cited document ${ms.toFixed(2)} ms (${((ms / 100) * 1000).toFixed(1)} µs/call); ` +
        `the same 100 again ${repeatMs.toFixed(2)} ms (${((repeatMs / 100) * 1000).toFixed(1)} µs/call)`,
    );
    // No CSL processor work for a document already cited (budgets are measured in the bench).
    expect(after.processorCalls).toBe(before.processorCalls);
    expect(after.documents).toBe(before.documents);
    expect(new Set(results.map((r) => r.apa)).size).toBe(speakers.length);
    expect(results[2].chicago).toMatch(/^Tsuruoka Michito, interview by .*\(LeidenAsiaCentre, 2025\), n\. 102\.$/);
  });
});

describe('formatQuoteWithCitation', () => {
  const citation =
    'Ken Jimbo, interview by Anoma P. van der Veere, December 3, 2024, quoted in Anoma P. van der Veere, Shaping a New Alliance (LeidenAsiaCentre, 2025).';

  it('puts the text in typographic quotation marks followed by the citation', () => {
    expect(formatQuoteWithCitation('Japan cannot do this alone.', citation)).toBe(`“Japan cannot do this alone.” ${citation}`);
  });

  it('replaces existing outer quotes and nests inner ones', () => {
    expect(formatQuoteWithCitation('  "We have to be \n "realistic" here."  ', 'X.')).toBe('“We have to be ‘realistic’ here.” X.');
    expect(formatQuoteWithCitation('“It is a “marriage” of convenience.”', 'X.')).toBe('“It is a ‘marriage’ of convenience.” X.');
    expect(formatQuoteWithCitation('"A" and "B"', 'X.')).toBe('“‘A’ and ‘B’” X.');
  });

  it('returns just the quote without a citation', () => {
    expect(formatQuoteWithCitation('Text.', '')).toBe('“Text.”');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
