import { writeAnnFile } from '../db/ann-file';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { citeQuote, documentBibtex, documentRis } from '../cite';
import { chunkDocument, findRepeatedParagraphs, linkNearDuplicates } from '../corpus/chunk';
import { type AppliedCorrections, applyCorrections, CORRECTIONS_FILE, parseCorrections } from '../corpus/corrections';
import { parseDocument } from '../corpus/parse-document';
import { blockQuoteAnchors, framingText } from '../corpus/quote-context';
import { CorpusError, decodeUtf8 } from '../corpus/read-source';
import { DOCUMENT_FILE, DOCUMENT_FORMATS_TEXT, readDocument, sidecarPathOf } from '../corpus/readers/read-document';
import { UnreadableDocumentError } from '../corpus/readers/types';
import { buildSpeakerRegistry, type SpeakerOverride } from '../corpus/speakers';
import type { ParsedDocument } from '../corpus/types';
import { acquireIngestLock, cleanLeftovers, type IndexChunkDraft, type IndexContent, type IndexContentDraft, writeIndexStreaming } from '../db/write-index';
import type { Embedder } from '../embed/embedder';
import { EmbedHelpers, embedPassageBatches, embedPassages, extraEmbedWorkers, PARALLEL_MIN_TEXTS } from '../embed/parallel';
import { buildDocumentReport, type DocumentIngestReport, formatOf } from './report';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const NOT_DOCUMENTS = /^(readme|license|licence|changelog)(\.|$)/i;
export const OVERRIDES_FILE = 'speakers.yaml';

export interface IngestOptions {
  corpusDir: string;
  dbPath: string;
  embedder: Embedder;
  onProgress?: (event: IngestProgress) => void;
}

export type IngestProgress =
  | { phase: 'parse'; file: string; done: number; total: number }
  | { phase: 'embed'; done: number; total: number }
  | { phase: 'write' | 'check'; done: number; total: number };

export interface IngestSummary {
  documents: { id: string; title: string; quotes: number; chunks: number }[];
  quotesPerSpeaker: { id: string; name: string; interview: number; quote: number }[];
  chunks: number;
  quotes: number;
  embedder: string;
  seconds: number;
  warnings: string[];
  cleaned: string[];
  /** What was found in each document: quotes by method and speaker, unattributed quotes, corrections, warnings. */
  reports: DocumentIngestReport[];
  /** Corrections that name a document the corpus does not hold (the others are in their document's report). */
  correctionProblems: string[];
  /**
   * The embedding step: passages the model embedded (distinct texts) and chunks that reused one of them (same text),
   * its wall time, and each helper process's model load (fork to ready; started before parsing, so it overlapped it).
   */
  embedding?: { computed: number; reused: number; seconds: number; helperLoadSeconds: number[] };
  /** Reading, parsing, attribution, chunking and citations: start to the index content less its vectors (embedding overlaps its end). */
  planSeconds?: number;
}

/** Lists the corpus documents (Markdown, text, PDF, Word, web pages), sorted by name, sidecars and READMEs excluded. */
export function listCorpusFiles(corpusDir: string): string[] {
  if (!existsSync(corpusDir)) throw new CorpusError(corpusDir, null, 'corpus folder does not exist; pass --corpus DIR or create it');
  if (!statSync(corpusDir).isDirectory()) throw new CorpusError(corpusDir, null, 'is not a folder');
  const files = readdirSync(corpusDir)
    .filter((f) => DOCUMENT_FILE.test(f) && !NOT_DOCUMENTS.test(f) && !f.startsWith('.'))
    .sort()
    .map((f) => path.join(corpusDir, f));
  if (!files.length) throw new CorpusError(corpusDir, null, `holds no documents (${DOCUMENT_FORMATS_TEXT} files); add at least one`);
  return files;
}

