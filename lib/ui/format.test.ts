import { describe, expect, it } from 'vitest';
import { formatAuthors, formatDate, plural, relevanceLevel } from './format';

describe('formatDate', () => {
  it('writes ISO dates as readers do', () => {
    expect(formatDate('2024-12-03')).toBe('3 December 2024');
    expect(formatDate('2025-04')).toBe('April 2025');
    expect(formatDate('2025')).toBe('2025');
  });
  it('returns other values as given and empty for none', () => {
    expect(formatDate('07-04-2025')).toBe('07-04-2025');
    expect(formatDate('2025-13')).toBe('2025-13');
    expect(formatDate(null)).toBe('');
  });
});

describe('relevanceLevel', () => {
  it('maps scores to four ordered levels', () => {
    const levels = [0, 0.3, 0.5, 0.75, 1].map((s) => relevanceLevel(s).level);
    expect(levels).toEqual([1, 2, 3, 4, 4]);
  });
});

describe('plural and formatAuthors', () => {
  it('agree in number and join names', () => {
    expect(plural(1, 'quote')).toBe('1 quote');
    expect(plural(2, 'person', 'people')).toBe('2 people');
    expect(formatAuthors(['A', 'B', 'C'])).toBe('A, B and C');
    expect(formatAuthors([])).toBe('');
  });
});
