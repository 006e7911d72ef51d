import { mkdtemp } from 'node:fs/promises';
import os from 'node:os'; import path from 'node:path';
import { startFakeHub } from '../fixtures/hub-server';
import { buildTinyBertFiles } from '../fixtures/tiny-bert';
import { loadEmbedder } from '../index';
const hub = await startFakeHub({ 'test/bge-tiny': buildTinyBertFiles(), 'test/tiny-encoder': buildTinyBertFiles({ pooling: 'cls', seed: 7 }) });
const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'hfc-'));
let t = performance.now();
const e = await loadEmbedder('hf:test/bge-tiny', { cacheDir, remoteHost: hub.url });
console.log('loaded', performance.now() - t, e.id, e.dimension, hub.requests);
const v = await e.embed(['sanctions against china', 'the cat likes tuna'], 'query');
console.log(v.map(x => x.length));
const n = hub.requests.length;
const e2 = await loadEmbedder('hf:test/bge-tiny', { cacheDir, remoteHost: hub.url, allowRemote: false });
console.log('second', hub.requests.length - n);
const e3 = await loadEmbedder('hf:test/tiny-encoder', { cacheDir, remoteHost: hub.url });
console.log('e3', (e3 as any).pooling, hub.requests.slice(n));
try { await loadEmbedder('hf:test/missing', { cacheDir, remoteHost: hub.url }); } catch (err) { console.log(String(err)); }
try { await loadEmbedder('hf:test/missing', { cacheDir, remoteHost: hub.url, allowRemote: false }); } catch (err) { console.log(String(err)); }
try { await loadEmbedder('hf:test/missing', { cacheDir, remoteHost: 'http://127.0.0.1:1/' }); } catch (err) { console.log(String(err)); }
await hub.close();
