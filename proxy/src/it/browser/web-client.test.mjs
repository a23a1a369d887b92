// The web client as people use it: pages served by a real wisp over https (self-signed), driven
// through their data-testid contract in real Chromium, moving files over WebRTC DataChannels.
// Runs inside the network namespace ./wisp test creates (WebRTC needs a non-loopback address).
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startWisp } from '../lib/wisp.mjs';
import { e2eHost, launchChromium } from './chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const screenshots = resolve(here, '../../../target/web-client-e2e');
const MB = 1024 * 1024;
const WAIT_MS = 10_000;
const TRANSFER_MS = 120_000;

let wisp;
let browser;
let files;
let big; // { path, sha256, size }
let users = 0;

/** A file of random bytes on disk, and its SHA-256. */
async function randomFile(name, size) {
  const path = join(files, name);
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += MB) {
    const block = randomBytes(Math.min(MB, size - written));
    hash.update(block);
    if (!out.write(block)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return { path, name, size, sha256: hash.digest('hex') };
}

/** A person: their own browser profile, the page at wisp's https:// address, registered. */
async function person(prefix) {
  users += 1;
  const name = `${prefix}-${users}`;
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  if (process.env.PAGE_CONSOLE) page.on('console', (m) => console.log(`[${name}] ${m.text()}`));
  await page.goto(`${wisp.https}/`);
  await page.getByTestId('name-input').fill(name);
  await page.getByTestId('connect-button').click();
  await page.getByTestId('status').filter({ hasText: `registered as ${name}` }).waitFor({ timeout: WAIT_MS });
  return { name, page, context };
}

async function send(from, to, file, passphrase = '') {
  await from.page.getByTestId('peer-input').fill(to);
  await from.page.getByTestId('file-input').setInputFiles(file.path);
  await from.page.getByTestId('passphrase-input').fill(passphrase);
  await from.page.getByTestId('send-button').click();
}

async function accept(recipient, passphrase = '') {
  await recipient.page.getByTestId('passphrase-input').fill(passphrase);
  const offer = recipient.page.getByTestId('incoming-offer').first();
  await offer.waitFor({ timeout: WAIT_MS });
  await offer.getByTestId('accept-button').click();
}

const transfer = (someone, index = 0) => someone.page.getByTestId('transfer').nth(index);

async function reaches(someone, state, { index = 0, timeout = WAIT_MS } = {}) {
  try {
    await someone.page.locator(`[data-testid="transfer"][data-state="${state}"]`).nth(index).waitFor({ timeout });
  } catch (error) {
    const states = await someone.page.getByTestId('transfer').evaluateAll((items) => items.map((item) =>
      `${item.dataset.state}: ${item.querySelector('.detail').textContent}`));
    throw new Error(`${someone.name} never showed a transfer ${state}; transfers: ${states.join('; ') || 'none'}`,
      { cause: error });
  }
}

/** Waits until the first transfer on `someone`'s page has moved more than `fraction` of the file. */
async function beyond(someone, fraction) {
  await someone.page.waitForFunction((f) => document.querySelector('[data-testid="transfer"] progress')?.value > f,
    fraction, { timeout: TRANSFER_MS });
}

async function leave(...people) {
  for (const someone of people) await someone.context.close();
}

before(async () => {
  wisp = await startWisp({ host: e2eHost() });
  browser = await launchChromium();
  files = await mkdtemp(join(tmpdir(), 'wisp-web-client-'));
  big = await randomFile('big-200MB.bin', 200 * MB);
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
    const small = await randomFile('small.txt', 1000);

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
    await send(alice, 'nobody-here', await randomFile('note.txt', 100));

    await reaches(alice, 'failed');
    assert.match(await transfer(alice).textContent(), /nobody-here is not online/);
    await leave(alice);
  });

  it('one file goes to two recipients at once, one session and one progress bar each', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const carol = await person('carol');
    const file = await randomFile('shared.bin', 30 * MB);

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
    const secret = await randomFile('secret.pdf', 2 * MB);

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
