// Quote cards as a results page sends them to the browser: each card's own data once, what cards share (documents,
// speakers, the bibliography entries of their citations) once per page, and nothing the browser can derive (the
// clipboard quote, the link to its context, the copy button's citation record). A page of cards rendered by one client
// component from this carries the data once in its RSC payload, instead of every card's element tree.
import type { CiteDateLabel } from '../cite/citable';
import { quoteText } from '../cite/quote-records';
import type { AlsoIn, AttributionMethod, ChunkKind, DocumentRef, FootnoteRef, MatchKind, SpeakerRef } from '../types';
import type { QuoteCardData } from './cards';
import { quoteContextHref } from './hrefs';
import type { HighlightRun } from './quote-segments';

type Speaker = SpeakerRef & { role?: string | null };

/** A highlight run: its text alone when plain, else [text, 1 match + 2 best, the query word it is related to]. */
type PackedRun = string | [string, number] | [string, number, string];

/** A string as is, or its parts: literal strings and [start, length] stretches of a reference string it repeats. */
type Spliced = string | (string | [number, number])[];

/**
 * A citation style: its in-text part (spliced against the rest: a Chicago note repeats the entry's author, title and
 * publisher), and the index of the shared rest (from its first blank line; -1 when none).
 */
type PackedCitation = [Spliced, number];

/** One card; fields that are null, false or empty are left out. */
export interface PackedCard {
  id: string;
  k: ChunkKind;
  r: PackedRun[];
  /** Index into speakers. */
  s?: number;
  /** Index into documents. */
  d: number;
  i?: string;
  sec?: string;
  f?: FootnoteRef;
  /** chicago, apa, mla */
  c: [PackedCitation, PackedCitation, PackedCitation];
  /** Spliced against the footnote's text, which it usually quotes. */
  e?: Spliced;
  m?: AttributionMethod;
  l?: CiteDateLabel;
  p?: number;
  /** The MLA signal phrase. */
  g?: string;
  sc?: number;
  mt?: MatchKind;
  a?: AlsoIn[];
  t?: string[];
  sa?: string;
}

export interface PackedCards {
  documents: DocumentRef[];
  speakers: Speaker[];
  /** The rest of each citation after its in-text part (the bibliography entry), shared by every quote of a document. */
  tails: string[];
  cards: PackedCard[];
}

const STYLES = ['chicago', 'apa', 'mla'] as const;
/** Shorter shared stretches are sent as they are. */
const MIN_SPLICE = 24;

/** The longest stretch of `text` that `reference` also holds: [start in text, start in reference, length]. */
function longestShared(text: string, reference: string): [number, number, number] {
  let best = 0;
  let endText = 0;
  let endRef = 0;
  let prev = new Uint32Array(reference.length + 1);
  let row = new Uint32Array(reference.length + 1);
  for (let i = 1; i <= text.length; i++) {
    for (let j = 1; j <= reference.length; j++) {
      row[j] = text.charCodeAt(i - 1) === reference.charCodeAt(j - 1) ? prev[j - 1] + 1 : 0;
      if (row[j] > best) {
        best = row[j];
        endText = i;
        endRef = j;
      }
    }
    [prev, row] = [row, prev];
  }
  return [endText - best, endRef - best, best];
}

/** `text` with every long stretch it shares with `reference` (longest first) replaced by a reference to it. */
export function splice(text: string, reference: string | null | undefined): Spliced {
  // quadratic: very long notes are sent as they are
  if (!reference || reference.length < MIN_SPLICE || text.length * reference.length > 4_000_000) return text;
  const parts: (string | [number, number])[] = [];
  const visit = (part: string) => {
    const [at, from, length] = part.length < MIN_SPLICE ? [0, 0, 0] : longestShared(part, reference);
    if (length < MIN_SPLICE) {
      if (part) parts.push(part);
      return;
    }
    visit(part.slice(0, at));
    parts.push([from, length]);
    visit(part.slice(at + length));
  };
  visit(text);
  return parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : parts;
}

export function unsplice(value: Spliced, reference: string | null | undefined): string {
  if (typeof value === 'string') return value;
  return value.map((p) => (typeof p === 'string' ? p : (reference ?? '').slice(p[0], p[0] + p[1]))).join('');
}

