import type { MachineInfo } from './machine';

export interface BenchRow {
  figure: string;
  value: string;
  budget: string;
  /** true = meets the budget, false = misses it, null = shown for context only */
  pass: boolean | null;
}

export const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms` : 'n/a');

/** The one table `npm run bench` ends with: every figure, its budget and PASS/FAIL, then the machine. */
export function formatTable(rows: BenchRow[], machine: MachineInfo, load: { before: number[]; after: number[] }): string {
  const w = [
    Math.max(6, ...rows.map((r) => r.figure.length)),
    Math.max(5, ...rows.map((r) => r.value.length)),
    Math.max(6, ...rows.map((r) => r.budget.length)),
  ];
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${c.padEnd(w[2])}  ${d}`;
  const out = [line('figure', 'value', 'budget', 'result'), '─'.repeat(w[0] + w[1] + w[2] + 14)];
  for (const r of rows) out.push(line(r.figure, r.value, r.budget, r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL'));
  const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  out.push(
    '',
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ${machine.date}`,
    `load average (1/5/15 min) at start ${la(load.before)}, at end ${la(load.after)} — other processes on these cores slow every figure`,
  );
  return out.join('\n');
}
