// Driving the web client the way a person does, through its data-testid contract.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

export const MB = 1024 * 1024;
export const WAIT_MS = 10_000;
export const TRANSFER_MS = 120_000;

/** A file of random bytes in `directory`, and its SHA-256. */
export async function randomFile(directory, name, size) {
  const path = join(directory, name);
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += MB) {
    const block = randomBytes(Math.min(MB, size - written));
    hash.update(block);
    if (!out.write(block)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return { path, name, size, sha256: hash.digest('hex') };
}

/** People using the web client that `wisp` serves, each in a browser profile of their own. */
export function webClient(browser, wisp) {
  let count = 0;
  return {
    /** A person: the page at wisp's https:// address (with `query`, e.g. tuning), registered. */
    async person(prefix, query = '') {
      count += 1;
      const name = `${prefix}-${count}`;
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
      if (process.env.PAGE_CONSOLE) page.on('console', (message) => console.log(`[${name}] ${message.text()}`));
      await page.goto(`${wisp.https}/${query}`);
      await page.getByTestId('name-input').fill(name);
      await page.getByTestId('connect-button').click();
      await page.getByTestId('status').filter({ hasText: `registered as ${name}` }).waitFor({ timeout: WAIT_MS });
      return { name, page, context };
    },
  };
}

export async function send(from, to, file, passphrase = '') {
  await from.page.getByTestId('peer-input').fill(to);
  await from.page.getByTestId('file-input').setInputFiles(file.path);
  await from.page.getByTestId('passphrase-input').fill(passphrase);
  await from.page.getByTestId('send-button').click();
}

export async function accept(recipient, passphrase = '') {
  await recipient.page.getByTestId('passphrase-input').fill(passphrase);
  const offer = recipient.page.getByTestId('incoming-offer').first();
  await offer.waitFor({ timeout: WAIT_MS });
  await offer.getByTestId('accept-button').click();
}

export const transfer = (someone, index = 0) => someone.page.getByTestId('transfer').nth(index);

/** Waits for the `index`th transfer in `state`; on timeout, says what the transfers show instead. */
export async function reaches(someone, state, { index = 0, timeout = WAIT_MS } = {}) {
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
export async function beyond(someone, fraction) {
  await someone.page.waitForFunction((f) => document.querySelector('[data-testid="transfer"] progress')?.value > f,
    fraction, { timeout: TRANSFER_MS });
}

export async function leave(...people) {
  for (const someone of people) await someone.context.close();
}
