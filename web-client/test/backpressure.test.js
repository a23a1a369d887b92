// The sender must not bury the channel: above the high-water mark it waits for
// 'bufferedamountlow' before sending more.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sha256OfBlob } from '../src/transfer/digest.js';
import { FileReceiver } from '../src/transfer/receiver.js';
import { FileSender } from '../src/transfer/sender.js';
import { State } from '../src/transfer/transfer-state.js';
import { channelPair, randomFile } from './fake-channel.js';

const CHUNK = 16 * 1024;
const HIGH = 64 * 1024;
const LOW = 16 * 1024;

test('the sender waits above the high-water mark and goes on once the buffer drains', async () => {
  const file = randomFile(1024 * 1024);
  const sha256 = await sha256OfBlob(file);
  const sender = new FileSender({ peer: 'bob', file, sha256, options: { chunkSize: CHUNK, highWater: HIGH, lowWater: LOW } });
  const receiver = new FileReceiver({ peer: 'alice', offer: { name: 'f', size: file.size, type: '', sha256 } });
  const channels = channelPair({ manual: true });
  const sending = sender.send(channels.a, '');
  const receiving = receiver.receive(channels.b, '');
  channels.open();

  let mostBuffered = 0;
  let stalls = 0;
  while (!sender.isFinal) {
    await new Promise((resolve) => setImmediate(resolve)); // let the sender run until it waits
    mostBuffered = Math.max(mostBuffered, channels.a.bufferedAmount);
    if (channels.a.bufferedAmount > HIGH) stalls++;
    channels.a.deliver(); // the network drains the buffer
    channels.b.deliver();
  }
  await Promise.all([sending, receiving]);

  const controlMessage = 64; // "start" is queued with the first chunks
  assert.ok(mostBuffered <= HIGH + CHUNK + controlMessage, `at most one chunk over the mark, saw ${mostBuffered}`);
  assert.ok(stalls > 5, `the sender had to wait (${stalls} times)`);
  assert.equal(channels.a.bufferedAmountLowThreshold, LOW);
  assert.equal(receiver.state, State.DONE);
});

test('a sender waiting for room stops waiting when the transfer is cancelled', async () => {
  const file = randomFile(1024 * 1024);
  const sender = new FileSender({ peer: 'bob', file, sha256: 'x', options: { chunkSize: CHUNK, highWater: HIGH, lowWater: LOW } });
  const channels = channelPair({ manual: true });
  const sending = sender.send(channels.a, '');
  channels.open();
  while (channels.a.bufferedAmount <= HIGH) await new Promise((resolve) => setImmediate(resolve));

  sender.cancel();
  await sending;

  assert.equal(sender.state, State.CANCELLED);
});

test('buffer marks that would overfill a browser send queue are refused up front', () => {
  const file = new Blob(['x']);
  assert.throws(() => new FileSender({ peer: 'b', file, options: { chunkSize: 65536, highWater: 16 * 1024 * 1024 } }),
    RangeError);
  assert.throws(() => new FileSender({ peer: 'b', file, options: { lowWater: 9e6, highWater: 8e6 } }), RangeError);
});

test('chunks are never larger than the connection carries', async () => {
  const { sha256OfBlob } = await import('../src/transfer/digest.js');
  const file = randomFile(300_000);
  const sender = new FileSender({ peer: 'b', file, sha256: await sha256OfBlob(file) });
  const receiver = new FileReceiver({ peer: 'a', offer: { name: 'f', size: file.size, type: '', sha256: sender.sha256 } });
  const channels = channelPair();
  const sending = sender.send(channels.a, '', 65536);
  const receiving = receiver.receive(channels.b, '');
  channels.open();
  await Promise.all([sending, receiving]);

  const chunkSizes = channels.a.sent.filter((message) => typeof message === 'number');
  assert.equal(Math.max(...chunkSizes), 65536);
  assert.equal(receiver.state, State.DONE);
});
