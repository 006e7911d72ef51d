import { spawn } from 'node:child_process';
import path from 'node:path';

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const TSX = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs one of scripts/*.ts as the command line would (tsx in a child process) and collects its output; for tests. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, path.join(process.cwd(), 'scripts', script), ...args], {
      cwd: process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
