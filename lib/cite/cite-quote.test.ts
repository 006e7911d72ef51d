import { describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../types';
import type { CitableQuote } from './citable';
import { clipboardText, copyParts, splitCitation } from './clipboard';
import { citationCacheStats } from './document-citations';
import { citeCitable, citeQuote, formatQuoteWithCitation } from './index';

// The bundled documents' metadata as their front matter states it.
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
  publisher: null,
  place: null,
  url: null,
  kind: 'web-article',
};
const magnani: DocumentInfo = {
  id: 'magnani-indo-pacific-mega-basin',
  title: 'The Indo-Pacific Mega-Basin: Japanese Security and Defence',
  authors: ['Enrico Magnani'],
  date: null,
  publisher: null,
  place: null,
  url: null,
  kind: 'article',
};

const TITLE = 'Shaping a New Alliance: Japan’s Defense Evolution and Strategic Shift towards NATO and Europe';
const NOTE = `Anoma P. van der Veere, ${TITLE} (LeidenAsiaCentre, 2025)`;
const BIB = `Veere, Anoma P. van der. ${TITLE}. LeidenAsiaCentre, 2025.`;
const REF = `van der Veere, A. P. (2025). ${TITLE}. LeidenAsiaCentre.`;
const WORKS_CITED = `van der Veere, Anoma P. ${TITLE}. LeidenAsiaCentre, Apr. 2025.`;

// An interview quote with its own note, a transcription date and a page.
const kiba: CitableQuote = {
  kind: 'interview',
  text: 'Japan needs to be more strategic.',
  speaker: { name: 'Saya Kiba', role: null, affiliation: 'Kobe City University of Foreign Studies' },
  footnote: { number: 132, text: 'Interview with Saya Kiba. Transcribed on 3 December 2024.' },
  interviewDate: '2024-12-03',
  dateLabel: 'transcribed',
  interviewer: null,
  page: 41,
  document: report,
};

const all = (c: ReturnType<typeof citeCitable>) => [c.chicago.inText, c.chicago.entry, c.apa.inText, c.apa.entry, c.mla.inText, c.mla.entry].join('\n');

describe('an interview quote with note, transcription date and page', () => {
  const c = citeCitable(kiba);

  it('Chicago: the full note "…, quoted in …" with page and note, and the bibliography entry of the report', () => {
    expect(c.chicago.inText).toBe(`Saya Kiba, interview, transcribed December 3, 2024, quoted in ${NOTE}, 41n132.`);
    expect(c.chicago.entry).toBe(BIB);
  });

  it('APA 7: "(Kiba, as cited in van der Veere, 2025, p. 41)" and only the report in the reference list', () => {
    expect(c.apa.inText).toBe('(Kiba, as cited in van der Veere, 2025, p. 41)');
    expect(c.apa.entry).toBe(REF);
  });

  it('MLA 9: "(qtd. in van der Veere 41)", the speaker named in the sentence, only the report in works cited', () => {
    expect(c.mla.inText).toBe('(qtd. in van der Veere 41)');
    expect(c.mla.signal).toBe('Saya Kiba');
    expect(c.mla.entry).toBe(WORKS_CITED);
  });

  it('names no interviewer, since the note names none', () => {
    expect(all(c)).not.toMatch(/interview(ed)? by/i);
  });
});

