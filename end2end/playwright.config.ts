import { defineConfig } from '@playwright/test';
import * as path from 'path';

// The portal under test: the binary the Makefile built (release in CI), on its
// own port and a fresh data directory, with the in-process sandbox.
const root = path.resolve(__dirname, '..');
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target');
const profile = process.env.PORTAL_PROFILE ?? 'release';
const portalBin = process.env.PORTAL_BIN ?? path.join(targetDir, profile, 'telegent-portal');
const port = Number(process.env.PORTAL_E2E_PORT ?? 3100);
// The in-process sandbox on a known port, so specs can inject upstream faults.
const sandboxPort = Number(process.env.PORTAL_E2E_SANDBOX_PORT ?? 3101);
const dataDir = path.join(root, 'target', 'e2e-data');

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
    trace: 'retain-on-failure',
  },
  // The port-in spec moves the sandbox's clock a day on (orders progress,
  // port-outs of other specs complete, usage accrues), so it runs after
  // every other spec of both projects.
  projects: [
    { name: 'js', testIgnore: /porting\.spec/, use: { javaScriptEnabled: true } },
    { name: 'no-js', testIgnore: /porting\.spec/, use: { javaScriptEnabled: false } },
    { name: 'porting-js', testMatch: /porting\.spec/, dependencies: ['js', 'no-js'], use: { javaScriptEnabled: true } },
    { name: 'porting-no-js', testMatch: /porting\.spec/, dependencies: ['porting-js'], use: { javaScriptEnabled: false } },
  ],
  webServer: {
    // The suite does many people's work per minute; the per-credential
    // budget (about 50 calls a minute, like the platform) is tested in the
    // Rust suite, so here both the sandbox and the client allow more.
    command: `rm -rf "${dataDir}" && "${portalBin}" --data-dir "${dataDir}" --log-level warn serve --bind 127.0.0.1:${port} --sandbox-bind 127.0.0.1:${sandboxPort} --sandbox-rate-limit 600 --telegent-rate-limit 600 --telegent-share-per-user 600`,
    cwd: root,
    url: `http://127.0.0.1:${port}/readyz`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
