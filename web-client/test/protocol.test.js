import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Message, control, readControl } from '../src/transfer/protocol.js';

test('control messages round-trip', () => {
  assert.deepEqual(readControl(control(Message.RESULT, { ok: true, sha256: 'ab' })), { type: 'result', ok: true, sha256: 'ab' });
});

test('file bytes, strangers and garbage are not control messages', () => {
  assert.equal(readControl(new ArrayBuffer(4)), null);
  assert.equal(readControl('{"type":"reboot"}'), null);
  assert.equal(readControl('not json'), null);
  assert.equal(readControl('null'), null);
});
