// The user's fixes to attribution (corpus/corrections.yaml), read with errors that name file and line, and applied
// to parsed documents by a pure function. A correction names its document and the quote's opening words, not an
// id or a line, so it still finds its quote when the document is edited elsewhere or re-parsed by a better parser.
import { isMap, isScalar, isSeq, LineCounter, parseDocument as parseYamlDocument, type Node } from 'yaml';
import type { QuoteKind } from '../types';
import { personKey, sameFullName } from './names';
import { CorpusError } from './read-source';
import type { ParsedDocument, ParsedQuote, SpeakerMention } from './types';

export const CORRECTIONS_FILE = 'corrections.yaml';

export interface Correction {
  document: string; // document id
  quote: string; // the quote's opening words, as the user wrote them
  speaker: string | null; // the speaker's name as it should show; null with notQuote
  notQuote: boolean; // not a quote of a person: dropped
  kind: QuoteKind | null;
  line: number; // line of the entry in corrections.yaml
}

export interface UnmatchedCorrection {
  quoteStart: string;
  reason: string;
  line: number;
}

export interface CorrectionOutcome {
  applied: number;
  unmatched: UnmatchedCorrection[];
}

export interface AppliedCorrections {
  docs: ParsedDocument[];
  /** Per document id: how many corrections took effect and which found no quote. */
  byDocument: Map<string, CorrectionOutcome>;
  /** Corrections naming a document the corpus does not hold. */
  unknownDocument: (UnmatchedCorrection & { document: string })[];
}

const KEYS = new Set(['document', 'quote', 'speaker', 'notQuote', 'kind']);
const MIN_QUOTE_CHARS = 8;

/** Parses corrections.yaml; any problem is a CorpusError naming the file and the line of the entry. */
export function parseCorrections(file: string, text: string): Correction[] {
  const lines = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new CorpusError(file, lines.linePos(e.pos[0]).line, `is not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  if (doc.contents === null) return [];
  if (!isMap(doc.contents)) throw new CorpusError(file, lineOf(doc.contents), 'must be a mapping with a "corrections:" list');
  const list = doc.contents.get('corrections', true) as Node | undefined;
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) return [];
  if (!isSeq(list)) throw new CorpusError(file, lineOf(list), '"corrections:" must be a list of { document, quote, speaker | notQuote }');
  return list.items.map((item, i) => {
    const line = lineOf(item as Node);
    const where = `corrections[${i}]`;
    if (!isMap(item)) throw new CorpusError(file, line, `${where} must be a mapping with document, quote and speaker (or notQuote: true)`);
    const v = item.toJSON() as Record<string, unknown>;
    for (const k of Object.keys(v))
      if (!KEYS.has(k)) throw new CorpusError(file, line, `${where} has an unknown key "${k}" (allowed: ${[...KEYS].join(', ')})`);
    const str = (k: string) => (typeof v[k] === 'string' || typeof v[k] === 'number' ? String(v[k]).trim() : null);
    const document = str('document');
    if (!document) throw new CorpusError(file, line, `${where} needs "document": the document id (the file name without extension)`);
    const quote = str('quote');
    if (!quote || normalise(quote).length < MIN_QUOTE_CHARS)
      throw new CorpusError(file, line, `${where} needs "quote": the quote's opening words (at least ${MIN_QUOTE_CHARS} characters)`);
    const speaker = v.speaker === undefined || v.speaker === null ? null : str('speaker');
    if (v.speaker !== undefined && v.speaker !== null && !speaker) throw new CorpusError(file, line, `${where} has an empty or non-text "speaker"`);
    if (v.notQuote !== undefined && typeof v.notQuote !== 'boolean') throw new CorpusError(file, line, `${where}: "notQuote" must be true or false`);
    const notQuote = v.notQuote === true;
    if (!speaker && !notQuote) throw new CorpusError(file, line, `${where} needs "speaker: NAME" or "notQuote: true"`);
    if (speaker && notQuote) throw new CorpusError(file, line, `${where} has both "speaker" and "notQuote: true"; keep one`);
    const kind = v.kind === undefined || v.kind === null ? null : v.kind;
    if (kind !== null && kind !== 'interview' && kind !== 'quote')
      throw new CorpusError(file, line, `${where}: "kind" must be interview or quote, not "${String(kind)}"`);
    return { document, quote, speaker, notQuote, kind, line };
  });
}

