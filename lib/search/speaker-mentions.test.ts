import { describe, expect, it } from 'vitest';
import type { SpeakerInfo } from '../types';
import { speakersNamedIn } from './speaker-mentions';

const speaker = (id: string, name: string, extra: Partial<SpeakerInfo> = {}): SpeakerInfo => ({
  id,
  name,
  affiliation: null,
  role: null,
  anonymous: false,
  aliases: [],
  interviewDates: [],
  documents: [],
  quoteCount: 1,
  ...extra,
});

const speakers = [
  speaker('kei-koga', 'Kei Koga'),
  speaker('ishii-masafumi', 'Ishii Masafumi'),
  speaker('james-brown', 'James Brown'),
  speaker('tsuyoshi-goroku', 'Tsuyoshi Goroku', { aliases: ['Tusyoshi Goroku'] }),
  speaker('hanna-virtanen', 'Hanna Virtanen', { aliases: ['the Minister for Foreign Trade'] }),
  speaker('mfa-official', 'MFA official', { anonymous: true, aliases: ['an official of the Ministry of Foreign Affairs (MFA)'] }),
];

describe('speakersNamedIn', () => {
  it('finds a speaker by surname, given name or whole name, in any case', () => {
    expect(speakersNamedIn('what does Koga say about Europe', speakers)).toEqual(['kei-koga']);
    expect(speakersNamedIn('koga on european commitment', speakers)).toEqual(['kei-koga']);
    expect(speakersNamedIn('Ishii Masafumi, former Japanese ambassador to NATO', speakers)).toEqual(['ishii-masafumi']);
    expect(speakersNamedIn("Goroku's view of polls", speakers)).toEqual(['tsuyoshi-goroku']);
    expect(speakersNamedIn('tusyoshi goroku', speakers)).toEqual(['tsuyoshi-goroku']);
  });

  it('needs a capital inside the query for a name part that is also an English word', () => {
    expect(speakersNamedIn('brown coal imports', speakers)).toEqual([]);
    expect(speakersNamedIn('Brown coal imports', speakers)).toEqual([]); // any first word may be capitalised
    expect(speakersNamedIn('what did Brown say on Russia', speakers)).toEqual(['james-brown']);
    expect(speakersNamedIn('james brown on russia', speakers)).toEqual(['james-brown']); // the whole name
  });

  it('never matches anonymous speakers, and matches nothing in an unrelated query', () => {
    expect(speakersNamedIn('what did the official of the Ministry of Foreign Affairs say', speakers)).toEqual([]);
    expect(speakersNamedIn('sanctions against China', speakers)).toEqual([]);
    expect(speakersNamedIn('what did the experts say for the record', speakers)).toEqual([]); // "the", "for" of an alias
    expect(speakersNamedIn('what did the Minister for Foreign Trade say', speakers)).toEqual(['hanna-virtanen']);
    expect(speakersNamedIn('', speakers)).toEqual([]);
  });
});
