import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { loadEmbedder } from '../embed';
import type { Embedder } from '../embed/embedder';
import { EmbedHelpers, embedPassages } from '../embed/parallel';
import { ingestCorpus, type IngestSummary } from '../ingest/ingest';
import { buildTempIndex, type TempIndex } from '../search/eval/temp-index';
import { mulberry32 } from '../util/prng';
import { treeCpuMs, treeRssMiB } from './server';

export interface IngestBench {
  summary: IngestSummary;
  modelLoadSeconds: number;
  ingestSeconds: number;
  totalSeconds: number;
  chunks: number;
  quotes: number;
  index: TempIndex;
  embedder: Embedder;
}

/** Loads the bundled model cold and ingests the corpus into a temporary index, timing both (the budget covers the whole run). */
export async function benchIngest(corpusDir: string): Promise<IngestBench> {
  const started = performance.now();
  const embedder = await loadEmbedder('use-lite');
  const loaded = performance.now();
  const index = await buildTempIndex(corpusDir, embedder);
  const done = performance.now();
  return {
    summary: index.summary,
    modelLoadSeconds: (loaded - started) / 1000,
    ingestSeconds: (done - loaded) / 1000,
    totalSeconds: (done - started) / 1000,
    chunks: index.summary.chunks,
    quotes: index.summary.quotes,
    index,
    embedder,
  };
}

export interface EmbedThroughput {
  /** Chunks per second of the model on this thread alone. */
  singleRate: number;
  /**
   * The headline: the embedding phase of the bundled-corpus ingest (step 1), start to last vector, as ingest runs it (the
   * helper processes were started before parsing, so their model loads overlapped it; what did not overlap is included).
   */
  ingestPhase: { passages: number; seconds: number; rate: number; helperLoadSeconds: number[] } | null;
  /** embedPassages on `chunks` texts with helpers forked at that moment: their model loads fully included. */
  coldRate: number;
  /** The same with the helpers already loaded: the steady rate, model loads excluded. */
  warmRate: number;
  /**
   * Cores this process tree actually got (CPU time / wall time) during the single-thread run and the warm run: on a shared
   * machine the scheduler shares the cores between sessions, so two processes may get no more than one did.
   */
  singleCores: number | null;
  warmCores: number | null;
  processes: number;
  cores: number;
  chunks: number;
}

/** Ingest's embedding rate against one model's rate × cores (the ceiling), on the same chunk texts. */
export async function benchEmbedThroughput(embedder: Embedder, texts: string[], ingest: IngestBench): Promise<EmbedThroughput> {
  const sample = texts.slice(0, 64);
  await embedder.embed(sample.slice(0, 16), 'passage');
  const cores = (cpuBefore: number | null, started: number) => {
    const cpu = treeCpuMs(process.pid);
    return cpu === null || cpuBefore === null ? null : (cpu - cpuBefore) / (performance.now() - started);
  };
  let cpu0 = treeCpuMs(process.pid);
  let t = performance.now();
  for (let i = 0; i < sample.length; i += 16) await embedder.embed(sample.slice(i, i + 16), 'passage');
  const singleRate = sample.length / ((performance.now() - t) / 1000);
  const singleCores = cores(cpu0, t);
  const e = ingest.summary.embedding;
  const ingestPhase =
    e && e.seconds > 0 ? { passages: e.computed, seconds: e.seconds, rate: e.computed / e.seconds, helperLoadSeconds: e.helperLoadSeconds } : null;
  // enough chunks that every process has a real share after its model load
  const many = Array.from({ length: Math.max(texts.length, 600) }, (_, i) => texts[i % texts.length]);
  const helpers = new EmbedHelpers(embedder.id);
  try {
    t = performance.now();
    await embedPassages(embedder, many, undefined, helpers);
    const coldRate = many.length / ((performance.now() - t) / 1000);
    cpu0 = treeCpuMs(process.pid);
    t = performance.now();
    await embedPassages(embedder, many, undefined, helpers);
    const warmRate = many.length / ((performance.now() - t) / 1000);
    const warmCores = cores(cpu0, t);
    return {
      singleRate,
      ingestPhase,
      coldRate,
      warmRate,
      singleCores,
      warmCores,
      processes: helpers.size + 1,
      cores: availableParallelism(),
      chunks: many.length,
    };
  } finally {
    helpers.stop();
  }
}

export interface ArchiveBench {
  documents: number;
  chunks: number;
  seconds: number;
  /** Reading, parsing, attribution, chunking and citations: start to the index content less its vectors. */
  planSeconds: number;
  /** Start to the first batch given to the model (the helpers embed while the plan's citations are made). */
  embedStartSeconds: number;
  /** The embedding phase, its start to the last vector. */
  embedSeconds: number;
  computed: number;
  reused: number;
  peakRssMiB: number;
  /** The same tree's RSS as the archive run began (the model, and what the bench's earlier steps left in this process). */
  startRssMiB: number;
  indexMiB: number;
}

