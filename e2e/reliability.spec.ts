import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mapLimit, rawRequest } from './helpers/http';
import { formatLoad, judgedQueryPaths, startLoad, type LoadSummary } from './helpers/load';
import { discoverPages, fillRoute, idFor, knownIds } from './helpers/routes';
import { freePort, killGroup, memoryOf, runIngest, startNextServer, type IngestRun, type RunningServer } from './helpers/server';

// Load, live re-ingest and a killed ingest, against a server of its own (its own port and a copy
// of the e2e index), so the other specs are not disturbed. Everything runs on loopback and is
// bounded: LOAD_SECONDS (default 12; 30 for the README figures), LOAD_CONNECTIONS (default 20) and
// LOAD_ROUNDS (default 1; 3 or more also checks that memory levels off from round to round).

const SECONDS = Math.min(Number(process.env.LOAD_SECONDS ?? 12), 120);
const CONNECTIONS = Math.min(Number(process.env.LOAD_CONNECTIONS ?? 20), 50);
const WARMUP_SECONDS = 6;
const ROUNDS = Math.min(Math.max(1, Number(process.env.LOAD_ROUNDS ?? 1)), 6);
const E2E_DB = path.resolve('.cache/e2e/corpus.db');
const FIGURES = path.resolve('test-results/reliability-figures.json');

let dir = '';
let db = '';
let server: RunningServer | null = null;
const ingests: IngestRun[] = [];
const figures: Record<string, unknown> = { loadSeconds: SECONDS, connections: CONNECTIONS };

// Not serial: if one test fails the next gets a fresh worker (and server), so a broken kill test
// does not hide the re-ingest results.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.beforeAll(async () => {
  test.setTimeout(120_000);
  expect(existsSync(E2E_DB), `${E2E_DB} is built by global setup`).toBe(true);
  dir = mkdtempSync(path.join(os.tmpdir(), 'eq-reliability-'));
  db = path.join(dir, 'corpus.db');
  copyFileSync(E2E_DB, db);
  server = await startNextServer({ db, port: await freePort(Number(process.env.E2E_RELIABILITY_PORT ?? 3102)) });
});

