// Measures how fast the web client moves 200 MB from page to page over a DataChannel, for several
// chunk sizes and buffer marks (the ?chunk=&high=&low= knobs), alternating settings round by
// round on the same wisp and Chromium, and prints the median rate of each.
//
//   proxy/src/it/in-network-namespace.sh node proxy/src/it/browser/datachannel-rate.mjs [rounds] [chunk:high ...]
//
// with chunk in KiB and high water in MiB (low water is a quarter of it), e.g. 256:8 64:1; by
// default a grid of 16, 64 and 256 KiB chunks by 1, 4 and 8 MiB.
//
// The rate is the recipient's: file size over the time from its first byte to verified. Each
// round also measures the bare DataChannel (raw-datachannel.js) with the same chunks and marks:
// the browser's own limit on this machine.
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startWisp } from '../lib/wisp.mjs';
import { e2eHost, launchChromium } from './chromium.mjs';
import { MB, TRANSFER_MS, accept, leave, randomFile, reaches, send, transfer, webClient } from './web-client-pages.mjs';

const KB = 1024;
const rounds = Number(process.argv[2] ?? 3);
const chosen = process.argv.slice(3).map((pair) => pair.split(':').map(Number));
// Chromium caps a DataChannel's send queue at 16 MiB, so high water stays below it.
const grid = [16, 64, 256].flatMap((chunk) => [1, 4, 8].map((high) => [chunk, high]));
const settings = (chosen.length > 0 ? chosen : grid)
  .map(([chunk, high]) => ({ chunk: chunk * KB, high: high * MB, low: (high * MB) / 4 }));

const label = ({ chunk, high, low }) => `chunk ${chunk / KB} KiB, high ${high / MB} MiB, low ${low / KB} KiB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const here = dirname(fileURLToPath(import.meta.url));
const SIZE = 200 * MB;

/** JsSIP bundled for a bare page. */
async function jssipBundle() {
  const entry = createRequire(import.meta.url).resolve('jssip');
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'JsSIP',
    platform: 'browser', write: false, logLevel: 'error' });
  return result.outputFiles[0].text;
}

/** The bare DataChannel's rate between two fresh pages, in MiB/s. */
async function rawRate(browser, wisp, bundle, { chunk, high }, round) {
  const open = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${wisp.https}/healthz`);
    await page.addScriptTag({ content: bundle });
    await page.addScriptTag({ path: resolve(here, 'raw-datachannel.js') });
    return page;
  };
  const [sender, recipient] = [await open(), await open()];
  const name = `raw-${round}-${chunk}-${high}`;
  await sender.evaluate(([url]) => window.rawChannel.register(url, 'raw-sender'), [wisp.wss]);
  await recipient.evaluate(([url, n]) => window.rawChannel.register(url, n), [wisp.wss, name]);
  const rate = recipient.evaluate((size) => window.rawChannel.receive(size), SIZE);
  await sender.evaluate(([target, size, c, h]) => window.rawChannel.send(target, size, c, h),
    [`sip:${name}@raw.test`, SIZE, chunk, high]);
  const result = await rate;
  await sender.context().close();
  await recipient.context().close();
  return result;
}

const wisp = await startWisp({ host: e2eHost() });
const browser = await launchChromium();
const files = await mkdtemp(join(tmpdir(), 'wisp-rate-'));
try {
  const people = webClient(browser, wisp);
  const file = await randomFile(files, 'rate-200MB.bin', SIZE);
  const bundle = await jssipBundle();
  const rates = settings.map(() => []);
  const raw = settings.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    for (const [index, setting] of settings.entries()) {
      const query = `?chunk=${setting.chunk}&high=${setting.high}&low=${setting.low}`;
      const sender = await people.person('sender', query);
      const recipient = await people.person('recipient');
      await send(sender, recipient.name, file);
      await accept(recipient);
      await reaches(recipient, 'done', { timeout: TRANSFER_MS });
      const bytesPerSecond = Number(await transfer(recipient).getAttribute('data-bytes-per-second'));
      rates[index].push(bytesPerSecond / MB);
      await leave(sender, recipient);
      raw[index].push(await rawRate(browser, wisp, bundle, setting, round));
      console.log(`round ${round}: ${label(setting)}: web client ${(bytesPerSecond / MB).toFixed(1)} MiB/s, `
        + `bare DataChannel ${raw[index].at(-1).toFixed(1)} MiB/s`);
    }
  }
  console.log(`\n200 MiB page to page, ${rounds} rounds, ${availableParallelism()} cores (${cpus()[0].model}), `
    + `Chromium ${await browser.version()}; MiB/s, median (and every round):`);
  console.log('| setting | web client | bare DataChannel |\n|---|---|---|');
  const show = (values) => `${median(values).toFixed(1)} (${values.map((v) => v.toFixed(1)).join(', ')})`;
  for (const [index, setting] of settings.entries()) {
    console.log(`| ${label(setting)} | ${show(rates[index])} | ${show(raw[index])} |`);
  }
} finally {
  await browser.close();
  await wisp.stop();
  await rm(files, { recursive: true, force: true });
}
