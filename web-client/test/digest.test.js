import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { sha256, sha256OfBlob } from '../src/transfer/digest.js';
import { randomFile } from './fake-channel.js';

test('the SHA-256 of a blob read piece by piece is the SHA-256 of its bytes', async () => {
  const file = randomFile(5 * 1024 * 1024 + 17);
  const expected = createHash('sha256').update(new Uint8Array(await file.arrayBuffer())).digest('hex');
  const fractions = [];

  assert.equal(await sha256OfBlob(file, (fraction) => fractions.push(fraction)), expected);
  assert.equal(fractions.at(-1), 1);
  assert.ok(fractions.every((fraction, i) => i === 0 || fraction >= fractions[i - 1]));
});

test('updates in any split give the same digest', async () => {
  const data = crypto.getRandomValues(new Uint8Array(10_000));
  const whole = await sha256();
  whole.update(data);
  const split = await sha256();
  split.update(data.subarray(0, 3));
  split.update(data.subarray(3, 9_999));
  split.update(data.subarray(9_999));
  assert.equal(split.hex(), whole.hex());
});

test('an empty file has the well-known empty digest', async () => {
  assert.equal(await sha256OfBlob(new Blob([])), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});
