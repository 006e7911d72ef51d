import { defineConfig, devices } from '@playwright/test';
import path from 'node:path';

// E2E runs against `next start` on a real index built by e2e/global-setup.ts with the bundled model.
const port = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DB = path.resolve('.cache/e2e/corpus.db');
// documents added from the browser land in this copy of corpus/ (made by global setup), never in corpus/
export const E2E_CORPUS = path.resolve('.cache/e2e/corpus');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.spec\.ts/,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // saved quotes of the browser tests go to a folder of their own, never the user's data/user
    env: { CORPUS_DB: E2E_DB, CORPUS_DIR: E2E_CORPUS, PORT: String(port), USER_DATA_DIR: path.resolve('.cache/e2e/user') },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
