import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { citeQuote, documentBibtex, documentRis } from '../cite';
import { chunkDocument, findRepeatedParagraphs, linkNearDuplicates } from '../corpus/chunk';
import { parseDocument } from '../corpus/parse-document';
import { blockQuoteAnchors, framingText } from '../corpus/quote-context';
import { CorpusError, decodeUtf8, readSource } from '../corpus/read-source';
import { buildSpeakerRegistry, type SpeakerOverride } from '../corpus/speakers';
import type { ParsedDocument } from '../corpus/types';
import { acquireIngestLock, cleanLeftovers, writeIndexAtomically, type IndexChunk, type IndexContent } from '../db/write-index';
import type { Embedder } from '../embed/embedder';
import { embedPassages } from '../embed/parallel';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const DOCUMENT_FILE = /\.(md|markdown|txt)$/i;
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
}

/** Lists the corpus documents: Markdown or text files, sorted by name, sidecars and READMEs excluded. */
export function listCorpusFiles(corpusDir: string): string[] {
  if (!existsSync(corpusDir)) throw new CorpusError(corpusDir, null, 'corpus folder does not exist; pass --corpus DIR or create it');
  if (!statSync(corpusDir).isDirectory()) throw new CorpusError(corpusDir, null, 'is not a folder');
  const files = readdirSync(corpusDir)
    .filter((f) => DOCUMENT_FILE.test(f) && !NOT_DOCUMENTS.test(f) && !f.startsWith('.'))
    .sort()
    .map((f) => path.join(corpusDir, f));
  if (!files.length) throw new CorpusError(corpusDir, null, 'holds no documents (.md, .markdown or .txt files); add at least one');
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

/** Reads and parses every document of a corpus folder; the first bad file stops the run with its name. */
export function parseCorpus(
  corpusDir: string,
  onFile?: (file: string, done: number, total: number) => void,
): { docs: ParsedDocument[]; hash: string; overrides: SpeakerOverride[] } {
  const files = listCorpusFiles(corpusDir);
  const hash = createHash('sha256');
  const docs: ParsedDocument[] = [];
  const ids = new Map<string, string>();
  files.forEach((file, i) => {
    onFile?.(file, i, files.length);
    const bytes = readFileChecked(file);
    hash.update(path.basename(file)).update('\0').update(bytes);
    const text = decodeUtf8(file, bytes);
    const sidecarPath = file.replace(DOCUMENT_FILE, '.meta.yaml');
    const sidecar =
      /\.txt$/i.test(file) && existsSync(sidecarPath) ? { path: sidecarPath, text: decodeUtf8(sidecarPath, readFileChecked(sidecarPath)) } : undefined;
    const source = readSource(file, text, sidecar);
    const clash = ids.get(source.id);
    if (clash) throw new CorpusError(file, null, `has the same document id "${source.id}" as ${clash}; rename one of them`);
    ids.set(source.id, file);
    docs.push(parseDocument(source));
  });
  const overridesPath = path.join(corpusDir, OVERRIDES_FILE);
  let overrides: SpeakerOverride[] = [];
  if (existsSync(overridesPath)) {
    const raw = decodeUtf8(overridesPath, readFileChecked(overridesPath));
    hash.update(raw);
    overrides = parseOverrides(overridesPath, raw);
  }
  return { docs, hash: hash.digest('hex'), overrides };
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

/** Builds the whole index content (parse, attribute, chunk, embed) without touching the served index. */
export async function buildIndexContent(corpusDir: string, embedder: Embedder, onProgress?: (e: IngestProgress) => void) {
  const { docs, hash, overrides } = parseCorpus(corpusDir, (file, done, total) => onProgress?.({ phase: 'parse', file, done, total }));
  const registry = buildSpeakerRegistry(docs, overrides);
  const repeated = findRepeatedParagraphs(docs);
  const chunksByDoc = new Map(docs.map((d) => [d.source.id, chunkDocument(d, repeated)]));
  linkNearDuplicates(chunksByDoc, new Map(docs.map((d) => [d.source.id, d.paragraphs.length])), repeated);

  const drafts = docs.flatMap((d) => chunksByDoc.get(d.source.id)!.map((c) => ({ c, d })));
  const speakerNames = new Map(registry.speakers.map((s) => [s.id, s.name]));
  // what the model sees: the speaker's name with a quote, the heading with analysis
  const embedTexts = drafts.map(({ c, d }) =>
    c.quote ? (c.quote.speaker ? `${c.quote.speaker.name}: ${c.text}` : c.text) : [d.sections[c.sectionIndex]?.heading, c.text].filter(Boolean).join('\n'),
  );
  const vectors = await embedPassages(embedder, embedTexts, (done, total) => onProgress?.({ phase: 'embed', done, total }));
  const speakersById = new Map(registry.speakers.map((s) => [s.id, s]));
  const blockAnchors = new Map(docs.map((d) => [d.source.id, blockQuoteAnchors(d.quotes, d.paragraphs)]));
  const chunks: IndexChunk[] = drafts.map(({ c, d }, i) => {
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
      method: c.quote?.attribution?.method ?? null,
      footnoteNumber: c.quote?.footnoteNumber ?? null,
      interviewDate: c.quote?.interviewDate ?? null,
      dupOf: c.dupOf,
      context: c.quote ? framingText(d.paragraphs, c.quote, blockAnchors.get(d.source.id)!) : '',
      citation: citeQuote({
        document: d.source.meta,
        speaker: speaker ? { name: speaker.name, affiliation: speaker.affiliation, anonymous: speaker.anonymous } : null,
        kind: c.kind,
        interviewDate: c.quote?.interviewDate ?? null,
        section: d.sections[c.sectionIndex]?.heading ?? null,
        footnoteNumber: c.quote?.footnoteNumber ?? null,
      }),
      vector: vectors[i],
    };
  });
  const quoteCounts = new Map<string, { interview: number; quote: number }>();
  for (const ch of chunks) {
    if (!ch.speakerId || ch.kind === 'analysis') continue;
    const n = quoteCounts.get(ch.speakerId) ?? { interview: 0, quote: 0 };
    n[ch.kind] += 1;
    quoteCounts.set(ch.speakerId, n);
  }
  const content: IndexContent = {
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
  const warnings = docs.flatMap((d) => d.warnings.map((w) => `${d.source.path}:${w.line}: ${w.message}`));
  return { content, docs, registry, quoteCounts, warnings };
}

/** The whole ingest: build a new index beside the old one and swap it in only when it is complete and checked. */
export async function ingestCorpus(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const cleaned = cleanLeftovers(options.dbPath);
  const release = acquireIngestLock(options.dbPath);
  try {
    const { content, docs, registry, quoteCounts, warnings } = await buildIndexContent(options.corpusDir, options.embedder, options.onProgress);
    writeIndexAtomically(options.dbPath, content, (step) => options.onProgress?.({ phase: step === 'writing' ? 'write' : 'check', done: 0, total: 1 }));
    return {
      documents: docs.map((d) => ({
        id: d.source.id,
        title: d.source.meta.title,
        quotes: content.chunks.filter((c) => c.documentId === d.source.id && c.kind !== 'analysis').length,
        chunks: content.chunks.filter((c) => c.documentId === d.source.id).length,
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
    };
  } finally {
    release();
  }
}
