// The model that joins SIP calls to transfers, with a fake signalling layer: what a BYE, a 603 or
// a lost connection means to a transfer, and what a transfer's end means to its call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FileTransfers } from '../src/app/file-transfers.js';
import { ErrorCode } from '../src/errors.js';
import { endedCall, hangUpOptions } from '../src/signalling/call-outcome.js';
import { State } from '../src/transfer/transfer-state.js';
import { channelPair, randomFile, settled } from './fake-channel.js';

class FakeCall extends EventTarget {
  hungUp = 0;
  /** The failure each hang-up said, in order (null for a plain one). */
  hangUpReasons = [];
  accepted = 0;
  declined = 0;
  constructor(peer, offer = null) {
    super();
    this.peer = peer;
    this.offer = offer;
    this.pair = channelPair();
    this.channel = Promise.resolve(offer ? this.pair.b : this.pair.a);
  }
  context() { return 'fingerprints'; }
  hangUp(failure = null) { this.hungUp++; this.hangUpReasons.push(failure); }
  accept() { this.accepted++; }
  decline() { this.declined++; }
  fire(type, detail = {}) { this.dispatchEvent(Object.assign(new Event(type), detail)); }
}

class FakeSignalling extends EventTarget {
  calls = [];
  described = [];
  call(peer, describe) {
    this.described.push(describe('v=0\r\n'));
    const call = new FakeCall(peer);
    this.calls.push(call);
    return call;
  }
}

async function sending(file, peers = ['bob'], passphrase = '') {
  const signalling = new FakeSignalling();
  const model = new FileTransfers(signalling);
  const transfers = model.send(peers, [file], passphrase);
  while (signalling.calls.length < peers.length) await new Promise((resolve) => setImmediate(resolve));
  return { signalling, transfers };
}

test('a file to two people is hashed once and offered on two calls describing it', async () => {
  const file = randomFile(10_000, 'a.bin');
  const { signalling, transfers } = await sending(file, ['bob', 'carol']);

  assert.deepEqual(signalling.calls.map((call) => call.peer), ['bob', 'carol']);
  assert.equal(transfers[0].sha256, transfers[1].sha256);
  assert.ok(signalling.described.every((sdp) => sdp.includes('a=file-selector:name:"a.bin"')));
});

test('a 603 is "declined", a 404 or 480 is "not online"', async () => {
  const declined = await sending(randomFile(10));
  declined.signalling.calls[0].fire('failed', { status: 603, cause: 'Rejected' });
  assert.equal(declined.transfers[0].state, State.DECLINED);

  for (const status of [404, 480]) {
    const offline = await sending(randomFile(10));
    offline.signalling.calls[0].fire('failed', { status, cause: 'Not Found' });
    assert.equal(offline.transfers[0].state, State.FAILED);
    assert.equal(offline.transfers[0].error.code, ErrorCode.OFFLINE);
    assert.equal(offline.transfers[0].error.message, 'bob is not online');
  }
});

test('a BYE before the end is a cancel, and a transfer that ends hangs its call up', async () => {
  const { signalling, transfers } = await sending(randomFile(10));
  const [call] = signalling.calls;

  call.fire('ended', { by: 'remote' });

  assert.equal(transfers[0].state, State.CANCELLED);
  assert.equal(call.hungUp, 1);
});

test('a BYE whose Reason names a failure fails the transfer with it instead of cancelling', async () => {
  // The sender's BYE can overtake (or outlive) the DataChannel message that says the passphrase
  // was wrong: the Reason in the BYE tells the recipient the same thing.
  const { signalling, transfers } = await sending(randomFile(10));

  signalling.calls[0].fire('ended', { by: 'remote', reason: 'SIP ;cause=403; text="wrong-passphrase"' });

  assert.equal(transfers[0].state, State.FAILED);
  assert.equal(transfers[0].error.code, ErrorCode.WRONG_PASSPHRASE);
  assert.equal(transfers[0].error.message, 'wrong passphrase');
});