test.afterAll(async () => {
  for (const i of ingests) killGroup(i.child.pid);
  await server?.stop();
  mkdirSync(path.dirname(FIGURES), { recursive: true });
  const earlier = existsSync(FIGURES) ? (JSON.parse(readFileSync(FIGURES, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(FIGURES, JSON.stringify({ ...earlier, ...figures }, null, 2));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function health(): Promise<{ builtAt: string; chunks: number }> {
  const r = await rawRequest(server!.baseURL, '/api/health');
  const j = JSON.parse(r.body) as { ok: boolean; index?: { builtAt: string; chunks: number } };
  if (!j.ok || !j.index) throw new Error(`health not ok: ${r.body}`);
  return j.index;
}

async function searchWorks(): Promise<void> {
  const r = await rawRequest(server!.baseURL, '/api/search?q=sanctions%20against%20China');
  expect(r.status, r.body.slice(0, 300)).toBe(200);
  expect((JSON.parse(r.body) as { results: unknown[] }).results.length).toBeGreaterThan(0);
}

/** Live processes of a process group (Linux /proc), other than zombies. */
function groupMembers(pgid: number): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') out.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 120)}`);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function fingerprint(file: string) {
  const st = statSync(file);
  return { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

/** Files an interrupted ingest leaves beside the index: its temporary file(s) and its lock. */
function leftovers(): string[] {
  const base = path.basename(db);
  return readdirSync(dir).filter((f) => f.startsWith(`${base}.tmp-`) || f === `${base}.lock`);
}

/** Keeps a run's figures (with the machine's load average, since other work on the machine skews them) for the report. */
function record(label: string, s: LoadSummary, extra: Record<string, unknown> = {}) {
  extra = { ...extra, loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10 };
  figures[label] = { ...s, ...extra };
  const line = `${formatLoad(label, s)}${Object.keys(extra).length ? `; ${JSON.stringify(extra)}` : ''}`;
  console.log(line);
  test.info().annotations.push({ type: label, description: line });
}

test(`load: ${CONNECTIONS} connections for ${SECONDS} s on judged queries, no errors, memory levels off`, async () => {
  test.setTimeout((SECONDS * ROUNDS + 90) * 1000);
  const paths = judgedQueryPaths();
  // every kind of request answers 200 on its own first
  const statuses = await mapLimit(paths.slice(0, 10), 4, async (p) => `${(await rawRequest(server!.baseURL, p)).status} ${p}`);
  expect(statuses.filter((s) => !s.startsWith('200 '))).toEqual([]);
  const cold = memoryOf(server!.pid);
  // a short burst first: V8 grows the heap to its working size on the first load, and that growth
  // is not a leak; the measured run starts from the warmed size
  const warm = await startLoad({ baseURL: server!.baseURL, paths, connections: CONNECTIONS, seconds: WARMUP_SECONDS }).done;
  expect(warm.errors + warm.timeouts + warm.non2xx, `warm-up: ${formatLoad('warm-up', warm)}`).toBe(0);
  await sleep(2000);
  const before = memoryOf(server!.pid);
  const s = await startLoad({ baseURL: server!.baseURL, paths, connections: CONNECTIONS, seconds: SECONDS }).done;
  const atEnd = memoryOf(server!.pid);
  await sleep(3000);
  const after = memoryOf(server!.pid);
  // LOAD_ROUNDS > 1 repeats the run to show where memory settles (a leak keeps climbing, heap sizing levels off)
  const rounds: number[] = [after.rssMB];
  for (let i = 1; i < ROUNDS; i++) {
    const again = await startLoad({ baseURL: server!.baseURL, paths, connections: CONNECTIONS, seconds: SECONDS }).done;
    expect(again.errors + again.timeouts + again.non2xx, formatLoad(`round ${i + 1}`, again)).toBe(0);
    await sleep(3000);
    rounds.push(memoryOf(server!.pid).rssMB);
  }
  record('load', s, {
    rssColdMB: cold.rssMB,
    rssBeforeMB: before.rssMB,
    rssAtEndMB: atEnd.rssMB,
    rssAfterIdleMB: after.rssMB,
    peakRssMB: memoryOf(server!.pid).peakMB,
    ...(ROUNDS > 1 ? { rssAfterEachRoundMB: rounds } : {}),
  });
  expect(s.requests).toBeGreaterThan(0);
  expect(s.errors, 'connection errors').toBe(0);
  expect(s.timeouts, 'timeouts').toBe(0);
  expect(s.non2xx, `non-2xx answers: ${JSON.stringify(s.statusCodes)}`).toBe(0);
  // V8 keeps growing the heap to its working size over the first half minute of load (about 750 MB
  // here) and returns memory to the system lazily, so RSS after a run is not its start; a gross
  // leak still shows as growth beyond half again the warmed size
  expect(after.rssMB, `RSS ${before.rssMB} MB before the run, ${after.rssMB} MB after`).toBeLessThan(before.rssMB * 1.5 + 32);
  if (ROUNDS >= 3) {
    const settled = Math.max(...rounds.slice(0, -1));
    expect(rounds.at(-1)!, `RSS after each round ${rounds.join(', ')} MB keeps climbing`).toBeLessThan(settled * 1.1 + 16);
  }
});

// An ingest is killed twice: a few seconds into embedding (helper processes it forked are running),
// and the moment its temporary index file appears, i.e. while it writes the new index beside the
// served one (the write takes 100+ ms; the kill lands within a few).
for (const KILL_AT of ['embed', 'write'] as const) {
  test(`an ingest killed with SIGKILL while it ${KILL_AT === 'write' ? 'writes the new index' : 'embeds'} leaves the served index intact`, async () => {
    test.setTimeout(150_000);
    const served = fingerprint(db);
    const builtAt = (await health()).builtAt;
    const base = path.basename(db);
    let killedAt: string | null = null;
    const ingest = runIngest({ db });
    ingests.push(ingest);
    const kill = (why: string) => {
      if (killedAt) return;
      killedAt = why;
      ingest.child.kill('SIGKILL');
    };
    let timer: NodeJS.Timeout | undefined;
    // the lock is taken once the model is loaded and the corpus read; embedding starts right after
    const watcher: FSWatcher = watch(dir, (_event, name) => {
      if (KILL_AT === 'write' && name?.startsWith(`${base}.tmp-`)) kill(`while writing ${name}`);
      if (KILL_AT === 'embed' && name === `${base}.lock` && !timer) timer = setTimeout(() => kill('3 s into embedding'), 3000);
    });
    const guard = setTimeout(() => kill('guard timeout'), 120_000);
    const { code, signal } = await ingest.done;
    clearTimeout(guard);
    clearTimeout(timer);
    watcher.close();
    figures[`killedIngest_${KILL_AT}`] = { at: killedAt, code, signal };
    expect(signal, `the ingest was to be killed, but it ended with code ${code}:\n${ingest.output().slice(-1500)}`).toBe('SIGKILL');
    expect(killedAt).not.toBe('guard timeout');
    const left = leftovers();
    figures[`killedIngest_${KILL_AT}`] = { at: killedAt, leftovers: left };
    expect(left, 'a killed ingest leaves its lock behind').toContain(`${base}.lock`);
    if (KILL_AT === 'write')
      expect(
        left.some((f) => f.startsWith(`${base}.tmp-`)),
        'and its temporary index file',
      ).toBe(true);
    expect(fingerprint(db), 'the served index file is untouched').toEqual(served);
    expect((await health()).builtAt).toBe(builtAt);
    await searchWorks();
    // helper processes the killed ingest forked (parallel embedding) must not live on without it
    let orphans: string[] = [];
    for (let i = 0; i < 20; i++) {
      orphans = groupMembers(ingest.child.pid!);
      if (!orphans.length) break;
      await sleep(250);
    }
    figures[`killedIngest_${KILL_AT}`] = { at: killedAt, leftovers: left, orphansAfter5s: orphans };
    killGroup(ingest.child.pid);
    expect(orphans, 'processes of the killed ingest still running 5 s after the kill').toEqual([]);
  });
}

test('a full re-ingest under load: no request fails, the new index is served, leftovers are cleaned', async () => {
  test.setTimeout(300_000);
  const before = await health();
  // the judged queries plus every page under app/ (reader, speakers, compare, …), so every way of
  // reading the index meets the swap
  const ids = await knownIds(server!.baseURL);
  const pageUrls = discoverPages().map((r) => (r.params.length ? fillRoute(r, (i) => idFor(r, i, ids)) : `${r.pattern}?q=Japan%20Europe%20cooperation`));
  const paths = judgedQueryPaths().flatMap((p, i) => (i % 3 === 0 ? [p, pageUrls[(i / 3) % pageUrls.length]] : [p]));
  for (const u of pageUrls) expect((await rawRequest(server!.baseURL, u)).status, u).toBe(200);
  const run = startLoad({ baseURL: server!.baseURL, paths, connections: CONNECTIONS, seconds: 240 });
  const seen = new Set<string>([before.builtAt]);
  const healthFailures: string[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      try {
        seen.add((await health()).builtAt);
      } catch (e) {
        healthFailures.push((e as Error).message);
      }
      await sleep(250);
    }
  })();
  await sleep(2000);
  const leftBefore = leftovers();
  const started = Date.now();
  const ingest = runIngest({ db });
  ingests.push(ingest);
  const guard = setTimeout(() => ingest.child.kill('SIGKILL'), 200_000);
  const result = await ingest.done;
  clearTimeout(guard);
  const ingestSeconds = (Date.now() - started) / 1000;
  await sleep(3000); // requests against the new index, still under load
  run.stop();
  const s = await run.done;
  polling = false;
  await poller;
  const after = await health();
  record('reingestUnderLoad', s, { ingestSeconds: Math.round(ingestSeconds * 10) / 10, rssAfterMB: memoryOf(server!.pid).rssMB });
  expect(result.code, `ingest under load failed:\n${ingest.output().slice(-2000)}`).toBe(0);
  if (leftBefore.length)
    expect(ingest.output(), `the ingest reports the leftovers it removed (${leftBefore.join(', ')})`).toMatch(
      /removed leftovers of an interrupted ingest: .*\.lock/,
    );
  expect(leftovers(), 'no temporary file or lock remains').toEqual([]);
  expect(s.errors, 'connection errors').toBe(0);
  expect(s.timeouts, 'timeouts').toBe(0);
  expect(s.non2xx, `non-2xx answers: ${JSON.stringify(s.statusCodes)}`).toBe(0);
  expect(healthFailures, 'health answered throughout').toEqual([]);
  expect(after.builtAt, 'the new index is served').not.toBe(before.builtAt);
  expect(seen.has(after.builtAt)).toBe(true);
  expect(after.chunks).toBeGreaterThan(0);
  await searchWorks();
});
