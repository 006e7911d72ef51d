import { sameFullName } from './names';
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
          : records.find(
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
        }
        byMention.set(scopedKey, rec);
      }
      rec.keys.add(mention.key);
      for (const form of [mention.name, written]) if (form !== rec.name && !rec.aliases.includes(form)) rec.aliases.push(form);
      if (!override?.role && (mention.role?.length ?? 0) > (rec.role?.length ?? 0)) rec.role = mention.role;
      if (!override?.affiliation && (mention.affiliation?.length ?? 0) > (rec.affiliation?.length ?? 0)) rec.affiliation = mention.affiliation;
      if (!rec.documents.includes(doc.source.id)) rec.documents.push(doc.source.id);
      if (date && !rec.interviewDates.includes(date)) rec.interviewDates.push(date);
    }
  }
  // ids: slug of the name, made unique
  const used = new Set<string>();
  for (const r of records) {
    const base = slug(r.name) || 'speaker';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
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
