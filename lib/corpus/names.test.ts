import { describe, expect, it } from 'vitest';
import { anonymousMention, collectFullNames, editDistance, findAcronyms, findSpeechAttributions, nameTokens, sameFullName } from './names';

describe('sameFullName: when two written forms are one person', () => {
  it('accepts the same tokens in either order (family name first or given name first)', () => {
    expect(sameFullName('Tanabe Mei', 'Mei Tanabe')).toBe(true);
    expect(sameFullName('Okonkwo Rafael', 'Rafael Okonkwo')).toBe(true);
  });

  it('accepts a small typo in one name when the others match ("Hernik" / "Henrik", "Margarte" / "Margaret")', () => {
    expect(editDistance('Hernik', 'Henrik')).toBe(1);
    expect(sameFullName('Hernik Aaltonen', 'Henrik Aaltonen')).toBe(true);
    expect(sameFullName('Margarte Ostrowska', 'Margaret Ostrowska')).toBe(true);
  });

  it('rejects different people: other given name, other surname, a typo in a short name, two typos', () => {
    expect(sameFullName('Eva Brandt', 'Karl Brandt')).toBe(false);
    expect(sameFullName('Henrik Aaltonen', 'Henrik Virtanen')).toBe(false);
    expect(sameFullName('Ann Lind', 'Anu Lind')).toBe(false); // too short to call a typo
    expect(sameFullName('Hernik Aaltnoen', 'Henrik Aaltonen')).toBe(false);
    expect(sameFullName('Haruki Satoh', 'Yoichi Sato')).toBe(false);
  });

  it('never merges a surname alone (that is for the document context to decide)', () => {
    expect(sameFullName('Aaltonen', 'Henrik Aaltonen')).toBe(false);
  });

  it('ignores particles and initials when comparing', () => {
    expect(nameTokens('Jan van der Berg')).toEqual(['jan', 'berg']);
    expect(nameTokens('J. Whitfield')).toEqual(['whitfield']);
    expect(sameFullName('Jan van der Berg', 'Berg Jan')).toBe(true);
  });
});

describe('collectFullNames', () => {
  it('collects person names and drops leading titles and sentence words', () => {
    const names = collectFullNames(
      'Then the former Prime Minister Lena Falk said the Northern Council met. Then Karl Brandt and Jan van der Berg spoke. However Søren Ærø left.',
    );
    expect(names).toEqual(expect.arrayContaining(['Lena Falk', 'Karl Brandt', 'Jan van der Berg', 'Søren Ærø']));
    expect(names).not.toContain('Prime Minister Lena Falk');
  });
});

describe('findAcronyms and anonymous sources', () => {
  const acronyms = findAcronyms('An official of the Ministry of Coastal Affairs (MCA) spoke, as did the Nordic Defence Institute (NDI).');

  it('maps an organisation to the acronym the document defines for it', () => {
    expect(acronyms).toEqual(
      new Map([
        ['ministry of coastal affairs', 'MCA'],
        ['nordic defence institute', 'NDI'],
      ]),
    );
  });

  it('gives the acronym and the spelled-out organisation one identity', () => {
    const a = anonymousMention('an MCA official', 'MCA', acronyms)!;
    const b = anonymousMention('an official at the Ministry of Coastal Affairs', 'Ministry of Coastal Affairs', acronyms)!;
    expect(a.key).toBe('anon:official|mca');
    expect(b.key).toBe(a.key);
    expect(a).toMatchObject({ name: 'MCA official', anonymous: true, affiliation: 'Ministry of Coastal Affairs (MCA)' });
  });

  it('keeps different roles of one organisation apart', () => {
    expect(anonymousMention('an MCA diplomat', 'MCA', acronyms)!.key).toBe('anon:diplomat|mca');
  });

  it('gives no identity to an unnamed source without an organisation ("one analyst")', () => {
    expect(anonymousMention('one analyst', null, acronyms)).toBeNull();
    expect(anonymousMention('several experts', null, acronyms)).toBeNull();
  });
});

describe('findSpeechAttributions', () => {
  const who = (sentence: string) => findSpeechAttributions(sentence).map((a) => [a.speaker.kind, a.speaker.name]);

  it('finds the speaker before or after the verb, with auxiliaries, titles and "according to"', () => {
    expect(who('As Koskinen explains:')).toEqual([['person', 'Koskinen']]);
    expect(who('Marta Lindqvist has in fact argued that')).toEqual([['person', 'Marta Lindqvist']]);
    expect(who('This is important, says Marta Lindqvist:')).toEqual([['person', 'Marta Lindqvist']]);
    expect(who('“We will see,” said Foreign Minister Lindqvist.')).toEqual([['person', 'Lindqvist']]);
    expect(who('According to Professor Lindqvist:')).toEqual([['person', 'Lindqvist']]);
    expect(who('as one MCA official points out:')).toEqual([['anonymous', 'one MCA official']]);
    expect(who('He added that')).toEqual([['pronoun', 'He']]);
  });

  it('finds no single speaker in a list of names or after a clause comma', () => {
    expect(who('as argued by Lindqvist, Brandt, and Okonkwo.')).toEqual([]);
    expect(who('It reiterated the language of the declaration, noting')).toEqual([]);
  });
});
