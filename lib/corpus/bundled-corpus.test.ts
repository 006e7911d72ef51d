// Parse-only checks on the bundled corpus (no embedding): structure, footnotes and attribution of
// the four documents against figures established by reading them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERVIEWS_PER_SPEAKER, REPORT_INTERVIEWS } from '../ingest/fixtures/report-interviews';
import { parseDocument } from './parse-document';
import { readSource } from './read-source';
import { slug } from './structure';

const parse = (id: string) => {
  const file = path.join(process.cwd(), 'corpus', `${id}.md`);
  return parseDocument(readSource(file, readFileSync(file, 'utf8')));
};
const report = parse('leidenasiacentre-2025-shaping-a-new-alliance');
const marriage = parse('japan-and-europe-a-marriage-of-convenience-matures');
const web = parse('leidenasiacentre-2025-japans-shift-toward-nato-and-europe');
const magnani = parse('magnani-indo-pacific-mega-basin');
const paragraphWith = (doc: typeof report, s: string) => doc.paragraphs.filter((p) => p.text.includes(s));

describe('the report: structure and footnotes', () => {
  it('has its sections in order', () => {
    expect(report.sections.map((s) => s.heading)).toEqual([
      null,
      'Recommendations',
      'Table of Contents',
      'Executive Summary',
      'Preface to “Shaping a New alliance: Japan’s Defense Evolution and Strategic Shift Towards NATO and Europe”',
      "Foreword: Japan's Shift toward NATO and Europe",
      "1. The Transformation of Japan's Defense Posture",
      '2. Enduring Reliance on the U.S. and the Diversification of Strategic Partnerships',
      '3. Public Opinion in Japan and International Defense Cooperation',
      '4. Japan and China: Engaging with Southeast Asia and the Pacific',
      '5. The Taiwan Scenario: A Case for Extended Cooperation with Europe',
      'Conclusion',
      "Appendix I: Japan's Strategic Dependence on the US",
      'Appendix II: The Post-Cold War Alliance and the Japanese Self-Defense Forces (JSDF)',
      'References',
    ]);
  });

  it('collects all 158 footnotes and finds each marker once, in order, leaving no superscript in the text', () => {
    expect(report.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 158 }, (_, i) => i + 1));
    expect(report.paragraphs.flatMap((p) => p.refs.map((r) => r.number))).toEqual(Array.from({ length: 158 }, (_, i) => i + 1));
    expect(report.paragraphs.filter((p) => /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(p.text))).toEqual([]);
    expect(report.paragraphs.filter((p) => /Transcribed on|^Interview with/.test(p.text))).toEqual([]);
    // a note continued on a plain line (a URL, a second paragraph) keeps that line
    expect(report.footnotes.find((f) => f.number === 55)!.text).toContain('please see: <https://www.mofa.go.jp/files/000049189.pdf>');
    expect(report.footnotes.find((f) => f.number === 135)!.text).toMatch(/175\nhttps:\/\/www\.eas\.europa\.eu/);
  });

  it('rejoins the paragraphs and quotes that page breaks split', () => {
    for (const joined of [
      'creates the risk of framing Sino-Japanese relations within a narrative',
      'has been the deployment of surface-to-air missile units and anti-ship missile systems.',
      'There are still active territorial disputes as well. Importantly, Russia has already shown',
      'its presence lacks impact. By concentrating on specific areas like capacity-building',
      "Kishida's statements highlight Japan's concerns about the potential for similar conflicts",
      'Economic development continues to be a major policy objective',
      'eyeing both the European and Asian theatres',
    ])
      expect(paragraphWith(report, joined), joined).toHaveLength(1);
  });

  it('tells bylines and meta lines from headings', () => {
    expect(report.paragraphs.filter((p) => p.kind === 'byline').map((p) => p.text)).toEqual([
      'Haruko Satoh – Osaka School of International Public Policy, Osaka University',
      'Frans-Paul van der Putten – Founder of ChinaGeopolitics',
    ]);
    expect(report.paragraphs.slice(0, 3).map((p) => [p.kind, p.text])).toEqual([
      ['meta', "Shaping a New Alliance: Japan's Defense Evolution and Strategic Shift towards NATO and Europe"],
      ['meta', 'Anoma P. van der Veere'],
      ['meta', 'April, 2025'],
    ]);
    expect(report.paragraphs.filter((p) => p.kind === 'toc')).toHaveLength(13);
  });
});

