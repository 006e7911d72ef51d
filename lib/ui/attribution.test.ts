import { describe, expect, it } from 'vitest';
import { attributionPhrase, dateWord } from './attribution';

describe('attributionPhrase', () => {
  it('says what attributes the quote, the author’s words set apart from the quote', () => {
    expect(attributionPhrase({ method: 'note', evidence: 'Interview with Saya Kiba. Transcribed on 3 December 2024.' }, 132)).toBe(
      'Attributed by note 132: Interview with Saya Kiba. Transcribed on 3 December 2024.',
    );
    expect(attributionPhrase({ method: 'lead-in', evidence: 'As Kiba explains:' })).toBe('Attributed by the lead-in: ‘As Kiba explains:’');
    expect(attributionPhrase({ method: 'dialogue', evidence: 'Jimbo:' })).toBe('Attributed by the dialogue label ‘Jimbo:’');
    expect(attributionPhrase({ method: 'inline', evidence: 'Nishihara explained, “…”' })).toBe('Attributed by the sentence: ‘Nishihara explained, “…”’');
    expect(attributionPhrase({ method: 'override', evidence: 'corrections.yaml: speaker X (line 2)' })).toBe('Attributed: corrected by you (corrections.yaml)');
    expect(attributionPhrase(null)).toMatch(/^Unattributed/);
  });

  it('names the date as the note does', () => {
    expect([dateWord('transcribed'), dateWord('spoken'), dateWord(null)]).toEqual(['transcribed', 'said on', 'interviewed']);
  });
});
