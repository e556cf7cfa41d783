/**
 * Debian's Chromium as every tool here starts it (benchmark, Lighthouse, screenshots,
 * browser tests): no tool may download a browser of its own on these machines.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/** Flags for headless Chromium as root in a container, without background traffic. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_BIN) ? undefined : `Chromium not found at ${CHROMIUM_BIN} (apt-get install chromium)`;
}
