// Adding documents to a running corpus: the new file is staged and ingested with the corpus, moved
// in and the index swapped only when all went well; every failure leaves corpus and index as they
// were. Fake embedder (the model is irrelevant here); invented documents.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { markdown } from '../corpus/fixtures/synthetic';
import { IndexReader } from '../db/index-reader';
import { openDatabase } from '../db/open';
import { addDocuments, type ChangeEvent, prepareAddDocuments, removeDocument, UploadRefusal } from './add-documents';
import { fakeEmbedder } from './fixtures/fake-embedder';
import { ingestCorpus } from './ingest';

process.env.EMBED_WORKERS = '0';

const BASE = markdown(
  `Coastal Review

The northern coast has seen rising tension, and the navy has expanded patrols along the fjords.¹ As Henrik Aaltonen explains:

Patrols alone cannot deter a determined adversary. What matters is that allies are present and visible.²

¹ Fleet Review 2022.

² Interview with Henrik Aaltonen, Professor of Maritime Strategy at the University of Bergenholm. Transcribed on 4 May 2023.
`,
  { title: 'Coastal Review', authors: ['Anna Lind'] },
);

const NEW = markdown(
  `Island Memo

Shipping lanes around the islands matter to every state in the region.¹ As Mirela Dobrev puts it:

The lanes are the lifeline of the islands, and whoever guards them decides the islands' future.¹

Dobrev: We should not wait for a crisis before we agree on who patrols which strait.²

¹ Interview with Mirela Dobrev, Director of the Institute for Island Studies. Transcribed on 2 March 2024.

² Interview with Mirela Dobrev. Transcribed on 2 March 2024.
`,
  { title: 'Island Memo', authors: ['Per Holm'] },
);

const root = mkdtempSync(path.join(tmpdir(), 'add-documents-'));
const corpus = path.join(root, 'corpus');
const dbPath = path.join(root, 'data', 'corpus.db');
const state = globalThis as unknown as { __eqVectorCache?: unknown };

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const corpusState = () =>
  readdirSync(corpus)
    .sort()
    .map((f) => `${f}:${sha(path.join(corpus, f))}`);
const bytes = (s: string) => Buffer.from(s, 'utf8');

function docIds(): string[] {
  const r = IndexReader.open(dbPath);
  try {
    return r.documents().map((d) => d.id);
  } finally {
    r.close();
  }
}

