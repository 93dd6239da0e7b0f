import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (not a downloaded browser), headless, with the flags that keep it off the
 * network this machine does not have. `CHROMIUM_PATH` overrides the binary.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}
