// A peer can vanish without closing anything (a tab killed, a laptop lid shut): the engine must
// notice from its silence, and must not mistake a cancel racing its own connection for a loss.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCode } from '../src/errors.js';
import { FileSender } from '../src/transfer/sender.js';
import { State } from '../src/transfer/transfer-state.js';
import { Transfer } from '../src/transfer/transfer.js';
import { channelPair, randomFile, settled } from './fake-channel.js';

const file = { name: 'f', size: 10, type: '' };

test('a peer that falls silent is taken for gone after the silence limit', async () => {
  const sender = new FileSender({
    peer: 'bob', file: randomFile(1000), sha256: 'x', keepAlive: { everyMs: 10, silenceMs: 60 },
  });
  const channels = channelPair({ manual: true }); // nothing ever comes back from the recipient
  const started = Date.now();

  sender.send(channels.a, '');
  channels.open();
  await settled(sender);

  assert.equal(sender.state, State.FAILED);
  assert.equal(sender.error.code, ErrorCode.CONNECTION_LOST);
  assert.ok(Date.now() - started < 1000, `noticed after ${Date.now() - started} ms`);
  assert.ok(channels.a.sent.includes('{"type":"alive"}'), 'it kept saying it was alive itself');
});

test('a lost connection waits its grace for a cancel, which then wins', async () => {
  const transfer = new Transfer({ direction: 'out', peer: 'bob', file, lostGraceMs: 50 });
  transfer.moveTo(State.TRANSFERRING);

  transfer.connectionLost();
  assert.equal(transfer.state, State.TRANSFERRING, 'not failed at once');
  transfer.cancel(); // the BYE arrives just after the connection closed

  assert.equal(await settled(transfer), State.CANCELLED);
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.equal(transfer.state, State.CANCELLED, 'the grace timer did not fire afterwards');
});

test('without a cancel in its grace a lost connection fails the transfer', async () => {
  const transfer = new Transfer({ direction: 'in', peer: 'alice', file, lostGraceMs: 20 });
  transfer.moveTo(State.TRANSFERRING);

  transfer.connectionLost();

  assert.equal(await settled(transfer), State.FAILED);
  assert.equal(transfer.error.code, ErrorCode.CONNECTION_LOST);
});