/** Paragraphs of the bundled corpus (front matter and headings left out), to build synthetic documents from. */
function bundledParagraphs(corpusDir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const body = readFileSync(path.join(corpusDir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const p of body.split(/\n\s*\n/)) {
      const t = p.trim();
      // footnote definitions ("[^3]:", "133. See …", "¹ …") and references would point at notes the synthetic document
      // does not have, and one drawn twice would number two notes alike
      if (t.length > 80 && !/^(#|\[\^|\||```|\d|[¹²³⁴⁵⁶⁷⁸⁹⁰])/.test(t)) out.push(t.replace(/\[\^\d+\]/g, ''));
    }
  }
  return out;
}

/**
 * A bundled paragraph made new: every third word (from a random offset) swapped for another word of the corpus, keeping
 * punctuation and capitals. Every run of three words then holds a swapped one, so no two synthetic paragraphs share the
 * word 3-grams that ingest's copy detection compares: the archive is 10,000 different documents, as a real one would be,
 * not one document's paragraphs reprinted thousands of times (which that detection rightly treats as copies, at a cost
 * that grows with the square of the copies).
 */
export function rewordParagraph(text: string, vocabulary: string[], rand: () => number): string {
  const offset = Math.floor(rand() * 3);
  return text
    .split(' ')
    .map((token, i) => {
      if (i % 3 !== offset) return token;
      const m = /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u.exec(token);
      if (!m) return token;
      const word = vocabulary[Math.floor(rand() * vocabulary.length)];
      const cased = /^\p{Lu}/u.test(m[2]) ? word[0].toUpperCase() + word.slice(1) : word;
      return `${m[1]}${cased}${m[3]}`;
    })
    .join(' ');
}

/** Writes `count` synthetic documents (8-16 reworded bundled paragraphs each, under a few headings) into `dir`. */
export function writeSyntheticArchive(corpusDir: string, dir: string, count: number): void {
  const paragraphs = bundledParagraphs(corpusDir);
  const vocabulary = [
    ...new Set(
      paragraphs
        .join(' ')
        .toLowerCase()
        .match(/\p{L}{3,}/gu) ?? [],
    ),
  ];
  const rand = mulberry32(11);
  for (let d = 0; d < count; d++) {
    const n = 8 + Math.floor(rand() * 9);
    const body: string[] = [];
    const picked = new Set<number>();
    while (picked.size < n) picked.add(Math.floor(rand() * paragraphs.length));
    [...picked].forEach((k, i) => {
      if (i % 4 === 0) body.push(`## Part ${i / 4 + 1}`);
      body.push(rewordParagraph(paragraphs[k], vocabulary, rand));
    });
    const front = `---\ntitle: Synthetic report ${d + 1}\nauthors: [Bench Author ${(d % 50) + 1}]\npublisher: Bench Press\ndate: 2025-${String((d % 12) + 1).padStart(2, '0')}\nkind: report\n---\n\n`;
    writeFileSync(path.join(dir, `synthetic-${String(d + 1).padStart(5, '0')}.md`), `${front}# Synthetic report ${d + 1}\n\n${body.join('\n\n')}\n`);
  }
}

/**
 * A synthetic archive of `count` documents ingested with the real pipeline (vectors written to the new index in batches
 * as they are embedded) into a temporary index, with a progress bar: time (planning and embedding apart), passages
 * embedded and reused, peak RSS of this process and its embedding processes, index size.
 */
export async function benchArchive(corpusDir: string, count: number, embedder: Embedder, log: (line: string) => void): Promise<ArchiveBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-archive-'));
  const corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  writeSyntheticArchive(corpusDir, corpus, count);
  const startRss = treeRssMiB(process.pid) ?? 0;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRssMiB(process.pid) ?? 0);
  }, 500);
  const width = 30;
  let lastLine = '';
  let lastLogged = 0;
  const started = performance.now();
  let embedStarted = 0;
  try {
    const dbPath = path.join(dir, 'archive.db');
    const summary = await ingestCorpus({
      corpusDir: corpus,
      dbPath,
      embedder,
      onProgress: (e) => {
        if (e.phase === 'embed' && !embedStarted) embedStarted = performance.now();
        const share = e.total ? e.done / e.total : 0;
        const elapsed = (performance.now() - started) / 1000;
        const line = `    ${e.phase.padEnd(5)} [${'#'.repeat(Math.round(share * width)).padEnd(width)}] ${e.done}/${e.total} ${elapsed.toFixed(0)} s, RSS ${(treeRssMiB(process.pid) ?? 0).toFixed(0)} MiB`;
        if (line === lastLine) return;
        lastLine = line;
        if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
        // not a terminal: a line every 30 s and at each phase's end
        else if (e.done === e.total || elapsed - lastLogged >= 30) {
          lastLogged = elapsed;
          log(line);
        }
      },
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    peak = Math.max(peak, treeRssMiB(process.pid) ?? 0);
    const seconds = (performance.now() - started) / 1000;
    return {
      documents: count,
      chunks: summary.chunks,
      seconds,
      planSeconds: summary.planSeconds ?? Number.NaN,
      embedStartSeconds: embedStarted ? (embedStarted - started) / 1000 : Number.NaN,
      embedSeconds: summary.embedding?.seconds ?? Number.NaN,
      computed: summary.embedding?.computed ?? summary.chunks,
      reused: summary.embedding?.reused ?? 0,
      peakRssMiB: peak,
      startRssMiB: startRss,
      indexMiB: readdirSync(dir)
        .filter((f) => f.startsWith('archive.db'))
        .reduce((n, f) => n + statSync(path.join(dir, f)).size / 2 ** 20, 0),
    };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}