describe('only what the source states', () => {
  it('a date without a label is not cited (not called an interview date)', () => {
    const c = citeCitable({ ...kiba, dateLabel: null });
    expect(all(c)).not.toMatch(/2024|December|Dec\./);
    expect(c.chicago.inText).toMatch(/^Saya Kiba, interview, quoted in /);
  });

  it('a quote without its own note cites no note number', () => {
    const c = citeCitable({ ...kiba, footnote: null, page: null });
    expect(all(c)).not.toMatch(/\bn\. ?\d|\dn\d/);
    expect(c.chicago.inText.endsWith('(LeidenAsiaCentre, 2025).')).toBe(true);
    expect(c.apa.inText).toBe('(Kiba, as cited in van der Veere, 2025)');
    expect(c.mla.inText).toBe('(qtd. in van der Veere)');
  });

  it('a note without a page is the Chicago locator "n. 132"; APA and MLA cite no note', () => {
    const c = citeCitable({ ...kiba, page: null });
    expect(c.chicago.inText.endsWith('(LeidenAsiaCentre, 2025), n. 132.')).toBe(true);
    expect(c.apa.inText).not.toContain('132');
    expect(c.mla.inText).not.toContain('132');
  });

  it('an interview date the note calls the interview date, and an interviewer the text names', () => {
    const c = citeCitable({ ...kiba, dateLabel: 'interviewed', interviewer: 'Jane Roe' });
    expect(c.chicago.inText).toMatch(/^Saya Kiba, interview by Jane Roe, December 3, 2024, quoted in /);
    // APA gives the original's year when the date is when the words were said
    expect(c.apa.inText).toBe('(Kiba, 2024, as cited in van der Veere, 2025, p. 41)');
  });

  it('a speech with its date', () => {
    const c = citeCitable({
      ...kiba,
      kind: 'quote',
      speaker: { name: 'Emmanuel Macron', role: 'President', affiliation: null },
      footnote: null,
      interviewDate: '2022-06-10',
      dateLabel: 'spoken',
    });
    expect(c.chicago.inText).toBe(`Emmanuel Macron, speech, June 10, 2022, quoted in ${NOTE}, 41.`);
    expect(c.apa.inText).toBe('(Macron, 2022, as cited in van der Veere, 2025, p. 41)');
    expect(c.mla.signal).toBe('Emmanuel Macron');
  });

  it('an unnamed official: "Interview with …" (CMOS) and a description in APA', () => {
    const c = citeCitable({
      ...kiba,
      speaker: { name: 'MFA official', role: null, affiliation: 'Ministry of Foreign Affairs (MFA), Japan', anonymous: true },
      footnote: { number: 56, text: 'Interview with MFA official. Transcribed on 18 December 2024.' },
      interviewDate: '2024-12-18',
      page: null,
    });
    expect(c.chicago.inText).toBe(
      `Interview with official of the Ministry of Foreign Affairs (MFA), Japan, transcribed December 18, 2024, quoted in ${NOTE}, n. 56.`,
    );
    expect(c.apa.inText).toBe('(an official of the Ministry of Foreign Affairs [MFA], Japan, as cited in van der Veere, 2025)');
    expect(c.mla.signal).toBe('an official of the Ministry of Foreign Affairs (MFA), Japan');
    expect(all(c)).not.toContain('MFA official');
  });
});

describe('quoted statements and analysis in the other bundled documents', () => {
  it('an undated article without author: its title in quotation marks in Chicago and MLA, no preprint', () => {
    const c = citeCitable({
      ...kiba,
      kind: 'quote',
      speaker: { name: 'Shinzo Abe', role: 'Prime Minister', affiliation: null },
      footnote: null,
      interviewDate: null,
      dateLabel: null,
      page: null,
      document: undatedArticle,
    });
    expect(c.chicago.inText).toBe('Shinzo Abe, quoted in “Japan and Europe: A Marriage of Convenience Matures.”');
    expect(c.chicago.entry).toBe('“Japan and Europe: A Marriage of Convenience Matures.”');
    expect(c.mla.inText).toBe('(qtd. in “Japan and Europe: A Marriage of Convenience Matures”)');
    expect(c.mla.entry).toBe('“Japan and Europe: A Marriage of Convenience Matures.”');
    expect(c.apa.inText).toBe('(Abe, as cited in Japan and Europe: A Marriage of Convenience Matures, n.d.)');
    expect(all(c)).not.toMatch(/preprint/i);
  });

  it('a dated web article: title quoted, day in every style', () => {
    const c = citeCitable({
      ...kiba,
      kind: 'quote',
      speaker: { name: 'Fumio Kishida', role: 'Prime Minister', affiliation: null },
      footnote: null,
      interviewDate: null,
      dateLabel: null,
      page: null,
      document: webArticle,
    });
    expect(c.chicago.inText).toBe('Fumio Kishida, quoted in Frans-Paul van der Putten, “Japan’s Shift toward NATO and Europe,” April 7, 2025.');
    expect(c.chicago.entry).toBe('Putten, Frans-Paul van der. “Japan’s Shift toward NATO and Europe.” April 7, 2025.');
    expect(c.apa.entry).toBe('van der Putten, F.-P. (2025, April 7). Japan’s Shift toward NATO and Europe.');
    expect(c.mla.entry).toBe('van der Putten, Frans-Paul. “Japan’s Shift toward NATO and Europe.” 7 Apr. 2025.');
  });

  it('analysis cites the document itself, with the page where there is one', () => {
    const c = citeCitable({ ...kiba, kind: 'analysis', speaker: null, footnote: null, interviewDate: null, dateLabel: null, page: 7, document: magnani });
    expect(c.chicago.inText).toBe('Enrico Magnani, “The Indo-Pacific Mega-Basin: Japanese Security and Defence,” 7.');
    expect(c.apa.inText).toBe('(Magnani, n.d., p. 7)');
    expect(c.mla.inText).toBe('(Magnani 7)');
    expect(all(c)).not.toMatch(/quoted in|as cited in|qtd\./i);
  });

  it('a quote nobody is named for cites the document, naming nobody', () => {
    const c = citeCitable({ ...kiba, speaker: null, page: null });
    expect(c.chicago.inText).toBe(`${NOTE}, n. 132.`);
    expect(c.apa.inText).toBe('(van der Veere, 2025)');
    expect(c.mla.signal).toBeNull();
  });
});

