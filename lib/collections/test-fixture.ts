import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IndexReader } from '../db/index-reader';
import { loadEmbedder } from '../embed';
import type { Embedder } from '../embed/embedder';
import { ingestCorpus } from '../ingest/ingest';

// A two-interview report, small enough to ingest in a second: the saved-quotes and export tests need a real index.
export const FIXTURE_DOCUMENT = `---
title: "A Test Report on Fisheries"
authors: ["Jane Doe"]
publisher: Test Institute
place: Leiden
date: "2024-05"
url: null
kind: report
---

# Fisheries and Trade

Fishing quotas have divided the coastal states for a decade. As Example explains:

*We have to be realistic about quotas and tariffs in the northern waters. Nobody wins a tariff war at sea.*¹

Trade officials disagree. As Sample argues:

*The fishing fleets need certainty more than they need subsidies, and certainty comes from treaties.*²

The author's own analysis follows: treaties have held, but enforcement is weak and patrols are few.

¹ Interview with Ken Example, Professor at Example University. Transcribed on 3 December 2024.
² Interview with Ann Sample, Director at Sample Institute. Transcribed on 5 December 2024.
`;

export interface FixtureIndex {
  dir: string;
  corpusDir: string;
  dbPath: string;
  embedder: Embedder;
  reader: IndexReader;
  /** Re-ingests the corpus (optionally with new text) into the same index path and reopens it. */
  reingest(text?: string): Promise<IndexReader>;
  remove(): void;
}

export async function buildFixtureIndex(): Promise<FixtureIndex> {
  const dir = mkdtempSync(path.join(tmpdir(), 'expert-quotes-collections-'));
  const corpusDir = path.join(dir, 'corpus');
  mkdirSync(corpusDir);
  const file = path.join(corpusDir, 'test-report-on-fisheries.md');
  writeFileSync(file, FIXTURE_DOCUMENT);
  const dbPath = path.join(dir, 'index', 'corpus.db');
  const embedder = await loadEmbedder('use-lite');
  await ingestCorpus({ corpusDir, dbPath, embedder });
  const fixture: FixtureIndex = {
    dir,
    corpusDir,
    dbPath,
    embedder,
    reader: IndexReader.open(dbPath),
    async reingest(text?: string) {
      if (text !== undefined) writeFileSync(file, text);
      await ingestCorpus({ corpusDir, dbPath, embedder });
      fixture.reader.close();
      fixture.reader = IndexReader.open(dbPath);
      return fixture.reader;
    },
    remove() {
      fixture.reader.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}
