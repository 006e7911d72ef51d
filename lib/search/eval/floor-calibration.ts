import type { IndexReader, StoredChunk } from '../../db/index-reader';
import type { Embedder } from '../../embed/embedder';
import { clearsFloor, evidenceFor, FLOOR } from '../relevance-floor';
import { rankChunks } from '../search';
import { allChunks, type JudgedSet, memoEmbedder, normaliseForMatch } from './run-eval';

// How the relevance floor was chosen: for each setting, what share of the quotes above it the judged set calls relevant.

export interface FloorRow {
  words: number;
  vector: number;
  chosen: boolean;
  /** Quotes above the floor, per query (mean). */
  kept: number;
  /** Share of the quotes above the floor that are judged relevant (unjudged quotes count as not relevant: a lower bound). */
  precision: number;
  /** Share of the same within each query's first 10 above the floor. */
  precisionTop10: number;
  /** Share of the judged relevant quotes among the candidates that clear the floor. */
  recall: number;
  /** Judged queries left with nothing above the floor. */
  empty: number;
}

const SETTINGS: { words: number; vector: number }[] = [
  { words: 0.34, vector: 0.5 },
  { words: 0.5, vector: 0.5 },
  { words: 0.5, vector: 0.55 },
  { words: 0.5, vector: 0.6 },
  { words: 0.5, vector: 0.65 },
  { words: 0.67, vector: 0.6 },
  { words: 1, vector: 0.6 },
  { words: 1, vector: 1 },
];

/** Runs every judged query (kind quotes) and scores each floor setting on the ranked candidates. */
export async function calibrateFloor(reader: IndexReader, embedder: Embedder, judged: JudgedSet): Promise<FloorRow[]> {
  const chunks = allChunks(reader);
  const memo = memoEmbedder(embedder);
  const groupOf = (c: StoredChunk) => c.dupOf ?? c.id;
  const perQuery: { relevant: boolean; evidence: ReturnType<typeof evidenceFor> }[][] = [];
  let judgedTotal = 0;
  for (const q of judged.queries) {
    const groups = new Set<string>();
    for (const j of q.relevant) {
      const needle = normaliseForMatch(j.textIncludes);
      for (const c of chunks) if (c.documentId === j.document && normaliseForMatch(c.text).includes(needle)) groups.add(groupOf(c));
    }
    const ranking = await rankChunks(reader, memo, { q: q.query, kind: 'quotes' });
    const rows = ranking.ranked.map((r) => ({
      relevant: groups.has(groupOf(r.chunk)),
      evidence: evidenceFor(q.query, ranking.concepts, {
        chunk: r.chunk,
        speakerName: reader.speakerRef(r.chunk.speakerId)?.name ?? '',
        vectorScore: r.vectorScore,
      }),
    }));
    judgedTotal += rows.filter((r) => r.relevant).length;
    perQuery.push(rows);
  }
  return SETTINGS.map((floor) => {
    let kept = 0;
    let hits = 0;
    let top = 0;
    let topHits = 0;
    let empty = 0;
    for (const rows of perQuery) {
      const above = rows.filter((r) => clearsFloor(r.evidence, floor));
      kept += above.length;
      hits += above.filter((r) => r.relevant).length;
      top += Math.min(10, above.length);
      topHits += above.slice(0, 10).filter((r) => r.relevant).length;
      if (!above.length) empty++;
    }
    return {
      ...floor,
      chosen: floor.words === FLOOR.words && floor.vector === FLOOR.vector,
      kept: kept / perQuery.length,
      precision: kept ? hits / kept : 0,
      precisionTop10: top ? topHits / top : 0,
      recall: judgedTotal ? hits / judgedTotal : 0,
      empty,
    };
  });
}

export function formatCalibration(rows: FloorRow[], queries: number): string {
  const lines = [
    `Relevance floor (kind quotes, ${queries} judged queries): a quote is a result when it holds ≥ "words" of the query's content words`,
    '(or as many counting WordNet relatives; lead-in words at 0.8) or its embedding is ≥ "vector" close. Precision counts unjudged quotes',
    'as not relevant (each query judges about 3), so it is a lower bound; recall is of the judged quotes among the ranked candidates.',
    'words  vector   quotes/query  precision  precision@10  recall  queries with none',
  ];
  for (const r of rows)
    lines.push(
      `${r.words.toFixed(2).padEnd(7)}${r.vector.toFixed(2).padEnd(9)}${r.kept.toFixed(1).padStart(12)}  ${r.precision.toFixed(3).padStart(9)}  ${r.precisionTop10.toFixed(3).padStart(12)}  ${r.recall.toFixed(3).padStart(6)}  ${String(r.empty).padStart(17)}${r.chosen ? '   ← chosen (FLOOR)' : ''}`,
    );
  return lines.join('\n');
}
