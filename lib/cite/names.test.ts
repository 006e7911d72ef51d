import { describe, expect, it } from 'vitest';
import { invertedName, joinNames, parsePersonName, toCslName } from './names';
import { describeSource, isDescription, speakerForms } from './speaker';

describe('parsePersonName', () => {
  it('splits particles as CSL expects', () => {
    expect(toCslName('Anoma P. van der Veere', false)).toEqual({ family: 'Veere', given: 'Anoma P.', 'non-dropping-particle': 'van der' });
    expect(toCslName('Frans-Paul van der Putten', false)).toEqual({ family: 'Putten', given: 'Frans-Paul', 'non-dropping-particle': 'van der' });
    expect(toCslName('Veere, Anoma P. van der', false)).toEqual({ family: 'Veere', given: 'Anoma P.', 'non-dropping-particle': 'van der' });
  });

  it('handles plain names, suffixes, honorifics and organisations', () => {
    expect(toCslName('Ken Jimbo', true)).toEqual({ family: 'Jimbo', given: 'Ken' });
    expect(toCslName('Martin Luther King, Jr.', false)).toEqual({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' });
    expect(toCslName('Dr. Enrico Magnani', false)).toEqual({ family: 'Magnani', given: 'Enrico' });
    expect(toCslName('LeidenAsiaCentre', false)).toEqual({ literal: 'LeidenAsiaCentre' });
    expect(toCslName('Ministry of Defense', false)).toEqual({ literal: 'Ministry of Defense' });
  });

  it('keeps names written family name first in that order', () => {
    expect(parsePersonName('Ishii Masafumi')).toMatchObject({ family: 'Ishii', given: 'Masafumi', familyFirst: true });
    expect(parsePersonName('Abe Shinzo')).toMatchObject({ family: 'Abe', familyFirst: true });
    expect(parsePersonName('Shinzo Abe')).toMatchObject({ family: 'Abe', given: 'Shinzo' });
    expect(parsePersonName('Moon Jae-in')).toMatchObject({ family: 'Moon', familyFirst: true });
    expect(parsePersonName('ISHII Masafumi')).toMatchObject({ display: 'Ishii Masafumi', familyFirst: true });
    expect(toCslName('Ishii Masafumi', true)).toEqual({ family: 'Ishii', given: 'Masafumi', 'static-ordering': true });
    expect(toCslName('Ishii Masafumi', false)).toEqual({ family: 'Ishii', given: 'Masafumi' });
  });

  it('inverts for MLA', () => {
    expect(invertedName(parsePersonName('Ken Jimbo'))).toBe('Jimbo, Ken');
    expect(invertedName(parsePersonName('Anoma P. van der Veere'))).toBe('van der Veere, Anoma P.');
    expect(invertedName(parsePersonName('Ishii Masafumi'))).toBe('Ishii Masafumi');
    expect(invertedName(parsePersonName('Nishihara'))).toBe('Nishihara');
  });

  it('joins names for prose', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B, and C');
  });
});

describe('unnamed sources', () => {
  it('tells descriptions from names', () => {
    expect(isDescription('MFA official')).toBe(true);
    expect(isDescription('Senior diplomat')).toBe(true);
    expect(isDescription('Ken Jimbo')).toBe(false);
    expect(isDescription('Anoma P. van der Veere')).toBe(false);
  });

  it('describes them in prose', () => {
    expect(describeSource('MFA official', 'Ministry of Foreign Affairs (MFA), Japan')).toBe('an official of the Ministry of Foreign Affairs (MFA), Japan');
    expect(describeSource('MFA official', null)).toBe('an MFA official');
    expect(describeSource('Senior researcher', 'Keio University')).toBe('a senior researcher at Keio University');
    expect(describeSource('', 'Japan Institute of International Affairs')).toBe('a source at the Japan Institute of International Affairs');
    expect(describeSource('EU official', 'European External Action Service')).toBe('an EU official at the European External Action Service');
    expect(describeSource('NATO official', 'NATO')).toBe('an official of NATO');
  });

  it('gives speaker forms', () => {
    expect(speakerForms({ name: 'Ken Jimbo', affiliation: 'Keio University' })).toEqual({ natural: 'Ken Jimbo', inverted: 'Jimbo, Ken', described: false });
    expect(speakerForms({ name: 'MFA official', affiliation: 'Ministry of Foreign Affairs (MFA), Japan', anonymous: true })?.natural).toBe(
      'An official of the Ministry of Foreign Affairs (MFA), Japan',
    );
    expect(speakerForms(null)).toBeNull();
    expect(speakerForms({ name: '', affiliation: null })).toBeNull();
  });
});