test('a BYE whose Reason names nothing a transfer knows is a cancel', async () => {
  for (const reason of ['SIP ;cause=200; text="Call completed elsewhere"', 'Q.850;cause=16', 'text="constructor"']) {
    const { signalling, transfers } = await sending(randomFile(10));
    signalling.calls[0].fire('ended', { by: 'remote', reason });
    assert.equal(transfers[0].state, State.CANCELLED, reason);
  }
});

test('a failed transfer says why in the BYE that ends its call; a cancelled one does not', async () => {
  const failed = await sending(randomFile(10));
  failed.transfers[0].fail(ErrorCode.WRONG_PASSPHRASE, 'bob did not give the right passphrase');
  assert.deepEqual(failed.signalling.calls[0].hangUpReasons, [ErrorCode.WRONG_PASSPHRASE]);

  const cancelled = await sending(randomFile(10));
  cancelled.transfers[0].cancel();
  assert.deepEqual(cancelled.signalling.calls[0].hangUpReasons, [null]);
});

test('every failure a BYE can say reads back as the same failure on the other side', () => {
  const codes = [ErrorCode.WRONG_PASSPHRASE, ErrorCode.MISMATCH, ErrorCode.FILE_UNREADABLE, ErrorCode.CONNECTION_LOST];
  for (const code of codes) {
    const { status_code: cause, reason_phrase: text } = hangUpOptions(code);
    // As JsSIP writes the header for terminate({status_code, reason_phrase}).
    const outcome = endedCall(`SIP ;cause=${cause}; text="${text}"`, 'alice');
    assert.equal(outcome.kind, 'failed', code);
    assert.equal(outcome.code, code);
    assert.ok(outcome.message.length > 0);
  }
  assert.deepEqual(hangUpOptions(null), {}, 'a plain hang-up says nothing');
  assert.deepEqual(hangUpOptions(ErrorCode.OFFLINE), {}, 'nor does a failure the other side cannot have');
});

test('cancelling a transfer ends its call', async () => {
  const { signalling, transfers } = await sending(randomFile(10));
  transfers[0].cancel();
  assert.equal(signalling.calls[0].hungUp, 1);
});

test('an offer cancelled before it is hashed never places a call', async () => {
  const signalling = new FakeSignalling();
  const model = new FileTransfers(signalling);
  const [transfer] = model.send(['bob'], [randomFile(3 * 1024 * 1024)]);
  transfer.cancel();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(signalling.calls.length, 0);
});

test('an incoming offer is shown, accepted into a transfer, and withdrawn if the sender gives up', async () => {
  const signalling = new FakeSignalling();
  const model = new FileTransfers(signalling);
  const offers = [];
  const transfers = [];
  model.addEventListener('offer', ({ offer }) => offers.push(offer));
  model.addEventListener('transfer', ({ transfer }) => transfers.push(transfer));
  const file = { name: 'x.txt', size: 3, type: 'text/plain', sha256: 'a'.repeat(64), protectedByPassphrase: false };

  const first = new FakeCall('alice', file);
  signalling.dispatchEvent(Object.assign(new Event('incoming'), { call: first }));
  const withdrawn = new Promise((resolve) => offers[0].addEventListener('withdrawn', resolve));
  first.fire('failed', { status: 487, cause: 'Canceled' });
  await withdrawn;

  const second = new FakeCall('alice', file);
  signalling.dispatchEvent(Object.assign(new Event('incoming'), { call: second }));
  offers[1].accept('');
  assert.equal(second.accepted, 1);
  assert.equal(transfers.length, 1);
  assert.equal(transfers[0].direction, 'in');
  transfers[0].cancel();
  assert.equal(await settled(transfers[0]), State.CANCELLED);
  assert.equal(second.hungUp, 1, 'the recipient who cancels ends the call itself');

  const third = new FakeCall('alice', file);
  signalling.dispatchEvent(Object.assign(new Event('incoming'), { call: third }));
  offers[2].decline();
  assert.equal(third.declined, 1);
});
