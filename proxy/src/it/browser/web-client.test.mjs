// The web client as people use it: pages served by a real wisp over https (self-signed), driven
// through their data-testid contract in real Chromium, moving files over WebRTC DataChannels.
// Runs inside the network namespace ./wisp test creates (WebRTC needs a non-loopback address).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startWisp } from '../lib/wisp.mjs';
import { e2eHost, launchChromium } from './chromium.mjs';
import {
  MB, TRANSFER_MS, WAIT_MS, accept, beyond, leave, randomFile, reaches, send, transfer, webClient,
} from './web-client-pages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const screenshots = resolve(here, '../../../target/web-client-e2e');

let wisp;
let browser;
let files;
let big; // the 200 MB file
let people;
const person = (prefix) => people.person(prefix);

before(async () => {
  wisp = await startWisp({ host: e2eHost() });
  browser = await launchChromium();
  people = webClient(browser, wisp);
  files = await mkdtemp(join(tmpdir(), 'wisp-web-client-'));
  big = await randomFile(files, 'big-200MB.bin', 200 * MB);
  await mkdir(screenshots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await wisp?.stop();
  if (files) await rm(files, { recursive: true, force: true });
});

describe('the web client', () => {
  it('moves 200 MB with equal SHA-256 on both sides, shows progress, and offers the file for saving', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const started = Date.now();

    await send(alice, bob.name, big);
    const offer = bob.page.getByTestId('incoming-offer').first();
    await offer.waitFor({ timeout: WAIT_MS });
    assert.match(await offer.textContent(), new RegExp(`${alice.name} wants to send you big-200MB\\.bin \\(210 MB\\)`));
    await accept(bob);
    await beyond(bob, 0.25);
    await bob.page.screenshot({ path: join(screenshots, 'mid-transfer-recipient.png'), fullPage: true });
    await alice.page.screenshot({ path: join(screenshots, 'mid-transfer-sender.png'), fullPage: true });
    assert.match(await transfer(alice).textContent(), /MB of 210 MB · .* MB\/s · .* left/);
    await reaches(bob, 'done', { timeout: TRANSFER_MS });
    await reaches(alice, 'done', { timeout: WAIT_MS });
    const seconds = (Date.now() - started) / 1000;

    assert.equal(await transfer(alice).getAttribute('data-sha256'), big.sha256);
    assert.equal(await transfer(bob).getAttribute('data-sha256'), big.sha256);
    assert.match(await transfer(alice).textContent(), /done, verified/);
    assert.match(await transfer(bob).textContent(), /done, verified/);
    const link = transfer(bob).getByTestId('download-link');
    assert.equal(await link.getAttribute('download'), 'big-200MB.bin');
    const [download] = await Promise.all([bob.page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'big-200MB.bin');
    const saved = createHash('sha256').update(await readFile(await download.path())).digest('hex');
    assert.equal(saved, big.sha256, 'the saved file is the sent file');
    console.log(`200 MB page to page in ${seconds.toFixed(1)} s (hashing, offer, answer, transfer and `
      + `verification included): ${(200 / seconds).toFixed(1)} MiB/s`);
    await leave(alice, bob);
  });

  it('a declined offer shows as declined to the sender and moves nothing', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const small = await randomFile(files, 'small.txt', 1000);

    await send(alice, bob.name, small);
    await bob.page.getByTestId('incoming-offer').first().getByTestId('decline-button').click();

    await reaches(alice, 'declined');
    assert.match(await transfer(alice).textContent(), new RegExp(`${bob.name} declined`));
    assert.equal(await bob.page.getByTestId('transfer').count(), 0);
    assert.equal(await bob.page.getByTestId('incoming-offer').count(), 0);
    await leave(alice, bob);
  });

  for (const canceller of ['sender', 'recipient']) {
    it(`the ${canceller} can cancel mid-transfer and both sides show cancelled`, async () => {
      const alice = await person('alice');
      const bob = await person('bob');
      await send(alice, bob.name, big);
      await accept(bob);
      await beyond(bob, 0.05);

      await transfer(canceller === 'sender' ? alice : bob).getByTestId('cancel-button').click();

      await reaches(alice, 'cancelled');
      await reaches(bob, 'cancelled');
      assert.equal(await transfer(bob).getByTestId('download-link').isHidden(), true);
      await leave(alice, bob);
    });
  }

  it('a recipient who is not online is named as such', async () => {
    const alice = await person('alice');
    await send(alice, 'nobody-here', await randomFile(files, 'note.txt', 100));

    await reaches(alice, 'failed');
    assert.match(await transfer(alice).textContent(), /nobody-here is not online/);
    await leave(alice);
  });

  it('one file goes to two recipients at once, one session and one progress bar each', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const carol = await person('carol');
    const file = await randomFile(files, 'shared.bin', 30 * MB);

    await send(alice, `${bob.name}, ${carol.name}`, file);
    assert.equal(await alice.page.getByTestId('transfer').count(), 2);
    await Promise.all([accept(bob), accept(carol)]);

    await reaches(bob, 'done', { timeout: TRANSFER_MS });
    await reaches(carol, 'done', { timeout: TRANSFER_MS });
    await reaches(alice, 'done', { index: 1, timeout: WAIT_MS });
    await reaches(alice, 'done', { index: 0, timeout: WAIT_MS });
    for (const someone of [bob, carol]) assert.equal(await transfer(someone).getAttribute('data-sha256'), file.sha256);
    const peers = await alice.page.getByTestId('transfer').allTextContents();
    assert.ok(peers.some((text) => text.includes(`to ${bob.name}`)) && peers.some((text) => text.includes(`to ${carol.name}`)));
    await leave(alice, bob, carol);
  });

  it('with a wrong passphrase not one byte is sent; with the right one the file arrives', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const secret = await randomFile(files, 'secret.pdf', 2 * MB);

    await send(alice, bob.name, secret, 'correct horse');
    const offer = bob.page.getByTestId('incoming-offer').first();
    await offer.waitFor({ timeout: WAIT_MS });
    assert.match(await offer.textContent(), /Protected/);
    await accept(bob, 'battery staple');
    await reaches(alice, 'failed');
    await reaches(bob, 'failed');
    assert.match(await transfer(bob).textContent(), /wrong passphrase/);
    assert.equal(Number(await transfer(bob).locator('progress').getAttribute('value')), 0, 'no byte arrived');
    assert.equal(await transfer(bob).getByTestId('download-link').isHidden(), true);

    await send(alice, bob.name, secret, 'correct horse');
    await accept(bob, 'correct horse');
    await reaches(bob, 'done', { timeout: TRANSFER_MS });
    assert.equal(await transfer(bob).getAttribute('data-sha256'), secret.sha256);
    await leave(alice, bob);
  });

  it('when the recipient\'s tab closes mid-transfer the sender shows failed within 10 s', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    await send(alice, bob.name, big);
    await accept(bob);
    await beyond(bob, 0.05);

    const closed = Date.now();
    await bob.page.close();
    await reaches(alice, 'failed', { timeout: 10_000 });

    console.log(`the sender noticed the closed tab after ${Date.now() - closed} ms`);
    assert.match(await transfer(alice).textContent(), /connection lost/);
    await leave(alice, bob);
  });

  it('moves 1 GB while the sender holds only a few blocks of it in memory', async () => {
    const alice = await people.person('alice');
    const bob = await people.person('bob');
    const huge = await randomFile(files, 'huge-1GB.bin', 1024 * MB);
    const cdp = await alice.context.newCDPSession(alice.page);
    let mostHeld = 0;
    const sample = async () => {
      // What the page really holds, garbage aside: its JavaScript heap and ArrayBuffer backing
      // stores, where file blocks read by the page live.
      await cdp.send('HeapProfiler.collectGarbage');
      const { backingStorageSize, usedSize } = await cdp.send('Runtime.getHeapUsage');
      mostHeld = Math.max(mostHeld, backingStorageSize + usedSize);
    };

    await send(alice, bob.name, huge);
    await accept(bob);
    const sampling = setInterval(() => sample().catch(() => {}), 500);
    try {
      await reaches(bob, 'done', { timeout: 300_000 });
    } finally {
      clearInterval(sampling);
    }
    await reaches(alice, 'done');

    assert.equal(await transfer(bob).getAttribute('data-sha256'), huge.sha256);
    console.log(`1 GB moved; the sender page held at most ${(mostHeld / MB).toFixed(0)} MiB of JavaScript memory`);
    assert.ok(mostHeld < 64 * MB, `the sender held ${(mostHeld / MB).toFixed(0)} MiB`);
    await rm(huge.path);
    await leave(alice, bob);
  });

  it('when wisp goes away the page says reconnecting, and registers again on its own', async () => {
    const alice = await person('alice');
    const ports = wisp.ports;
    await wisp.stop();

    await alice.page.getByTestId('status').filter({ hasText: 'reconnecting' }).waitFor({ timeout: WAIT_MS });
    wisp = await startWisp({ host: e2eHost(), ports });
    await alice.page.getByTestId('status').filter({ hasText: `registered as ${alice.name}` })
      .waitFor({ timeout: 40_000 }); // JsSIP retries with backoff, at most 30 s apart

    const bob = await person('bob');
    await send(bob, alice.name, await randomFile(files, 'after.txt', 1000));
    await accept(alice);
    await reaches(alice, 'done');
    await leave(alice, bob);
  });

  it('works from the keyboard and fits a phone-width screen', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    await bob.page.setViewportSize({ width: 360, height: 740 });

    await bob.page.getByTestId('name-input').focus();
    await bob.page.keyboard.press('Control+A');
    await bob.page.keyboard.type(`${bob.name}-renamed`);
    await bob.page.keyboard.press('Enter');
    await bob.page.getByTestId('status').filter({ hasText: `registered as ${bob.name}-renamed` }).waitFor({ timeout: WAIT_MS });
    await send(alice, `${bob.name}-renamed`, await randomFile(files, 'keys.txt', 5000));
    await bob.page.getByTestId('accept-button').waitFor({ timeout: WAIT_MS });
    assert.equal(await bob.page.evaluate(() => document.activeElement?.dataset.testid), 'accept-button',
      'a new offer takes the focus');
    await bob.page.keyboard.press('Enter');
    await reaches(bob, 'done');

    const overflow = await bob.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than a 360 px screen`);
    await bob.page.screenshot({ path: join(screenshots, 'phone-width-recipient.png'), fullPage: true });
    await leave(alice, bob);
  });

  it('several files dropped on the page go as one transfer each', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    await alice.page.getByTestId('peer-input').fill(bob.name);
    const dropped = await alice.page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['first file'], 'one.txt', { type: 'text/plain' }));
      transfer.items.add(new File([new Uint8Array(70_000)], 'two.bin', { type: 'application/octet-stream' }));
      return transfer;
    });
    await alice.page.dispatchEvent('#drop', 'drop', { dataTransfer: dropped });
    await alice.page.getByTestId('send-button').click();

    for (let offer = 0; offer < 2; offer++) await accept(bob);
    await reaches(bob, 'done', { index: 1 });
    await reaches(bob, 'done', { index: 0 });
    const names = await bob.page.getByTestId('download-link').evaluateAll((links) => links.map((link) => link.download));
    assert.deepEqual(names.sort(), ['one.txt', 'two.bin']);
    await leave(alice, bob);
  });

  it('a share link names the recipient', async () => {
    const bob = await person('bob');
    const link = await bob.page.getByTestId('share-link').getAttribute('href');
    assert.equal(link, `${wisp.https}/#to=${bob.name}`);
    const alice = await person('alice');
    await alice.page.goto(link);
    assert.equal(await alice.page.getByTestId('peer-input').inputValue(), bob.name);
    await leave(alice, bob);
  });
});
