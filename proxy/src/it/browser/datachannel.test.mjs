// Two Chromium pages run plain JsSIP, register through wisp over wss://, call each other with a
// real WebRTC offer and answer, and move a 20 MB file over a DataChannel. The SHA-256 must match;
// an INFO and an UPDATE (a real re-offer) then cross the dialog, and BYE ends it on both sides.
//
// WebRTC gathers no loopback candidates, so ./wisp test runs this file (wisp and Chromium both)
// inside a network namespace of its own whose veth address is WISP_E2E_HOST.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { withTimeout } from '../lib/time.mjs';
import { startWisp } from '../lib/wisp.mjs';
import { e2eHost, launchChromium } from './chromium.mjs';

const host = e2eHost();
const FILE_SIZE = 20 * 1024 * 1024;
const TRANSFER_MS = 60_000;
const here = dirname(fileURLToPath(import.meta.url));

/** JsSIP from npm, bundled for the page. */
async function jssipBundle() {
  const entry = createRequire(import.meta.url).resolve('jssip');
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'JsSIP',
    platform: 'browser', write: false, logLevel: 'error' });
  return result.outputFiles[0].text;
}

describe('two browsers move a file over a DataChannel signalled through wisp', () => {
  let wisp;
  let browser;
  let alice;
  let bob;

  before(async () => {
    wisp = await startWisp({ host });
    browser = await launchChromium();
    const bundle = await jssipBundle();
    const open = async () => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${wisp.https}/healthz`); // same origin as wss://, so wisp's Origin check passes
      await page.addScriptTag({ content: bundle });
      await page.addScriptTag({ path: resolve(here, 'page-user.js') });
      return page;
    };
    alice = await open();
    bob = await open();
  });

  after(async () => {
    await browser?.close();
    await wisp?.stop();
  });

  it('registers, calls, transfers 20 MB with equal SHA-256, and hangs up with BYE on both sides', async () => {
    await alice.evaluate(([url]) => window.wispUser.register(url, 'alice'), [wisp.wss]);
    await bob.evaluate(([url]) => window.wispUser.register(url, 'bob'), [wisp.wss]);
    await wisp.bindings(2);

    const started = Date.now();
    const received = bob.evaluate(() => window.wispUser.receiveFile());
    const sent = await withTimeout(
      alice.evaluate(([size]) => window.wispUser.sendFile('sip:bob@example.test', size), [FILE_SIZE]),
      TRANSFER_MS, 'alice to send the file');
    const got = await withTimeout(received, TRANSFER_MS, 'bob to receive the file');
    const seconds = (Date.now() - started) / 1000;

    assert.equal(got.size, FILE_SIZE);
    assert.equal(got.sha256, sent.sha256, 'the SHA-256 is equal on both sides');
    assert.match(await alice.evaluate(() => window.wispUser.offeredSdp()), /m=application \d+ UDP\/DTLS\/SCTP webrtc-datachannel/);
    console.log(`20 MB over the DataChannel in ${seconds.toFixed(2)} s, call set-up included: `
      + `${(FILE_SIZE / 1024 / 1024 / seconds).toFixed(1)} MiB/s`);

    assert.equal(await withTimeout(alice.evaluate(() => window.wispUser.sendInfo('progress=100')), 5_000, 'INFO'), 200);
    await withTimeout(bob.evaluate(() => window.wispUser.updateSession()), 5_000, "bob's UPDATE to be answered");
    assert.deepEqual(await alice.evaluate(() => window.wispUser.requestsFromPeer()), ['UPDATE']);
    assert.deepEqual(await bob.evaluate(() => window.wispUser.requestsFromPeer()), ['INFO progress=100']);

    await alice.evaluate(() => window.wispUser.hangUp());
    assert.equal(await withTimeout(alice.evaluate(() => window.wispUser.ended()), 5_000, 'alice\'s session to end'), 'local');
    assert.equal(await withTimeout(bob.evaluate(() => window.wispUser.ended()), 5_000, 'BYE to end bob\'s session'), 'remote');
  });
});
