import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../corpus/corrections';
import { parseMarkdown } from '../corpus/fixtures/synthetic';
import { buildDocumentReport, formatDocumentReport, formatOf } from './report';

const BODY = `Harbour Report

1. The Coast

The northern coast has seen rising tension, and the navy has expanded patrols along the fjords. As Henrik Aaltonen explains:

Patrols alone cannot deter a determined adversary. What matters is that allies are present and visible in our waters.¹

Aaltonen: The burden must be shared more evenly, or the alliance will fray at its edges over time.

As one European commentator summarized, “The long-held notion that the coast is safe is no longer accurate in any sense.”

¹ Interview with Henrik Aaltonen, Professor of Maritime Strategy at the University of Bergenholm. Transcribed on 4 May 2023.

² Interview with Mei Tanabe, Senior Fellow at the Coastal Institute. Transcribed on 9 May 2023.
`;

describe('buildDocumentReport', () => {
  it('counts quotes by method and speaker, lists unattributed quotes and interview notes that back no quote', () => {
    const doc = parseMarkdown(BODY, { file: 'harbour-report.md' });
    const { docs, byDocument } = applyCorrections(
      [doc],
      [
        { document: 'harbour-report', quote: 'The burden must be shared', speaker: 'Henrik Aaltonen', notQuote: false, kind: null, line: 2 },
        { document: 'harbour-report', quote: 'A quote that is not there', speaker: 'X Y', notQuote: false, kind: null, line: 5 },
      ],
    );
    const r = buildDocumentReport(docs[0], (m) => m.key.replace('person:', '').replace(/ /g, '-'), formatOf(doc.source.path), byDocument.get('harbour-report'));
    expect(r).toMatchObject({ documentId: 'harbour-report', format: 'markdown', quotes: 3 });
    expect(r.byMethod).toEqual({ note: 1, 'lead-in': 0, dialogue: 0, inline: 0, override: 1 });
    expect(r.bySpeaker).toEqual([{ speakerId: 'henrik-aaltonen', name: 'Henrik Aaltonen', count: 2 }]);
    expect(r.unattributed).toEqual([
      {
        anchor: expect.stringMatching(/^p\d+$/),
        text: 'The long-held notion that the coast is safe is no longer accurate in any sense.',
        leadIn: 'As one European commentator summarized,',
      },
    ]);
    expect(r.interviewNotesWithoutQuote).toEqual([{ number: 2, text: expect.stringMatching(/^Interview with Mei Tanabe/) }]);
    expect(r.corrections).toEqual({ applied: 1, unmatched: [{ quoteStart: 'A quote that is not there', reason: expect.any(String) }] });
    const lines = formatDocumentReport(r).join('\n');
    expect(lines).toContain('harbour-report (markdown): 3 quotes — 1 by note, 1 corrected, 1 unattributed');
    expect(lines).toContain('interview note 2 backs no quote: Interview with Mei Tanabe');
    expect(lines).toContain('correction "A quote that is not there" no longer matches');
  });

  it('names the reader format by extension', () => {
    expect(['a.md', 'b.TXT', 'c.pdf', 'd.docx', 'e.htm'].map(formatOf)).toEqual(['markdown', 'text', 'pdf', 'docx', 'html']);
  });
});
