// Debian's Chromium, launched as these tests need it: headless, as root, with WebRTC host
// candidates on real addresses (no mDNS), and trusting wisp's self-signed certificate.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-features=WebRtcHideLocalIpsWithMdns',
      '--ignore-certificate-errors'],
  });
}

/** The netns address ./wisp test gives these tests; they cannot run without one. */
export function e2eHost() {
  const host = process.env.WISP_E2E_HOST;
  if (!host) throw new Error('WISP_E2E_HOST must name this network namespace\'s non-loopback address (./wisp test sets it)');
  return host;
}
