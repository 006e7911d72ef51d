// Ranking metrics for the judged query set (judged-queries.json). No dependencies.
//
// Inputs are relevance grades in ranked order: `grades[i]` is the grade (0–3) of the i-th
// ranked result, 0 when the result matches no judged passage.
//
// Deduplication is the CALLER's job: a judged relevant passage counts only once. If several
// results match the same judged passage (e.g. two chunks both contain its `textIncludes`, or the
// same quote is returned from two documents), only the first (highest-ranked) of them gets the
// grade; every later match must be passed as 0. Otherwise recall can exceed 1 and nDCG can
// exceed 1.

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
}

function checkGrades(grades: readonly number[], name: string): void {
  for (const g of grades) {
    if (!Number.isFinite(g) || g < 0) throw new RangeError(`${name} must be finite and ≥ 0, got ${g}`);
  }
}

/**
 * Share of all relevant passages found in the top k: |{i < k : grades[i] > 0}| / totalRelevant.
 * Returns 0 when totalRelevant is 0 (nothing to find).
 */
export function recallAtK(rankedRelevanceGrades: readonly number[], totalRelevant: number, k: number): number {
  checkK(k);
  checkGrades(rankedRelevanceGrades, 'rankedRelevanceGrades');
  if (!Number.isFinite(totalRelevant) || totalRelevant < 0) {
    throw new RangeError(`totalRelevant must be finite and ≥ 0, got ${totalRelevant}`);
  }
  if (totalRelevant === 0) return 0;
  let found = 0;
  const n = Math.min(k, rankedRelevanceGrades.length);
  for (let i = 0; i < n; i++) if (rankedRelevanceGrades[i] > 0) found++;
  return found / totalRelevant;
}

/** 1 / (rank of the first result with grade > 0), ranks counted from 1; 0 if there is none. */
export function reciprocalRank(grades: readonly number[]): number {
  checkGrades(grades, 'grades');
  for (let i = 0; i < grades.length; i++) if (grades[i] > 0) return 1 / (i + 1);
  return 0;
}

/** DCG@k with exponential gain 2^g − 1 and log2(rank + 1) discount (rank counted from 1). */
function dcgAtK(grades: readonly number[], k: number): number {
  let dcg = 0;
  const n = Math.min(k, grades.length);
  for (let i = 0; i < n; i++) dcg += (2 ** grades[i] - 1) / Math.log2(i + 2);
  return dcg;
}

/**
 * nDCG@k = DCG@k(grades) / DCG@k(idealGrades sorted descending).
 * `idealGrades` are the grades of ALL judged relevant passages for the query (any order; they
 * are sorted here). Returns 0 when the ideal DCG is 0 (no relevant passages).
 */
export function ndcgAtK(grades: readonly number[], idealGrades: readonly number[], k: number): number {
  checkK(k);
  checkGrades(grades, 'grades');
  checkGrades(idealGrades, 'idealGrades');
  const ideal = [...idealGrades].sort((a, b) => b - a);
  const idcg = dcgAtK(ideal, k);
  if (idcg === 0) return 0;
  return dcgAtK(grades, k) / idcg;
}

/** Arithmetic mean; 0 for an empty list. */
export function meanOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
