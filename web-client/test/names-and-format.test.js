import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytes, duration, progressLine, rate } from '../src/app/format.js';
import { cleanName, friendlyName, recipients, rememberedName, sharedRecipient } from '../src/app/names.js';

test('names are cleaned into what a SIP user part may hold', () => {
  assert.equal(cleanName('  Alice Smith '), 'alice-smith');
  assert.equal(cleanName('bob@example.com'), 'bobexample.com');
  assert.equal(cleanName('<script>'), 'script');
  assert.equal(cleanName(''), '');
  assert.equal(cleanName('x'.repeat(40)).length, 32);
});

test('several recipients may be typed at once', () => {
  assert.deepEqual(recipients('bob, Carol;dave  bob'), ['bob', 'carol', 'dave']);
  assert.deepEqual(recipients(' , '), []);
});

test('a friendly default name is made up once and remembered', () => {
  const storage = new Map();
  const local = { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v) };
  const first = rememberedName(local);
  assert.match(first, /^[a-z]+-[a-z]+-\d\d$/);
  assert.equal(rememberedName(local), first);
  assert.match(friendlyName(() => 0), /^amber-badger-10$/);
});

test('a share link names its recipient', () => {
  assert.equal(sharedRecipient('#to=bob'), 'bob');
  assert.equal(sharedRecipient('#x=1&to=Carol%20Ann'), 'carol-ann');
  assert.equal(sharedRecipient('#to=%E0'), '');
  assert.equal(sharedRecipient(''), '');
});

test('progress reads naturally', () => {
  assert.equal(bytes(999), '999 B');
  assert.equal(bytes(1500), '1.5 KB');
  assert.equal(bytes(209_715_200), '210 MB');
  assert.equal(rate(47_000_000), '47 MB/s');
  assert.equal(duration(4.2), '5 s');
  assert.equal(duration(125), '2 min 5 s');
  assert.equal(duration(Infinity), 'unknown');
  assert.equal(progressLine({ bytes: 55e6, total: 210e6, rate: 47e6, secondsLeft: 3.3 }), '55 MB of 210 MB · 47 MB/s · 4 s left');
  assert.equal(progressLine({ bytes: 0, total: 210e6, rate: 0, secondsLeft: Infinity }), '0 B of 210 MB');
});