describe('the report: interview quotes', () => {
  const interviews = report.quotes.filter((q) => q.kind === 'interview');
  const speakerId = (q: (typeof interviews)[number]) => slug(q.speaker?.name ?? '');

  it('finds the 34 interview quotes, each whole, with speaker, note, date and place', () => {
    expect(interviews.map((q) => ({ line: q.line, speaker: speakerId(q), footnote: q.footnoteNumber, date: q.interviewDate, text: q.text }))).toEqual(
      REPORT_INTERVIEWS,
    );
  });

  it('counts the interview quotes per speaker', () => {
    const counts: Record<string, number> = {};
    for (const q of interviews) counts[speakerId(q)] = (counts[speakerId(q)] ?? 0) + 1;
    expect(counts).toEqual(INTERVIEWS_PER_SPEAKER);
  });

  it('reads the seven interviewees from the notes, the misspelt one merged, with the affiliation of the fullest note', () => {
    const bySpeaker = new Map(report.interviews.map((i) => [i.speaker.name, i.speaker.affiliation]));
    expect(Object.fromEntries(bySpeaker)).toEqual({
      'Takuya Matsuda': 'Aoyama-Gakuin University',
      'Tsuyoshi Goroku': 'Nishogakusha University',
      'MFA official': 'Ministry of Foreign Affairs (MFA), Japan',
      'Ken Jimbo': 'Keio University',
      'Yoichiro Sato': 'Ritsumeikan Asia Pacific University',
      'Kei Koga': 'Nanyang Technological University (NTU)',
      'Saya Kiba': 'Kobe City University of Foreign Studies',
    });
    expect(report.interviews.filter((i) => i.written === 'Tusyoshi Goroku').map((i) => i.number)).toEqual([41, 84]);
  });

  it('uses the attribution method the text calls for', () => {
    const method = (fn: number | null, line: number) => interviews.find((q) => q.footnoteNumber === fn && q.line === line)!.attribution?.method;
    expect(method(69, 387)).toBe('dialogue');
    expect(method(null, 391)).toBe('dialogue');
    expect(method(null, 359)).toBe('lead-in');
    expect(method(null, 471)).toBe('lead-in');
    expect(method(108, 557)).toBe('note'); // set up by "as Kiba argues, …" without a colon
    expect(report.warnings).toEqual([]);
  });

  it('attributes the other quotations in the report to their authors, not to the interviewees', () => {
    expect(report.quotes.filter((q) => q.kind === 'quote' && q.speaker).map((q) => [q.speaker?.name, q.text.slice(0, 40)])).toEqual([
      ['Fumio Kishida', 'Ukraine today may be East Asia tomorrow'],
      ['Fumio Kishida', 'Ukraine today may be East Asia tomorrow'],
      ['Emmanuel Macron', 'geographical expansion would risk shifti'],
      ['Aaron Skabelund', 'fraught with legal and ideological dispu'],
      ['Aaron Skabelund', 'many Japanese viewed the SDF as an uncon'],
      ['Keiji Nakatsuji', 'Disaster relief operations [...] demonst'],
    ]);
  });
});

