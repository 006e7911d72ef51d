import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './fixtures/synthetic';
import { buildSpeakerRegistry } from './speakers';

// Two reports by different authors that interview and quote some of the same people.
const REPORT_A = `The harbour towns of the north have long depended on the fishing fleet and on the goodwill of their neighbours across the strait.

As Tanabe Mei explains:

The fishing fleet is the backbone of the coastal economy, and no security policy can ignore it for long.¹

The ministry has been cautious, as one MCA official points out:

We cannot promise more ships than the budget allows, and the budget is set far away in the capital.²

Robert Lindqvist explained, “The harbour agreement was the first step toward a real partnership between our navies.”

Later, as Lindqvist explained, “the agreement has been honoured by both navies for more than a decade now.”

Margaret Ostrowska argued that “the northern fleet is stretched far thinner than the ministry admits in public.”

¹ Interview with Tanabe Mei, Professor at Hokuto University. Transcribed on 2 June 2023.

² Interview with an official of the Ministry of Coastal Affairs (MCA). Transcribed on 3 June 2023.`;

const REPORT_B = `The coastal question returned to the agenda in the spring, when the fleet review was published and debated in parliament.

Mei Tanabe explained, “The fleet review confirms what the harbour towns have said for years about their needs.”

As an official at the Ministry of Coastal Affairs argues:

Our partners understand that the ministry cannot act alone on questions of this size and complexity.¹

Bob Lindqvist recalled that “the agreement was signed in a fishing hut because the ministry had no room free.”

Margarte Ostrowska warned that “the fleet review ignores the islands completely and the islanders have noticed.”

¹ Interview with an official of the Ministry of Coastal Affairs (MCA), Valdoria. Transcribed on 9 June 2023.`;

const docA = parseMarkdown(REPORT_A, { file: 'report-a.md' });
const docB = parseMarkdown(REPORT_B, { file: 'report-b.md' });

describe('speakers within one document', () => {
  it('resolves a surname to the full name used elsewhere in the document', () => {
    expect(docA.quotes.filter((q) => q.text.includes('agreement')).map((q) => q.speaker?.key)).toEqual(['person:robert lindqvist', 'person:robert lindqvist']);
  });

  it('does not guess when two people in the document share the surname', () => {
    const d = parseMarkdown(`Karl Brandt and Eva Brandt both sat on the harbour commission for a decade and often disagreed in public.

As Brandt explained, “the commission never had the budget it needed to do its work properly on the coast.”`);
    expect(d.quotes).toEqual([]);
  });
});

describe('buildSpeakerRegistry: one speaker per person across documents', () => {
  const registry = buildSpeakerRegistry([docA, docB]);
  const byName = (name: string) => registry.speakers.filter((s) => s.name === name || s.aliases.includes(name));

  it('merges name order (family name first and given name first) into one speaker', () => {
    const [s, ...rest] = byName('Mei Tanabe');
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      id: 'tanabe-mei',
      name: 'Tanabe Mei',
      aliases: ['Mei Tanabe'],
      documents: ['report-a', 'report-b'],
      interviewDates: ['2023-06-02'],
    });
    expect(s.affiliation).toBe('Hokuto University');
    const q = docB.quotes.find((x) => x.speaker?.name === 'Mei Tanabe')!;
    expect(registry.idFor('report-b', q.speaker!)).toBe('tanabe-mei');
  });

  it('merges a misspelt given name across documents', () => {
    const matches = byName('Margarte Ostrowska');
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ name: 'Margaret Ostrowska', documents: ['report-a', 'report-b'] });
  });

  it('keeps an anonymous source of one document apart from the "same" source in another', () => {
    const officials = registry.speakers.filter((s) => s.anonymous);
    expect(officials.map((s) => [s.id, s.name, s.documents])).toEqual([
      ['mca-official', 'MCA official', ['report-a']],
      ['mca-official-2', 'MCA official', ['report-b']],
    ]);
    // within report B the spelled-out organisation of the lead-in and the acronym of the note are one source
    expect(new Set(docB.quotes.filter((q) => q.speaker?.anonymous).map((q) => registry.idFor('report-b', q.speaker!)))).toEqual(new Set(['mca-official-2']));
  });

  it('leaves names the text cannot settle as separate people ("Robert" / "Bob")', () => {
    expect(byName('Robert Lindqvist')).toHaveLength(1);
    expect(byName('Bob Lindqvist')).toHaveLength(1);
    expect(byName('Robert Lindqvist')[0].id).not.toBe(byName('Bob Lindqvist')[0].id);
  });

  it('gives every speaker a unique, slug-shaped id', () => {
    const ids = registry.speakers.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('speakers.yaml overrides', () => {
  const registry = buildSpeakerRegistry(
    [docA, docB],
    [
      { name: 'Robert Lindqvist', aliases: ['Bob Lindqvist'], affiliation: 'Harbour Policy Centre', role: 'Director' },
      { name: 'Mei Tanabe', aliases: ['Tanabe Mei'], affiliation: 'Hokuto University, Sapporo' },
    ],
  );

  it('merges the aliases it lists into the named speaker, with its affiliation and role', () => {
    const lindqvist = registry.speakers.filter((s) => s.name.endsWith('Lindqvist'));
    expect(lindqvist).toHaveLength(1);
    expect(lindqvist[0]).toMatchObject({
      id: 'robert-lindqvist',
      name: 'Robert Lindqvist',
      affiliation: 'Harbour Policy Centre',
      role: 'Director',
      documents: ['report-a', 'report-b'],
    });
    expect(lindqvist[0].aliases).toContain('Bob Lindqvist');
  });

  it('shows the override’s name and affiliation instead of those read from the notes', () => {
    const tanabe = registry.speakers.filter((s) => s.name === 'Mei Tanabe' || s.aliases.includes('Tanabe Mei'));
    expect(tanabe).toHaveLength(1);
    expect(tanabe[0]).toMatchObject({ id: 'mei-tanabe', name: 'Mei Tanabe', affiliation: 'Hokuto University, Sapporo' });
  });
});
