// Debian's Chromium for the real-workbench checks, started headless with the flags this closed network needs
// (without the background-networking ones, Chromium's own connections are refused many at a time).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** A persistent Chromium context in a fresh profile; `close()` also removes the profile. */
export async function launchWorkbenchBrowser() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'testbed-lint-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