/** Quote text compared loosely: typographic quotes and dashes, spacing, case and a trailing ellipsis do not matter. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[“”„‟"]/g, '"')
    .replace(/[‘’‚‛']/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["']+/, '')
    .replace(/(?:\.\.\.|…)\s*$/, '')
    .trim()
    .toLowerCase();
}

/** The speaker as this document already knows them (keeps role and affiliation), else a new person. */
function mentionFor(doc: ParsedDocument, name: string): SpeakerMention {
  const known = [...doc.interviews.map((i) => i.speaker), ...doc.quotes.flatMap((q) => (q.speaker ? [q.speaker] : []))];
  const same = known.find((m) => m.name.toLowerCase() === name.toLowerCase()) ?? known.find((m) => !m.anonymous && sameFullName(m.name, name));
  return same ?? { key: personKey(name), name, anonymous: false, role: null, affiliation: null };
}

function corrected(doc: ParsedDocument, q: ParsedQuote, c: Correction): ParsedQuote {
  const speaker = mentionFor(doc, c.speaker!);
  // the note's date belongs to whoever the note names: kept only when that is still the speaker
  const note = q.footnoteNumber !== null ? doc.interviews.find((i) => i.number === q.footnoteNumber) : undefined;
  const keepDate = (q.speaker && q.speaker.key === speaker.key) || (!!note && note.speaker.key === speaker.key);
  return {
    ...q,
    kind: c.kind ?? q.kind,
    speaker,
    attribution: { method: 'override', evidence: `${CORRECTIONS_FILE}: speaker ${c.speaker} (line ${c.line})` },
    interviewDate: keepDate ? q.interviewDate : null,
    dateLabel: keepDate ? q.dateLabel : null,
  };
}

/**
 * Applies the corrections to parsed documents (new objects; the inputs are not changed): a speaker set or fixed
 * (method 'override'), or a quote dropped as not a quote. A correction that finds no quote, or more than one,
 * changes nothing and is reported with the reason.
 */
export function applyCorrections(docs: ParsedDocument[], corrections: Correction[]): AppliedCorrections {
  const byDocument = new Map<string, CorrectionOutcome>(docs.map((d) => [d.source.id, { applied: 0, unmatched: [] }]));
  const unknownDocument: AppliedCorrections['unknownDocument'] = [];
  const out = new Map(docs.map((d) => [d.source.id, { ...d, quotes: [...d.quotes] }]));
  for (const c of corrections) {
    const doc = out.get(c.document);
    if (!doc) {
      unknownDocument.push({ document: c.document, quoteStart: c.quote, line: c.line, reason: `no document "${c.document}" in the corpus` });
      continue;
    }
    const outcome = byDocument.get(c.document)!;
    const start = normalise(c.quote);
    const hits = doc.quotes.map((q, i) => ({ q, i })).filter(({ q }) => normalise(q.text).startsWith(start));
    if (hits.length !== 1) {
      outcome.unmatched.push({
        quoteStart: c.quote,
        line: c.line,
        reason: hits.length
          ? `the words start ${hits.length} quotes; give more of the quote's opening words`
          : 'no quote in the document starts with these words (its text may have changed, or it is not found as a quote)',
      });
      continue;
    }
    const { q, i } = hits[0];
    if (c.notQuote) doc.quotes.splice(i, 1);
    else doc.quotes[i] = corrected(doc, q, c);
    outcome.applied += 1;
  }
  return { docs: docs.map((d) => out.get(d.source.id)!), byDocument, unknownDocument };
}

/** The opening words that pick out one quote among a document's quotes (at least eight words, more until unique). */
export function openingWords(text: string, others: string[]): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  for (let n = Math.min(8, words.length); n <= words.length; n++) {
    const start = words.slice(0, n).join(' ');
    const norm = normalise(start);
    if (others.filter((o) => normalise(o).startsWith(norm)).length <= 1) return start;
  }
  return words.join(' ');
}
