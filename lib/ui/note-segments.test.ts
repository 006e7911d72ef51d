import { describe, expect, it } from 'vitest';
import { noteSegments } from './note-segments';

describe('note segments', () => {
  it('cuts the note at its quotes, in the words as read (emphasis marks dropped), marking the highlighted one', () => {
    const note = '*See* Doe 3/4/19 Notes ("the gate stays shut"); Roe 3/5/19 Notes ("the ledger is sealed").';
    const segs = noteSegments(
      note,
      [
        { id: 'q2', text: 'the ledger is sealed' },
        { id: 'q1', text: 'the gate stays shut' },
      ],
      'q2',
    );
    expect(segs.map((s) => s.text).join('')).toBe(note.replace(/\*/g, ''));
    expect(segs.filter((s) => s.quoteId)).toEqual([
      { text: 'the gate stays shut', quoteId: 'q1', highlighted: false },
      { text: 'the ledger is sealed', quoteId: 'q2', highlighted: true },
    ]);
  });

  it('keeps a note without quotes as written', () => {
    expect(noteSegments('*Ibid.*', [], null)).toEqual([{ text: '*Ibid.*', quoteId: null, highlighted: false }]);
  });
});