async function refusal(f: () => unknown): Promise<UploadRefusal> {
  try {
    await f();
  } catch (e) {
    if (e instanceof UploadRefusal) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

beforeEach(async () => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(corpus, { recursive: true });
  writeFileSync(path.join(corpus, 'coastal-review.md'), BASE);
  await ingestCorpus({ corpusDir: corpus, dbPath, embedder: fakeEmbedder() });
  state.__eqVectorCache = undefined;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('adding a document', () => {
  it('moves the file in, swaps the index, reports quotes per speaker, and embeds only the new passages', async () => {
    const embedder = fakeEmbedder();
    const events: ChangeEvent[] = [];
    const result = await addDocuments({
      corpusDir: corpus,
      dbPath,
      embedder,
      files: [{ name: 'island-memo.md', bytes: bytes(NEW) }],
      onEvent: (e) => events.push(e),
    });
    expect(readdirSync(corpus).sort()).toEqual(['coastal-review.md', 'island-memo.md']);
    expect(readFileSync(path.join(corpus, 'island-memo.md'), 'utf8')).toBe(NEW);
    expect(docIds().sort()).toEqual(['coastal-review', 'island-memo']);
    const [report] = result.reports;
    expect(report).toMatchObject({ documentId: 'island-memo', title: 'Island Memo', file: 'island-memo.md', format: 'markdown', quotes: 2, unattributed: [] });
    expect(report.bySpeaker).toEqual([{ speakerId: 'mirela-dobrev', name: 'Mirela Dobrev', count: 2 }]);
    expect(report.byMethod.note + report.byMethod['lead-in'] + report.byMethod.dialogue).toBe(2);
    expect(events.filter((e) => e.type === 'file').map((e) => (e as { phase: string }).phase)).toEqual(['reading', 'parsing', 'embedding', 'indexing', 'done']);
    // the existing document's passages came from the served index, not the model
    const r = IndexReader.open(dbPath);
    try {
      const newChunks = r.summary().chunks - 0;
      expect(embedder.texts.length).toBeGreaterThan(0);
      expect(embedder.texts.every((t) => !t.includes('Aaltonen') && !t.includes('northern coast'))).toBe(true);
      expect(embedder.texts.length).toBeLessThan(newChunks);
    } finally {
      r.close();
    }
    // and the vectors it reused are the ones a full ingest computes
    const fresh = path.join(root, 'fresh.db');
    await ingestCorpus({ corpusDir: corpus, dbPath: fresh, embedder: fakeEmbedder() });
    const vectors = (file: string) => {
      const db = openDatabase(file, { readonly: true });
      try {
        return (
          db.prepare('SELECT c.id, v.embedding FROM vec_chunks v JOIN chunks c ON c.rowid = v.chunk_rowid ORDER BY c.id').all() as {
            id: string;
            embedding: Buffer;
          }[]
        ).map((row) => `${row.id}:${row.embedding.toString('hex')}`);
      } finally {
        db.close();
      }
    };
    expect(vectors(dbPath)).toEqual(vectors(fresh));
    expect(readdirSync(corpus).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(existsSync(`${dbPath}.lock`)).toBe(false);
  });

  it('removes a document again, with its file, and refuses to remove the last one', async () => {
    await addDocuments({ corpusDir: corpus, dbPath, embedder: fakeEmbedder(), files: [{ name: 'island-memo.md', bytes: bytes(NEW) }] });
    const embedder = fakeEmbedder();
    const result = await removeDocument({ corpusDir: corpus, dbPath, documentId: 'island-memo', embedder });
    expect(result.removed).toEqual(['island-memo.md']);
    expect(readdirSync(corpus)).toEqual(['coastal-review.md']);
    expect(docIds()).toEqual(['coastal-review']);
    expect(embedder.texts).toEqual([]); // everything left was already embedded
    expect((await refusal(() => removeDocument({ corpusDir: corpus, dbPath, documentId: 'island-memo', embedder }))).status).toBe(404);
    const last = await refusal(() => removeDocument({ corpusDir: corpus, dbPath, documentId: 'coastal-review', embedder }));
    expect([last.status, last.message]).toEqual([409, 'The last document of the corpus cannot be removed.']);
    expect((await refusal(() => removeDocument({ corpusDir: corpus, dbPath, documentId: '../x', embedder }))).status).toBe(400);
  });
});

describe('a failed or refused change leaves corpus and index as they were', () => {
  function expectUnchanged(before: { corpus: string[]; index: string }) {
    expect(corpusState()).toEqual(before.corpus);
    expect(sha(dbPath)).toBe(before.index);
    expect(readdirSync(path.dirname(dbPath))).toEqual(['corpus.db']); // no lock, no temporary index
  }
  const snapshot = () => ({ corpus: corpusState(), index: sha(dbPath) });

  it('a document that does not parse is refused (422) with its name and line', async () => {
    const before = snapshot();
    const broken = '---\ntitle: Broken\nauthors: [unclosed\n---\nBody text.\n';
    const e = await refusal(() => addDocuments({ corpusDir: corpus, dbPath, embedder: fakeEmbedder(), files: [{ name: 'broken.md', bytes: bytes(broken) }] }));
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/^broken\.md:\d+: broken front matter: .* Nothing was changed\.$/);
    expectUnchanged(before);
  });

  it('the model failing mid-way leaves everything as it was and frees the lock', async () => {
    const before = snapshot();
    const failing = fakeEmbedder({
      onBatch: () => {
        throw new Error('model crashed');
      },
    });
    await expect(addDocuments({ corpusDir: corpus, dbPath, embedder: failing, files: [{ name: 'island-memo.md', bytes: bytes(NEW) }] })).rejects.toThrow(
      'model crashed',
    );
    expectUnchanged(before);
  });

  it('an index that fails its checks puts the moved files back, the replaced one included', async () => {
    await addDocuments({ corpusDir: corpus, dbPath, embedder: fakeEmbedder(), files: [{ name: 'island-memo.md', bytes: bytes(NEW) }] });
    const before = snapshot();
    const changed = NEW.replace('lifeline of the islands', 'lifeline of the archipelago');
    const nan = fakeEmbedder({ vectorFor: (t, v) => (t.includes('archipelago') ? new Float32Array(v.length).fill(Number.NaN) : v) });
    await expect(
      addDocuments({ corpusDir: corpus, dbPath, embedder: nan, replace: true, files: [{ name: 'island-memo.md', bytes: bytes(changed) }] }),
    ).rejects.toThrow(/non-finite/);
    expectUnchanged(before);
    expect(readFileSync(path.join(corpus, 'island-memo.md'), 'utf8')).toBe(NEW);
  });

  it('a file of the same name is refused (409) unless replace is chosen', async () => {
    const before = snapshot();
    const changed = BASE.replace('rising tension', 'rising and falling tension');
    const e = await refusal(() =>
      addDocuments({ corpusDir: corpus, dbPath, embedder: fakeEmbedder(), files: [{ name: 'coastal-review.md', bytes: bytes(changed) }] }),
    );
    expect([e.status, e.message]).toEqual([409, '"coastal-review.md" is already in the corpus; choose "Replace existing files" to overwrite it.']);
    expectUnchanged(before);
    await addDocuments({ corpusDir: corpus, dbPath, embedder: fakeEmbedder(), replace: true, files: [{ name: 'coastal-review.md', bytes: bytes(changed) }] });
    expect(readFileSync(path.join(corpus, 'coastal-review.md'), 'utf8')).toBe(changed);
  });

  it('a second change while one holds the lock is refused (409), and a cancelled one lets go', async () => {
    const before = snapshot();
    const first = await prepareAddDocuments({ corpusDir: corpus, dbPath, files: [{ name: 'island-memo.md', bytes: bytes(NEW) }] });
    const e = await refusal(() => prepareAddDocuments({ corpusDir: corpus, dbPath, files: [{ name: 'other.md', bytes: bytes(NEW) }] }));
    expect([e.status, e.message]).toEqual([409, 'Another ingest is running (an upload or npm run ingest); try again when it has finished.']);
    first.cancel();
    expectUnchanged(before);
    expect(readdirSync(corpus)).toEqual(['coastal-review.md']);
  });

  it('two files giving one document id, or one clashing with the corpus, are refused', async () => {
    const before = snapshot();
    const two = await refusal(() =>
      addDocuments({
        corpusDir: corpus,
        dbPath,
        embedder: fakeEmbedder(),
        files: [
          { name: 'Island Memo.md', bytes: bytes(NEW) },
          { name: 'island-memo.txt', bytes: bytes('Plain.') },
        ],
      }),
    );
    expect(two.status).toBe(400);
    expect(two.message).toContain('give the same document id "island-memo"');
    const clash = await refusal(() =>
      addDocuments({ corpusDir: corpus, dbPath, embedder: fakeEmbedder(), files: [{ name: 'Coastal Review.md', bytes: bytes(NEW) }] }),
    );
    expect(clash.status).toBe(422);
    expect(clash.message).toContain('the same document id "coastal-review"');
    expectUnchanged(before);
  });

  it('a PDF that passes the type check but cannot be read is refused (422) with its name, without touching anything', async () => {
    const before = snapshot();
    const e = await refusal(() =>
      addDocuments({ corpusDir: corpus, dbPath, embedder: fakeEmbedder(), files: [{ name: 'scan.pdf', bytes: bytes('%PDF-1.7\n') }] }),
    );
    expect(e.status).toBe(422);
    expect(e.message).toContain('scan.pdf');
    expectUnchanged(before);
  });
});
