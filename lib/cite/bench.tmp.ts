import { citeQuote } from './index';
import type { DocumentInfo } from '../types';
const report: DocumentInfo = { id: 'r', title: "Shaping a New Alliance: Japan's Defense Evolution and Strategic Shift towards NATO and Europe", authors: ['Anoma P. van der Veere'], date: '2025-04', publisher: 'LeidenAsiaCentre', place: 'Leiden', url: null, kind: 'report' };
let t = performance.now();
citeQuote({ document: report, speaker: { name: 'Ken Jimbo', affiliation: null }, kind: 'interview', interviewDate: '2024-12-03', section: null });
console.log('cold first call (styles + 3 CSL formats)', (performance.now() - t).toFixed(1), 'ms');
const docs: DocumentInfo[] = Array.from({ length: 5 }, (_, i) => ({ ...report, id: 'd' + i, title: report.title + ' ' + i }));
t = performance.now();
for (const d of docs) citeQuote({ document: d, speaker: { name: 'Ken Jimbo', affiliation: null }, kind: 'interview', interviewDate: '2024-12-03', section: null });
console.log('new document (engines warm)', ((performance.now() - t) / 5).toFixed(2), 'ms each');
t = performance.now();
for (let i = 0; i < 20; i++) citeQuote({ document: report, speaker: { name: 'Ken Jimbo', affiliation: null }, kind: 'interview', interviewDate: '2024-12-03', section: null, footnoteNumber: 100 + i });
console.log('new footnote locator', ((performance.now() - t) / 20).toFixed(2), 'ms each');
for (const n of [100, 1000, 10000]) {
  t = performance.now();
  for (let i = 0; i < n; i++) citeQuote({ document: report, speaker: { name: i % 2 ? 'Ken Jimbo' : 'MFA official', affiliation: 'Ministry of Foreign Affairs (MFA), Japan' }, kind: 'interview', interviewDate: '2024-12-03', section: null });
  const ms = performance.now() - t;
  console.log(`${n} warm calls: ${ms.toFixed(1)} ms, ${(ms / n * 1000).toFixed(1)} µs/call`);
}
