// Launches Debian's Chromium through playwright-core for the browser tests and the UI
// benchmark (it lives with the benchmarks, which may not import tests/): a fresh profile each time, no background traffic, nothing downloaded.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.RINGSCOPE_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const MISSING_CHROMIUM = `Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` (or set RINGSCOPE_CHROMIUM) to run the browser tests.`;

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function launchChromium(
  options: { extraArgs?: string[]; baseURL?: string } = {},
): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'ringscope-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...FLAGS, ...(options.extraArgs ?? [])],
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