function readFileChecked(file: string): Buffer {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    throw new CorpusError(file, null, `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!st.isFile()) throw new CorpusError(file, null, 'is not a regular file');
  if (st.size === 0) throw new CorpusError(file, null, 'is empty (0 bytes)');
  if (st.size > MAX_DOCUMENT_BYTES)
    throw new CorpusError(file, null, `is ${(st.size / 1048576).toFixed(1)} MB; documents over ${MAX_DOCUMENT_BYTES / 1048576} MB are refused`);
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CorpusError(file, null, `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Reads and parses every document of a corpus folder; the first bad file stops the run with its name, a file without text is skipped with a warning. */
export async function parseCorpus(
  corpusDir: string,
  onFile?: (file: string, done: number, total: number) => void,
): Promise<{ docs: ParsedDocument[]; hash: string; overrides: SpeakerOverride[]; corrections: AppliedCorrections; skipped: string[] }> {
  const files = listCorpusFiles(corpusDir);
  const hash = createHash('sha256');
  const docs: ParsedDocument[] = [];
  const skipped: string[] = [];
  const ids = new Map<string, string>();
  for (const [i, file] of files.entries()) {
    onFile?.(file, i, files.length);
    const bytes = readFileChecked(file);
    hash.update(path.basename(file)).update('\0').update(bytes);
    const sidecarPath = sidecarPathOf(file);
    const sidecar = !/\.(md|markdown)$/i.test(file) && existsSync(sidecarPath) ? { path: sidecarPath, bytes: readFileChecked(sidecarPath) } : undefined;
    if (sidecar) hash.update(sidecar.bytes);
    let source;
    try {
      source = await readDocument(file, bytes, sidecar);
    } catch (e) {
      if (!(e instanceof UnreadableDocumentError)) throw e;
      skipped.push(e.message);
      continue;
    }
    const clash = ids.get(source.id);
    if (clash) throw new CorpusError(file, null, `has the same document id "${source.id}" as ${clash}; rename one of them`);
    ids.set(source.id, file);
    docs.push(parseDocument(source));
  }
  if (!docs.length) throw new CorpusError(corpusDir, null, `holds no readable documents: ${skipped.join('; ')}`);
  const overridesPath = path.join(corpusDir, OVERRIDES_FILE);
  let overrides: SpeakerOverride[] = [];
  if (existsSync(overridesPath)) {
    const raw = decodeUtf8(overridesPath, readFileChecked(overridesPath));
    hash.update(raw);
    overrides = parseOverrides(overridesPath, raw);
  }
  // the user's attribution fixes apply after parsing, so they hold whatever the parser finds next time
  const correctionsPath = path.join(corpusDir, CORRECTIONS_FILE);
  let corrections = applyCorrections(docs, []);
  if (existsSync(correctionsPath)) {
    const raw = decodeUtf8(correctionsPath, readFileChecked(correctionsPath));
    hash.update(raw);
    corrections = applyCorrections(docs, parseCorrections(correctionsPath, raw));
  }
  return { docs: corrections.docs, hash: hash.digest('hex'), overrides, corrections, skipped };
}

function parseOverrides(file: string, text: string): SpeakerOverride[] {
  let v: unknown;
  try {
    v = parseYaml(text);
  } catch (e) {
    throw new CorpusError(file, null, `is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const list = (v as { speakers?: unknown })?.speakers;
  if (!Array.isArray(list)) throw new CorpusError(file, null, 'must have a "speakers:" list of { name, aliases, affiliation, role }');
  return list.map((s, i) => {
    if (!s || typeof s !== 'object' || typeof (s as SpeakerOverride).name !== 'string') throw new CorpusError(file, null, `speakers[${i}] needs a "name"`);
    return s as SpeakerOverride;
  });
}

/** How passages become vectors; the default embeds them all, a caller may reuse vectors it already has. */
export type EmbedPassagesFn = (texts: string[], onProgress: (done: number, total: number) => void) => Promise<Float32Array[]>;

/** Everything of the index but the vectors (parse, attribute, chunk), with the text the model is to embed for each chunk. */
export async function planIndexContent(corpusDir: string, embedder: { id: string; dimension: number }, onProgress?: (e: IngestProgress) => void) {
  return completeIndexContent(corpusDir, await chunkCorpus(corpusDir, onProgress), embedder);
}

/** The first part of planning: read, parse, attribute and chunk every document, and the text the model is to embed for each chunk. */
export async function chunkCorpus(corpusDir: string, onProgress?: (e: IngestProgress) => void) {
  const parsed = await parseCorpus(corpusDir, (file, done, total) => onProgress?.({ phase: 'parse', file, done, total }));
  const { docs } = parsed;
  const registry = buildSpeakerRegistry(docs, parsed.overrides);
  const repeated = findRepeatedParagraphs(docs);
  const chunksByDoc = new Map(docs.map((d) => [d.source.id, chunkDocument(d, repeated)]));
  linkNearDuplicates(chunksByDoc, new Map(docs.map((d) => [d.source.id, d.paragraphs.length])), repeated);
  const drafts = docs.flatMap((d) => chunksByDoc.get(d.source.id)!.map((c) => ({ c, d })));
  // what the model sees: the speaker's name with a quote, the heading with analysis
  const embedTexts = drafts.map(({ c, d }) =>
    c.quote ? (c.quote.speaker ? `${c.quote.speaker.name}: ${c.text}` : c.text) : [d.sections[c.sectionIndex]?.heading, c.text].filter(Boolean).join('\n'),
  );
  return { ...parsed, registry, drafts, embedTexts };
}

/**
 * The rest of planning: each chunk's row with its citations (the CSL processor, most of planning's time on a large
 * corpus), the documents' rows and the reports. `pause`, when given, is awaited every so often, so that a caller can
 * let other work (embedding processes handing in batches) run meanwhile.
 */
export async function completeIndexContent(
  corpusDir: string,
  chunked: Awaited<ReturnType<typeof chunkCorpus>>,
  embedder: { id: string; dimension: number },
  pause?: () => Promise<void>,
) {
  const { docs, hash, corrections, skipped, registry, drafts, embedTexts } = chunked;
  const speakerNames = new Map(registry.speakers.map((s) => [s.id, s.name]));
  const speakersById = new Map(registry.speakers.map((s) => [s.id, s]));
  const blockAnchors = new Map(docs.map((d) => [d.source.id, blockQuoteAnchors(d.quotes, d.paragraphs)]));
  const chunks: IndexChunkDraft[] = [];
  let paused = performance.now();
  for (const { c, d } of drafts) {
    if (pause && performance.now() - paused > 20) {
      await pause();
      paused = performance.now();
    }
    chunks.push(chunkRow(c, d));
  }
  function chunkRow(c: (typeof drafts)[number]['c'], d: ParsedDocument): IndexChunkDraft {
    const page = c.quote?.page ?? d.paragraphs.find((p) => p.anchor === c.anchors[0])?.page ?? null;
    const speakerId = c.quote?.speaker ? registry.idFor(d.source.id, c.quote.speaker) : null;
    const speaker = speakerId ? speakersById.get(speakerId)! : null;
    return {
      id: c.id,
      documentId: d.source.id,
      kind: c.kind,
      speakerId,
      speakerName: speakerId ? speakerNames.get(speakerId)! : null,
      sectionIndex: c.sectionIndex,
      sectionHeading: d.sections[c.sectionIndex]?.heading ?? null,
      anchors: c.anchors,
      text: c.text,
      ordinal: c.ordinal,
      wordCount: c.wordCount,
      method: speakerId ? (c.quote?.attribution?.method ?? null) : null,
      evidence: speakerId ? (c.quote?.attribution?.evidence ?? null) : null,
      footnoteNumber: c.quote?.footnoteNumber ?? null,
      interviewDate: c.quote?.interviewDate ?? null,
      dateLabel: c.quote?.dateLabel ?? null,
      leadIn: c.quote?.leadIn ?? null,
      dupOf: c.dupOf,
      page,
      context: c.quote ? framingText(d.paragraphs, c.quote, blockAnchors.get(d.source.id)!) : '',
      citation: citeQuote({
        document: d.source.meta,
        speaker: speaker ? { name: speaker.name, affiliation: speaker.affiliation, anonymous: speaker.anonymous } : null,
        kind: c.kind,
        interviewDate: c.quote?.interviewDate ?? null,
        section: d.sections[c.sectionIndex]?.heading ?? null,
        footnoteNumber: c.quote?.footnoteNumber ?? null,
        dateLabel: c.quote?.dateLabel ?? null,
        // the role this document gives the speaker ("then Prime Minister"), not one from another document
        role: c.quote?.speaker?.role ?? null,
        page,
      }),
    };
  }
  const quoteCounts = new Map<string, { interview: number; quote: number }>();
  for (const ch of chunks) {
    if (!ch.speakerId || ch.kind === 'analysis') continue;
    const n = quoteCounts.get(ch.speakerId) ?? { interview: 0, quote: 0 };
    n[ch.kind] += 1;
    quoteCounts.set(ch.speakerId, n);
  }
  const content: IndexContentDraft = {
    documents: docs.map((d) => ({
      info: d.source.meta,
      path: path.relative(process.cwd(), d.source.path) || d.source.path,
      contentHash: createHash('sha256').update(d.source.body).digest('hex'),
      bibtex: documentBibtex(d.source.meta),
      ris: documentRis(d.source.meta),
      citation: citeQuote({ document: d.source.meta, speaker: null, kind: 'analysis', interviewDate: null, section: null }),
      sections: d.sections.map((s) => ({ index: s.index, heading: s.heading, anchor: s.anchor })),
      paragraphs: d.paragraphs,
      footnotes: d.footnotes.map((f) => ({ number: f.number, text: f.text })),
    })),
    speakers: registry.speakers.map((s) => ({ ...s, quoteCount: (quoteCounts.get(s.id)?.interview ?? 0) + (quoteCounts.get(s.id)?.quote ?? 0) })),
    chunks,
    embedder: embedder.id,
    dimension: embedder.dimension,
    corpusHash: hash,
  };
  const correctionsFile = path.join(corpusDir, CORRECTIONS_FILE);
  const warnings = [
    ...skipped,
    ...docs.flatMap((d) => d.warnings.map((w) => `${d.source.path}:${w.line}: ${w.message}`)),
    ...[...corrections.byDocument].flatMap(([id, o]) =>
      o.unmatched.map((u) => `${correctionsFile}:${u.line}: correction for ${id} no longer matches: "${u.quoteStart}": ${u.reason}`),
    ),
    ...corrections.unknownDocument.map((u) => `${correctionsFile}:${u.line}: correction no longer matches: ${u.reason}`),
  ];
  const correctionProblems = corrections.unknownDocument.map((u) => `${correctionsFile}:${u.line}: correction no longer matches: ${u.reason}`);
  const reports = docs.map((d) =>
    buildDocumentReport(d, (m) => registry.idFor(d.source.id, m), formatOf(d.source.path), corrections.byDocument.get(d.source.id)),
  );
  return { content, embedTexts, docs, registry, quoteCounts, warnings, reports, correctionProblems };
}

/** Builds the whole index content (parse, attribute, chunk, embed) without touching the served index. */
export async function buildIndexContent(corpusDir: string, embedder: Embedder, onProgress?: (e: IngestProgress) => void, embed?: EmbedPassagesFn) {
  const { content: draft, embedTexts, ...rest } = await planIndexContent(corpusDir, embedder, onProgress);
  const vectors = await (embed ?? ((t, p) => embedPassages(embedder, t, p)))(embedTexts, (done, total) => onProgress?.({ phase: 'embed', done, total }));
  const content: IndexContent = { ...draft, chunks: draft.chunks.map((c, i) => ({ ...c, vector: vectors[i] })) };
  return { content, ...rest };
}

/** The distinct texts of a list and, for each, every position it holds (identical passages are embedded once). */
export function distinctTexts(texts: string[]): { distinct: string[]; positions: number[][] } {
  const at = new Map<string, number>();
  const positions: number[][] = [];
  for (const [i, t] of texts.entries()) {
    let k = at.get(t);
    if (k === undefined) {
      k = positions.length;
      at.set(t, k);
      positions.push([]);
    }
    positions[k].push(i);
  }
  return { distinct: [...at.keys()], positions };
}

/** Helpers for a corpus this large are worth their model load (about 1 KB of source per chunk; the model needs no file). */
function worthHelpers(corpusDir: string): boolean {
  try {
    const bytes = listCorpusFiles(corpusDir).reduce((n, f) => n + statSync(f).size, 0);
    return bytes >= PARALLEL_MIN_TEXTS * 1000 && extraEmbedWorkers() > 0;
  } catch {
    return false; // parsing will say what is wrong with the folder
  }
}

/** The whole ingest: build a new index beside the old one and swap it in only when it is complete and checked. */
export async function ingestCorpus(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const cleaned = cleanLeftovers(options.dbPath);
  const release = acquireIngestLock(options.dbPath);
  try {
    // the helper processes load their models now, while this one reads and parses
    const helpers = worthHelpers(options.corpusDir) ? new EmbedHelpers(options.embedder.id) : undefined;
    let planned: Awaited<ReturnType<typeof planIndexContent>>;
    const embedding = { computed: 0, reused: 0, seconds: 0, helperLoadSeconds: [] as number[] };
    const abort = new AbortController();
    let planSeconds = 0;
    try {
      const chunked = await chunkCorpus(options.corpusDir, options.onProgress);
      const { distinct, positions } = distinctTexts(chunked.embedTexts);
      embedding.computed = distinct.length;
      embedding.reused = chunked.embedTexts.length - distinct.length;
      // the helpers embed while this process completes the plan (citations: most of planning on a large corpus); the
      // vectors they hand in before the new index file is open wait here (their share of that time: a few batches)
      let put: ((rows: number[], vectors: Float32Array[]) => void) | null = null;
      const waiting: { rows: number[]; vectors: Float32Array[] }[] = [];
      let planDone = () => {};
      const localStart = new Promise<void>((resolve) => {
        planDone = resolve;
      });
      const t = performance.now();
      options.onProgress?.({ phase: 'embed', done: 0, total: distinct.length });
      const embedded = embedPassageBatches(
        options.embedder,
        distinct,
        (start, vectors) => {
          // each batch of vectors goes to every chunk with that text
          const rows: number[] = [];
          const all: Float32Array[] = [];
          vectors.forEach((v, i) => {
            for (const row of positions[start + i]) {
              rows.push(row);
              all.push(v);
            }
          });
          if (put) put(rows, all);
          else waiting.push({ rows, vectors: all });
        },
        { helpers, localStart, signal: abort.signal, onProgress: (done, total) => options.onProgress?.({ phase: 'embed', done, total }) },
      ).then(() => {
        embedding.seconds = (performance.now() - t) / 1000;
      });
      // awaited below; a failed plan must not leave it rejected unobserved
      embedded.catch(() => {});
      try {
        // a turn of the event loop now and then lets a helper hand in its batch and take the next
        planned = await completeIndexContent(options.corpusDir, chunked, options.embedder, helpers ? () => new Promise((r) => setImmediate(r)) : undefined);
      } catch (e) {
        abort.abort();
        throw e;
      } finally {
        planDone();
      }
      planSeconds = (performance.now() - started) / 1000;
      const step = (s: string) => options.onProgress?.({ phase: s === 'writing' ? 'write' : 'check', done: 0, total: 1 });
      await writeIndexStreaming(
        options.dbPath,
        planned.content,
        async (write) => {
          for (const w of waiting.splice(0)) write(w.rows, w.vectors);
          put = write;
          await embedded;
        },
        step,
      );
      if (helpers) embedding.helperLoadSeconds = await helpers.loadSeconds();
    } finally {
      abort.abort();
      helpers?.stop();
    }
    const { content, docs, registry, quoteCounts, warnings, reports, correctionProblems } = planned;
    // a large index gets its ANN graph beside it (search scans smaller ones exactly); without it search still works, exactly
    try {
      writeAnnFile(options.dbPath);
    } catch (e) {
      warnings.push(`${options.dbPath}: the ANN graph could not be written (${(e as Error).message}); search scans every vector instead`);
    }
    // counted in one pass (filtering every chunk per document grows with the square of the archive)
    const perDocument = new Map<string, { quotes: number; chunks: number }>();
    for (const c of content.chunks) {
      const n = perDocument.get(c.documentId) ?? { quotes: 0, chunks: 0 };
      n.chunks += 1;
      if (c.kind !== 'analysis') n.quotes += 1;
      perDocument.set(c.documentId, n);
    }
    return {
      documents: docs.map((d) => ({
        id: d.source.id,
        title: d.source.meta.title,
        quotes: perDocument.get(d.source.id)?.quotes ?? 0,
        chunks: perDocument.get(d.source.id)?.chunks ?? 0,
      })),
      quotesPerSpeaker: registry.speakers
        .map((s) => ({ id: s.id, name: s.name, interview: quoteCounts.get(s.id)?.interview ?? 0, quote: quoteCounts.get(s.id)?.quote ?? 0 }))
        .sort((a, b) => b.interview + b.quote - (a.interview + a.quote) || a.name.localeCompare(b.name)),
      chunks: content.chunks.length,
      quotes: content.chunks.filter((c) => c.kind !== 'analysis').length,
      embedder: content.embedder,
      seconds: (performance.now() - started) / 1000,
      warnings,
      cleaned,
      reports,
      correctionProblems,
      embedding,
      planSeconds,
    };
  } finally {
    release();
  }
}