describe('stored citations (ingest input of today) and the clipboard', () => {
  const stored = citeQuote({
    document: report,
    speaker: { name: 'Saya Kiba', affiliation: null },
    kind: 'interview',
    interviewDate: '2024-12-03',
    section: null,
    footnoteNumber: 132,
  });

  it("today's records carry no date label or interviewer: neither is cited", () => {
    expect(Object.values(stored).join('\n')).not.toMatch(/2024|interview by/);
    expect(splitCitation(stored.apa)).toEqual({ inText: '(Kiba, as cited in van der Veere, 2025)', entry: REF });
  });

  it('pastes the quote, the in-text form and the entry; the full stop follows the parenthesis', () => {
    const c = citeCitable(kiba);
    const quoted = formatQuoteWithCitation(kiba.text, '');
    expect(quoted).toBe('“Japan needs to be more strategic.”');
    const join = (s: { inText: string; entry: string }) => `${s.inText}\n\n${s.entry}`;
    expect(clipboardText(quoted, 'apa', join(c.apa), null)).toBe(
      `“Japan needs to be more strategic” (Kiba, as cited in van der Veere, 2025, p. 41).\n\n${REF}`,
    );
    expect(clipboardText(quoted, 'mla', join(c.mla), c.mla.signal)).toBe(
      `According to Saya Kiba, “Japan needs to be more strategic” (qtd. in van der Veere 41).\n\n${WORKS_CITED}`,
    );
    expect(clipboardText(quoted, 'chicago', join(c.chicago), null)).toBe(`${quoted}\n\n${c.chicago.inText}\n\n${BIB}`);
    expect(clipboardText('“Why not?”', 'apa', '(X, 2020)', null)).toBe('“Why not?” (X, 2020).');
  });

  it('previews what it copies', () => {
    const c = citeCitable(kiba);
    const card = {
      quoted: '“Japan needs to be more strategic.”',
      citation: { chicago: `${c.chicago.inText}\n\n${c.chicago.entry}`, apa: `${c.apa.inText}\n\n${c.apa.entry}`, mla: `${c.mla.inText}\n\n${c.mla.entry}` },
      signal: c.mla.signal,
      documentId: report.id,
      quoteId: 'q-0123456789abcdef',
      note: { ...kiba, text: undefined },
    };
    for (const style of ['chicago', 'apa', 'mla'] as const) {
      const parts = copyParts(card, style, undefined);
      for (const p of parts.preview)
        expect(parts.text).toContain(
          p.text
            .replace('“…”', '')
            .replace(/^According to Saya Kiba, /, '')
            .trim(),
        );
    }
    expect(copyParts(card, 'mla', undefined).preview[0].text).toBe('According to Saya Kiba, “…” (qtd. in van der Veere 41).');
  });

  it('formats each document once per shape: new pages and notes cost no processor run', () => {
    citeCitable(kiba);
    const before = citationCacheStats().processorCalls;
    for (let page = 1; page <= 20; page++) citeCitable({ ...kiba, page, footnote: { number: 100 + page, text: null } });
    expect(citationCacheStats().processorCalls).toBe(before);
  });
});