describe('the other bundled documents', () => {
  it('finds the 47 plain-digit markers of the article whose endnotes are missing', () => {
    expect(marriage.footnotes).toEqual([]);
    expect(marriage.paragraphs.flatMap((p) => p.refs.map((r) => r.number))).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    expect(paragraphWith(marriage, 'must be approached on a global basis.” Nakasone explained')).toHaveLength(1);
    expect(paragraphWith(marriage, 'border crossings.) On July 1, Tokyo established')).toHaveLength(1);
    expect(paragraphWith(marriage, 'April 15, 2013. It repeated the claim')).toHaveLength(1);
    expect(paragraphWith(marriage, 'a “quasi alliance.” A more judicious assessment')).toHaveLength(1);
    expect(marriage.sections.map((s) => s.heading)).toEqual([
      null,
      'The World Gets Smaller',
      'The Partnership Accelerates',
      'Individual Countries',
      'Working with the European Union',
      'The Ukraine War',
      'What Are the Limits?',
    ]);
  });

  it('attributes the article’s inline quotations to the people it names, as quotes', () => {
    expect(marriage.quotes.every((q) => q.kind === 'quote' && (!q.speaker || q.attribution?.method === 'inline') && q.interviewDate === null)).toBe(true);
    const ishii = marriage.quotes.filter((q) => q.speaker?.name === 'Ishii Masafumi');
    expect(ishii.map((q) => [q.footnoteNumber, q.text.split(' ').slice(0, 4).join(' ')])).toEqual([
      [38, 'The first thing we'],
      [null, 'the Strategic Concept acknowledges'],
      [null, 'create the possibility for'],
      [null, 'We know Germany won’t'],
      [null, 'they don’t have to'],
    ]);
    expect(ishii[0].speaker?.role).toBe('a former Japanese ambassador to NATO');
    // the quotations read as attributed to a named person (a few more could be: Aso's and Abe's
    // further words, Liz Truss); whatever is attributed must go to the person the text names
    const texts = (name: string) => marriage.quotes.filter((q) => q.speaker?.name === name).map((q) => q.text.split(' ').slice(0, 4).join(' '));
    expect(texts('Nakasone Yasuhiro')).toEqual(['We don’t want the']);
    expect(texts('Nishihara Masashi')).toEqual(['Tokyo feared that with', 'security specialists and relevant']);
    // short quotations governed by "in the judgment of Tsuruoka" and by his "concluded that … with … mostly “…”" are his words too
    expect(texts('Tsuruoka Michito')).toEqual([
      'largely … diplomatic niceties',
      'NATO’s and Japan’s activities',
      'undeniable that Japan-Europe security',
      'a history of trade',
    ]);
    expect(texts('Hayashi Yoshimasa')).toEqual(['it is not possible']);
    expect(texts('James Brown')).toEqual(['Moscow’s policy toward Japan', 'Japan’s uncharacteristically tough response']);
    expect(texts('Satake Tomohiko')).toEqual(['that no matter how']);
    expect(texts('Aso Taro')).toEqual(expect.arrayContaining(['the security environment in', 'aiming for the same', 'partnership between Japan and']));
    const named = [
      'Nakasone Yasuhiro',
      'Nishihara Masashi',
      'Tsuruoka Michito',
      'Aso Taro',
      'Abe Shinzo',
      'Hayashi Yoshimasa',
      'Ishii Masafumi',
      'James Brown',
      'Satake Tomohiko',
      'Liz Truss',
      'Jens Stoltenberg',
    ];
    for (const q of marriage.quotes.filter((x) => x.speaker)) expect(named, q.text).toContain(q.speaker?.name);
  });

  it('attributes nothing to "one analyst", "analysts" or "one European commentator"', () => {
    // such quotations may be kept as quotes, but with no speaker
    const texts = marriage.quotes.filter((q) => q.speaker).map((q) => q.text);
    expect(texts.some((t) => /flowered|solidifying of common values/.test(t))).toBe(false);
    expect(texts.some((t) => t.includes('cooperation with the EU and cooperation with the US are complementary'))).toBe(false);
    expect(texts.some((t) => t.startsWith('The long-held notion'))).toBe(false);
  });

  it('reads the web article’s printed date line as meta and finds no quotes in it', () => {
    expect(web.paragraphs.slice(0, 2).map((p) => [p.kind, p.text])).toEqual([
      ['meta', 'Japan’s Shift toward NATO and Europe'],
      ['meta', '07-04-2025'],
    ]);
    expect(web.quotes).toEqual([]);
  });

  it('does not take the list after a colon in the Magnani article as a quote', () => {
    expect(magnani.quotes).toEqual([]);
    const lead = magnani.paragraphs.find((p) => p.text.endsWith('whose main objectives are:'))!;
    expect(magnani.paragraphs[magnani.paragraphs.indexOf(lead) + 1].kind).toBe('list');
  });
});
