import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newNonce, prove, verify } from '../src/transfer/proof.js';

const context = 'sha-256 AA:BB|sha-256 CC:DD';

test('the right passphrase proves itself', async () => {
  const nonce = newNonce();
  assert.ok(await verify('correct horse', nonce, context, await prove('correct horse', nonce, context)));
});

test('a wrong passphrase does not', async () => {
  const nonce = newNonce();
  assert.equal(await verify('correct horse', nonce, context, await prove('battery staple', nonce, context)), false);
});

test('a proof is good for one challenge and one connection only', async () => {
  const nonce = newNonce();
  const proof = await prove('correct horse', nonce, context);
  assert.equal(await verify('correct horse', newNonce(), context, proof), false, 'replayed for another nonce');
  assert.equal(await verify('correct horse', nonce, 'sha-256 EE:FF|sha-256 CC:DD', proof), false,
    'relayed by a man in the middle whose fingerprint differs');
});

test('the proof reveals nothing of the passphrase in itself and nonces do not repeat', async () => {
  const nonce = newNonce();
  const proof = await prove('correct horse', nonce, context);
  assert.match(proof, /^[0-9a-f]{64}$/);
  assert.ok(!proof.includes(Buffer.from('correct horse').toString('hex')));
  assert.notEqual(newNonce(), nonce);
});

test('malformed proofs are refused', async () => {
  const nonce = newNonce();
  for (const bad of [undefined, null, '', 'ab', 42]) {
    assert.equal(await verify('x', nonce, context, bad), false, String(bad));
  }
});
