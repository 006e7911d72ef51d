import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { loadEmbedder } from '../embed';
import type { Embedder } from '../embed/embedder';
import { embedPassages, extraEmbedWorkers } from '../embed/parallel';
import { ingestCorpus } from '../ingest/ingest';
import { buildTempIndex, type TempIndex } from '../search/eval/temp-index';
import { mulberry32 } from '../util/prng';
import { treeRssMiB } from './server';

export interface IngestBench {
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
  /** Chunks per second of ingest's embedding step (this thread + extra processes, their model loads included). */
  parallelRate: number;
  processes: number;
  cores: number;
  chunks: number;
}

/** Ingest's embedding rate against one model's rate × cores (the ceiling), on the same chunk texts. */
export async function benchEmbedThroughput(embedder: Embedder, texts: string[]): Promise<EmbedThroughput> {
  const sample = texts.slice(0, 64);
  await embedder.embed(sample.slice(0, 16), 'passage');
  let t = performance.now();
  for (let i = 0; i < sample.length; i += 16) await embedder.embed(sample.slice(i, i + 16), 'passage');
  const singleRate = sample.length / ((performance.now() - t) / 1000);
  // enough chunks that every process has a real share after its model load
  const many = Array.from({ length: Math.max(texts.length, 600) }, (_, i) => texts[i % texts.length]);
  t = performance.now();
  await embedPassages(embedder, many);
  const parallelRate = many.length / ((performance.now() - t) / 1000);
  return { singleRate, parallelRate, processes: extraEmbedWorkers() + 1, cores: availableParallelism(), chunks: many.length };
}

export interface ArchiveBench {
  documents: number;
  chunks: number;
  seconds: number;
  peakRssMiB: number;
  indexMiB: number;
}

/** Paragraphs of the bundled corpus (front matter and headings left out), to build synthetic documents from. */
function bundledParagraphs(corpusDir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const body = readFileSync(path.join(corpusDir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const p of body.split(/\n\s*\n/)) {
      const t = p.trim();
      // footnote definitions and references would point at notes the synthetic document does not have
      if (t.length > 80 && !/^(#|\[\^|\||```)/.test(t)) out.push(t.replace(/\[\^\d+\]/g, ''));
    }
  }
  return out;
}

/**
 * A synthetic archive of `count` documents (8-16 bundled paragraphs each, shuffled, under a few headings), ingested with
 * the real pipeline into a temporary index: time, peak RSS of this process and its embedding processes, index size.
 */
export async function benchArchive(corpusDir: string, count: number, embedder: Embedder, log: (line: string) => void): Promise<ArchiveBench> {
  const paragraphs = bundledParagraphs(corpusDir);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-archive-'));
  const corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  const rand = mulberry32(11);
  for (let d = 0; d < count; d++) {
    const n = 8 + Math.floor(rand() * 9);
    const body: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i % 4 === 0) body.push(`## Part ${i / 4 + 1}`);
      body.push(paragraphs[Math.floor(rand() * paragraphs.length)]);
    }
    const front = `---\ntitle: Synthetic report ${d + 1}\nauthors: [Bench Author ${(d % 50) + 1}]\npublisher: Bench Press\ndate: 2025-${String((d % 12) + 1).padStart(2, '0')}\nkind: report\n---\n\n`;
    writeFileSync(path.join(corpus, `synthetic-${String(d + 1).padStart(5, '0')}.md`), `${front}# Synthetic report ${d + 1}\n\n${body.join('\n\n')}\n`);
  }
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRssMiB(process.pid) ?? 0);
  }, 500);
  const width = 30;
  let lastLine = '';
  const started = performance.now();
  try {
    const dbPath = path.join(dir, 'archive.db');
    const summary = await ingestCorpus({
      corpusDir: corpus,
      dbPath,
      embedder,
      onProgress: (e) => {
        const share = e.total ? e.done / e.total : 0;
        const line = `    ${e.phase.padEnd(5)} [${'#'.repeat(Math.round(share * width)).padEnd(width)}] ${e.done}/${e.total}`;
        if (line !== lastLine && (e.done === e.total || e.done % 500 === 0 || e.phase !== 'embed')) {
          lastLine = line;
          if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
          else if (e.done === e.total || e.done % 5000 === 0) log(line);
        }
      },
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    peak = Math.max(peak, treeRssMiB(process.pid) ?? 0);
    return {
      documents: count,
      chunks: summary.chunks,
      seconds: (performance.now() - started) / 1000,
      peakRssMiB: peak,
      indexMiB: statSync(dbPath).size / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}
