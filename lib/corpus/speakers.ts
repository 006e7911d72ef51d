import { nameTokens, sameFullName } from './names';
import { slug } from './structure';
import type { ParsedDocument, SpeakerMention } from './types';

export interface SpeakerRecord {
  id: string;
  name: string;
  aliases: string[];
  anonymous: boolean;
  role: string | null;
  affiliation: string | null;
  documents: string[];
  interviewDates: string[];
}

/** Optional corpus/speakers.yaml entry: written forms the text cannot settle as one person. */
export interface SpeakerOverride {
  name: string;
  aliases?: string[];
  affiliation?: string;
  role?: string;
}

export interface SpeakerRegistry {
  speakers: SpeakerRecord[];
  /** The registry id for a speaker as one document names them. */
  idFor(documentId: string, mention: SpeakerMention): string;
}

/**
 * Merges the speakers of all documents: one speaker per person whatever spelling or order of names
 * the texts use; anonymous sources stay separate per document, since two reports' "officials" need
 * not be the same person.
 */
export function buildSpeakerRegistry(docs: ParsedDocument[], overrides: SpeakerOverride[] = []): SpeakerRegistry {
  const records: (SpeakerRecord & { keys: Set<string> })[] = [];
  const byMention = new Map<string, (typeof records)[number]>();
  const canonical = (name: string) => {
    const o = overrides.find((x) => x.name.toLowerCase() === name.toLowerCase() || x.aliases?.some((a) => a.toLowerCase() === name.toLowerCase()));
    return o ?? null;
  };
  // The first named record a mention can be (the order decides which): looked for only among the records sharing its
  // key or a word of a name with it, which any match does (sameFullName needs all words but a typo's alike), since
  // trying every record with every mention grows with the square of an archive's speakers.
  const number = new Map<(typeof records)[number], number>();
  const byKey = new Map<string, Set<number>>();
  const byToken = new Map<string, Set<number>>();
  const byName = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, k: string, rec: (typeof records)[number]) => {
    if (rec.anonymous) return;
    let set = map.get(k);
    if (!set) map.set(k, (set = new Set()));
    set.add(number.get(rec)!);
  };
  const indexKey = (rec: (typeof records)[number], key: string) => add(byKey, key, rec);
  const indexName = (rec: (typeof records)[number], name: string) => {
    if (name === rec.name) add(byName, name, rec);
    for (const t of nameTokens(name)) add(byToken, t, rec);
  };
  const candidates = (mention: SpeakerMention, override: SpeakerOverride | null): (typeof records)[number][] => {
    // an override matches by the record's name
    const found = new Set<number>(override ? byName.get(override.name) : byKey.get(mention.key));
    if (!override) for (const t of nameTokens(mention.name)) for (const i of byToken.get(t) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => records[i]);
  };
  for (const doc of docs) {
    const mentions: { mention: SpeakerMention; date: string | null; written: string }[] = [
      ...doc.interviews.map((i) => ({ mention: i.speaker, date: i.date, written: i.written })),
      // unattributed quotes name nobody
      ...doc.quotes.flatMap((q) => (q.speaker ? [{ mention: q.speaker, date: q.interviewDate, written: q.speaker.name }] : [])),
    ];
    for (const { mention, date, written } of mentions) {
      const scopedKey = `${doc.source.id}|${mention.key}`;
      const override = mention.anonymous ? null : (canonical(mention.name) ?? canonical(written));
      let rec = byMention.get(scopedKey);
      if (!rec) {
        rec = mention.anonymous
          ? undefined
          : candidates(mention, override).find(
              (r) =>
                !r.anonymous &&
                (override
                  ? r.name === override.name
                  : r.keys.has(mention.key) || sameFullName(r.name, mention.name) || r.aliases.some((a) => sameFullName(a, mention.name))),
            );
        if (!rec) {
          rec = {
            id: '',
            name: override?.name ?? mention.name,
            aliases: [],
            anonymous: mention.anonymous,
            role: override?.role ?? mention.role,
            affiliation: override?.affiliation ?? mention.affiliation,
            documents: [],
            interviewDates: [],
            keys: new Set(),
          };
          records.push(rec);
          number.set(rec, records.length - 1);
          indexName(rec, rec.name);
        }
        byMention.set(scopedKey, rec);
      }
      if (!rec.keys.has(mention.key)) {
        rec.keys.add(mention.key);
        indexKey(rec, mention.key);
      }
      for (const form of [mention.name, written])
        if (form !== rec.name && !rec.aliases.includes(form)) {
          rec.aliases.push(form);
          indexName(rec, form);
        }
      if (!override?.role && (mention.role?.length ?? 0) > (rec.role?.length ?? 0)) rec.role = mention.role;
      if (!override?.affiliation && (mention.affiliation?.length ?? 0) > (rec.affiliation?.length ?? 0)) rec.affiliation = mention.affiliation;
      // documents come one after another, so a speaker's list ends with this one if it holds it
      if (rec.documents[rec.documents.length - 1] !== doc.source.id) rec.documents.push(doc.source.id);
      if (date && !rec.interviewDates.includes(date)) rec.interviewDates.push(date);
    }
  }
  // ids: slug of the name, made unique
  const used = new Set<string>();
  // where each name's search for a free number goes on (the numbers taken only grow, so the first free one does too)
  const nextNumber = new Map<string, number>();
  for (const r of records) {
    const base = slug(r.name) || 'speaker';
    let id = base;
    let n = nextNumber.get(base) ?? 2;
    for (; used.has(id); n++) id = `${base}-${n}`;
    nextNumber.set(base, n);
    used.add(id);
    r.id = id;
    r.interviewDates.sort();
  }
  const speakers = records.map(({ keys: _keys, ...r }) => r);
  return {
    speakers,
    idFor(documentId, mention) {
      const rec = byMention.get(`${documentId}|${mention.key}`);
      if (!rec) throw new Error(`speaker ${mention.name} of ${documentId} is not in the registry`);
      return rec.id;
    },
  };
}