/** Adds a value to a table once (compared by its JSON) and returns its index. */
function interner<T>(table: T[]): (value: T) => number {
  const seen = new Map<string, number>();
  return (value) => {
    const key = JSON.stringify(value);
    let at = seen.get(key);
    if (at === undefined) {
      at = table.push(value) - 1;
      seen.set(key, at);
    }
    return at;
  };
}

export function packCards(cards: QuoteCardData[]): PackedCards {
  const out: PackedCards = { documents: [], speakers: [], tails: [], cards: [] };
  const doc = interner(out.documents);
  const speaker = interner(out.speakers);
  const tail = interner(out.tails);
  for (const c of cards) {
    const citation = STYLES.map((style): PackedCitation => {
      const text = c.citation[style];
      const at = text.indexOf('\n\n');
      if (at < 0) return [text, -1];
      const rest = text.slice(at);
      return [splice(text.slice(0, at), rest), tail(rest)];
    }) as PackedCard['c'];
    const p: PackedCard = {
      id: c.id,
      k: c.kind,
      r: c.runs.map((r): PackedRun => {
        const flags = (r.match ? 1 : 0) + (r.best ? 2 : 0);
        return r.relatedTo !== null ? [r.text, flags, r.relatedTo] : flags ? [r.text, flags] : r.text;
      }),
      d: doc(c.document),
      c: citation,
    };
    if (c.speaker) p.s = speaker(c.speaker);
    if (c.interviewDate !== null) p.i = c.interviewDate;
    if (c.section !== null) p.sec = c.section;
    if (c.footnote) p.f = c.footnote;
    if (c.evidence !== null) p.e = splice(c.evidence, c.footnote?.text);
    if (c.attributionMethod) p.m = c.attributionMethod;
    if (c.dateLabel) p.l = c.dateLabel;
    if (c.page !== null) p.p = c.page;
    if (c.cite.signal !== null) p.g = c.cite.signal;
    if (c.score !== null) p.sc = c.score;
    if (c.match) p.mt = c.match;
    if (c.alsoIn.length) p.a = c.alsoIn;
    if (c.contextTerms.length) p.t = c.contextTerms;
    if (c.savedAt !== null) p.sa = c.savedAt;
    out.cards.push(p);
  }
  return out;
}

/** The cards packCards was given, field for field. */
export function unpackCards(packed: PackedCards): QuoteCardData[] {
  return packed.cards.map((p) => {
    const runs = p.r.map((r): HighlightRun => {
      if (typeof r === 'string') return { text: r, match: false, best: false, relatedTo: null };
      return { text: r[0], match: (r[1] & 1) === 1, best: (r[1] & 2) === 2, relatedTo: r[2] ?? null };
    });
    const text = runs.map((r) => r.text).join('');
    const document = packed.documents[p.d];
    const speaker = p.s === undefined ? null : packed.speakers[p.s];
    const [chicago, apa, mla] = p.c.map(([head, at]) => (at < 0 ? unsplice(head, null) : unsplice(head, packed.tails[at]) + packed.tails[at]));
    const citation = { chicago, apa, mla };
    const quoted = quoteText(text);
    const interviewDate = p.i ?? null;
    const dateLabel = p.l ?? null;
    const footnote = p.f ?? null;
    const page = p.p ?? null;
    return {
      id: p.id,
      kind: p.k,
      runs,
      speaker,
      interviewDate,
      document,
      section: p.sec ?? null,
      footnote,
      contextHref: quoteContextHref(document.id, p.id),
      citation,
      quoted,
      evidence: p.e === undefined ? null : unsplice(p.e, footnote?.text),
      attributionMethod: p.m ?? null,
      unattributed: p.k !== 'analysis' && !speaker,
      dateLabel,
      page,
      cite: {
        quoted,
        citation,
        signal: p.g ?? null,
        documentId: document.id,
        quoteId: p.id,
        note: {
          kind: p.k,
          speaker: speaker ? { name: speaker.name, role: speaker.role ?? null, affiliation: speaker.affiliation } : null,
          interviewDate,
          dateLabel,
          footnote: footnote ? { number: footnote.number, text: null } : null,
          page,
        },
      },
      score: p.sc ?? null,
      match: p.mt ?? null,
      alsoIn: p.a ?? [],
      contextTerms: p.t ?? [],
      savedAt: p.sa ?? null,
    };
  });
}
