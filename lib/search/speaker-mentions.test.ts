import { describe, expect, it } from 'vitest';
import type { SpeakerInfo } from '../types';
import { speakersDescribedIn, speakersNamedIn } from './speaker-mentions';

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

  it('matches anonymous speakers only by description, and nothing in an unrelated query', () => {
    expect(speakersNamedIn('what did MFA say', speakers)).toEqual([]);
    expect(speakersNamedIn('what did the official of the Ministry of Foreign Affairs say', speakers)).toEqual(['mfa-official']);
    expect(speakersNamedIn('sanctions against China', speakers)).toEqual([]);
    expect(speakersNamedIn('what did the experts say for the record', speakers)).toEqual([]); // "the", "for" of an alias
    expect(speakersNamedIn('what did the Minister for Foreign Trade say', speakers)).toEqual(['hanna-virtanen']);
    expect(speakersNamedIn('', speakers)).toEqual([]);
  });
});

describe('speakersDescribedIn', () => {
  const described = [
    speaker('ayumi-ota', 'Ayumi Ota', {
      role: 'Associate Professor at Nagoya University of Foreign Studies and advisor to the Ministry of Defense',
      affiliation: 'Nagoya University of Foreign Studies',
    }),
    speaker('lars-berg', 'Lars Berg', { role: 'a former Swedish ambassador to the OSCE' }),
    speaker('ines-moreau', 'Ines Moreau', { role: 'Professor of Economics at Lyon University', affiliation: 'Lyon University' }),
    speaker('ministry-source', 'ministry source', { anonymous: true, affiliation: 'Ministry of Foreign Affairs (MOFA), Norway' }),
  ];
  it('finds a speaker by role, institution or place, after "the"', () => {
    expect(speakersDescribedIn('what did the foreign ministry say about the OSCE', described)).toEqual(['ministry-source']);
    expect(speakersDescribedIn('the ambassador on Arctic security', described)).toEqual(['lars-berg']);
    expect(speakersDescribedIn('what does the Nagoya professor think', described)).toEqual(['ayumi-ota']);
    expect(speakersDescribedIn('the Ministry of Foreign Affairs on trade', described)).toEqual(['ministry-source']);
    expect(speakersNamedIn('what did the foreign ministry say', described)).toEqual(['ministry-source']);
  });
  it('settles nothing with a description that fits two speakers, words far apart in a role, or no person or body', () => {
    expect(speakersDescribedIn('what does the professor think', described)).toEqual([]); // Ota and Moreau
    expect(speakersDescribedIn('the defense ministry', [...described, speaker('x', 'X Y', { role: 'official of the Ministry of Defense' })])).toEqual([]);
    expect(speakersDescribedIn('the Swedish economy', described)).toEqual([]); // "economy" names no person or body
    expect(speakersDescribedIn('the Swedish Union', described)).toEqual([]); // never shortened to "the Swedish"
    expect(speakersDescribedIn('foreign ministry statements', described)).toEqual([]); // no determiner: a topic, not a person
  });
});
