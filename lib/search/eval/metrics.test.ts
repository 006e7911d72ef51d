import { describe, expect, it } from 'vitest';
import { meanOf, ndcgAtK, recallAtK, reciprocalRank } from './metrics';

const LOG2_3 = Math.log2(3); // 1.5849625007211562

describe('recallAtK', () => {
  const ranked = [0, 3, 0, 1, 2]; // relevant results at ranks 2, 4, 5

  it('counts relevant results in the top k over all relevant passages', () => {
    expect(recallAtK(ranked, 4, 1)).toBe(0);
    expect(recallAtK(ranked, 4, 3)).toBe(0.25); // 1 of 4
    expect(recallAtK(ranked, 4, 5)).toBe(0.75); // 3 of 4
    expect(recallAtK(ranked, 3, 5)).toBe(1);
  });

  it('handles k beyond the list, k = 0 and no relevant passages', () => {
    expect(recallAtK(ranked, 4, 10)).toBe(0.75);
    expect(recallAtK(ranked, 4, 0)).toBe(0);
    expect(recallAtK([], 2, 5)).toBe(0);
    expect(recallAtK([0, 0], 0, 5)).toBe(0);
  });

  it('ignores the grade value (any grade > 0 is a hit)', () => {
    expect(recallAtK([1, 1], 2, 2)).toBe(recallAtK([3, 3], 2, 2));
  });

  it('rejects invalid k', () => {
    expect(() => recallAtK(ranked, 4, -1)).toThrow(RangeError);
    expect(() => recallAtK(ranked, 4, 1.5)).toThrow(RangeError);
  });
});

describe('reciprocalRank', () => {
  it('is 1 / rank of the first relevant result', () => {
    expect(reciprocalRank([1, 0, 3])).toBe(1);
    expect(reciprocalRank([0, 2, 3])).toBe(0.5);
    expect(reciprocalRank([0, 0, 2, 3])).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank([0, 0, 0, 0, 1])).toBe(0.2);
  });

  it('is 0 when nothing relevant is returned', () => {
    expect(reciprocalRank([])).toBe(0);
    expect(reciprocalRank([0, 0, 0])).toBe(0);
  });
});

describe('ndcgAtK', () => {
  it('is 1 for the ideal ranking', () => {
    expect(ndcgAtK([3, 2, 1], [1, 3, 2], 3)).toBeCloseTo(1, 12);
    expect(ndcgAtK([3, 3, 0], [3, 3], 10)).toBeCloseTo(1, 12);
  });

  it('discounts by log2(rank + 1): a single grade-3 hit at rank 2 gives 1/log2(3)', () => {
    // DCG = (2^3 - 1) / log2(3), IDCG = (2^3 - 1) / log2(2) = 7
    expect(ndcgAtK([0, 3], [3], 2)).toBeCloseTo(1 / LOG2_3, 12); // 0.6309297535714575
    expect(ndcgAtK([0, 3], [3], 1)).toBe(0); // the hit is cut off at k = 1
  });

  it('uses gain 2^g - 1 (hand-computed swapped pair)', () => {
    // DCG  = (2^2-1)/1 + (2^3-1)/log2 3 = 3 + 4.416508 = 7.416508
    // IDCG = (2^3-1)/1 + (2^2-1)/log2 3 = 7 + 1.892789 = 8.892789  -> 0.833991
    expect(ndcgAtK([2, 3], [3, 2], 2)).toBeCloseTo((3 + 7 / LOG2_3) / (7 + 3 / LOG2_3), 12);
    expect(ndcgAtK([2, 3], [3, 2], 2)).toBeCloseTo(0.833991, 6);
    expect(ndcgAtK([2, 3], [3, 2], 1)).toBeCloseTo(3 / 7, 12);
  });

  it('hand-computed longer list with misses and partial grades', () => {
    // ranks:           1    2            3     4   5              6
    // grades:          3    2            3     0   1              2
    // gains/discount:  7/1  3/log2(3)    7/2   0   1/log2(6)      3/log2(7)
    // DCG  = 7 + 1.8927892 + 3.5 + 0 + 0.3868528 + 1.0686216         = 13.8482636
    // ideal [3,3,2,2,1]: 7 + 7/log2(3) + 3/2 + 3/log2(5) + 1/log2(6)  = 14.5953908
    const dcg = 7 + 3 / LOG2_3 + 3.5 + 1 / Math.log2(6) + 3 / Math.log2(7);
    const idcg = 7 + 7 / LOG2_3 + 1.5 + 3 / Math.log2(5) + 1 / Math.log2(6);
    expect(ndcgAtK([3, 2, 3, 0, 1, 2], [3, 2, 3, 1, 2], 6)).toBeCloseTo(dcg / idcg, 12);
    expect(ndcgAtK([3, 2, 3, 0, 1, 2], [3, 2, 3, 1, 2], 6)).toBeCloseTo(0.948811, 6);
  });

  it('is 0 when there is nothing relevant to find or nothing found', () => {
    expect(ndcgAtK([0, 0], [], 5)).toBe(0);
    expect(ndcgAtK([], [3, 2], 5)).toBe(0);
    expect(ndcgAtK([2, 3], [3, 2], 0)).toBe(0);
  });

  it('stays ≤ 1 when the caller dedupes repeated matches of one passage', () => {
    // Two results match the same grade-3 passage; the caller passes the second as 0.
    expect(ndcgAtK([3, 0], [3], 2)).toBe(1);
  });
});

describe('meanOf', () => {
  it('averages values', () => {
    expect(meanOf([1, 2, 3, 4])).toBe(2.5);
    expect(meanOf([0.25])).toBe(0.25);
    expect(meanOf([1, 0, 0.5])).toBeCloseTo(0.5, 12);
  });

  it('is 0 for an empty list', () => {
    expect(meanOf([])).toBe(0);
  });
});
