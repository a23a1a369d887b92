// The transfer engine end to end over a fake channel pair: what the two pages do, without WebRTC.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCode } from '../src/errors.js';
import { sha256OfBlob } from '../src/transfer/digest.js';
import { FileReceiver } from '../src/transfer/receiver.js';
import { FileSender } from '../src/transfer/sender.js';
import { State } from '../src/transfer/transfer-state.js';
import { channelPair, randomFile, settled } from './fake-channel.js';

const context = 'sha-256 AA|sha-256 BB';

async function pair({ size = 300_000, passphrase = '', answer = '', announced, options } = {}) {
  const file = randomFile(size, 'report.pdf', 'application/pdf');
  const sha256 = announced ?? await sha256OfBlob(file);
  const sender = new FileSender({ peer: 'bob', file, sha256, passphrase, options: { chunkSize: 16_384, ...options } });
  const receiver = new FileReceiver({
    peer: 'alice', offer: { name: file.name, size: file.size, type: file.type, sha256 }, passphrase: answer,
  });
  const channels = channelPair();
  return { file, sha256, sender, receiver, channels };
}

function start({ sender, receiver, channels }) {
  const sending = sender.send(channels.a, context);
  const receiving = receiver.receive(channels.b, context);
  channels.open();
  return Promise.all([sending, receiving]);
}

test('a file arrives whole, verified by SHA-256 on both sides', async () => {
  const run = await pair();

  await start(run);

  assert.equal(run.sender.state, State.DONE);
  assert.equal(run.receiver.state, State.DONE);
  assert.equal(run.receiver.sha256, run.sha256);
  assert.deepEqual(new Uint8Array(await run.receiver.blob.arrayBuffer()), new Uint8Array(await run.file.arrayBuffer()));
  assert.equal(run.receiver.blob.type, 'application/pdf');
  assert.equal(run.receiver.progress.bytes, run.file.size);
  assert.equal(run.sender.progress.fraction, 1);
});

test('an empty file is transferred and verified too', async () => {
  const run = await pair({ size: 0 });
  await start(run);
  assert.equal(run.receiver.state, State.DONE);
  assert.equal(run.receiver.blob.size, 0);
});

test('with the right passphrase the file is sent', async () => {
  const run = await pair({ passphrase: 'open sesame', answer: 'open sesame' });
  await start(run);
  assert.equal(run.receiver.state, State.DONE);
});

test('with a wrong passphrase not one file byte is sent and both sides say why', async () => {
  const run = await pair({ passphrase: 'open sesame', answer: 'open barley' });

  await start(run);

  assert.equal(run.sender.state, State.FAILED);
  assert.equal(run.sender.error.code, ErrorCode.WRONG_PASSPHRASE);
  assert.equal(run.receiver.state, State.FAILED);
  assert.equal(run.receiver.error.code, ErrorCode.WRONG_PASSPHRASE);
  assert.ok(run.channels.a.sent.every((message) => typeof message === 'string'), 'only control messages');
  assert.equal(run.receiver.progress.bytes, 0);
  assert.equal(run.receiver.blob, null);
});

test('bytes that do not hash to the offer are never offered for saving', async () => {
  const run = await pair({ announced: '0'.repeat(64) });

  await start(run);

  assert.equal(run.receiver.state, State.FAILED);
  assert.equal(run.receiver.error.code, ErrorCode.MISMATCH);
  assert.equal(run.receiver.blob, null);
  assert.equal(run.sender.state, State.FAILED);
  assert.equal(run.sender.error.code, ErrorCode.MISMATCH);
});

// A small high-water mark makes the sender wait for the recipient, as a real network makes it.
const paced = { highWater: 65_536, lowWater: 16_384 };

/** Runs a 2 MB transfer and has `act(run)` happen once the recipient holds 100 kB of it. */
async function midway(act) {
  const run = await pair({ size: 2_000_000, options: paced });
  let acted = false;
  run.receiver.addEventListener('change', () => {
    if (!acted && run.receiver.progress.bytes > 100_000) {
      acted = true;
      act(run);
    }
  });
  await start(run);
  return run;
}

test('the sender can cancel mid-transfer: it stops sending', async () => {
  const run = await midway(({ sender, channels }) => {
    sender.cancel();
    channels.a.close(); // as the page does when its call ends
  });

  assert.equal(run.sender.state, State.CANCELLED);
  assert.ok(run.channels.a.sent.filter((m) => typeof m === 'number').length < 2_000_000 / 16_384,
    'not every chunk was sent');
});

test('the recipient can cancel mid-transfer: it keeps nothing', async () => {
  const run = await midway(({ receiver, channels }) => {
    receiver.cancel();
    channels.b.close();
  });

  assert.equal(run.receiver.state, State.CANCELLED);
  assert.equal(run.receiver.blob, null);
});

test('a channel that closes mid-transfer fails both sides with connection lost, never hangs', async () => {
  const run = await midway(({ channels }) => channels.b.close());

  for (const side of [run.sender, run.receiver]) {
    assert.equal(side.state, State.FAILED);
    assert.equal(side.error.code, ErrorCode.CONNECTION_LOST);
  }
});

test('a declined offer never moves', async () => {
  const run = await pair();
  run.sender.decline();
  assert.equal(run.sender.state, State.DECLINED);
  assert.equal(await settled(run.sender), State.DECLINED);
});
