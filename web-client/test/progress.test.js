import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProgressMeter } from '../src/transfer/progress.js';

test('reports bytes, fraction, rate and time left from a moving clock', () => {
  let now = 0;
  const meter = new ProgressMeter(1000, () => now);
  meter.update(0);
  now = 1000;
  const progress = meter.update(250);
  assert.equal(progress.bytes, 250);
  assert.equal(progress.fraction, 0.25);
  assert.equal(progress.rate, 250);
  assert.equal(progress.secondsLeft, 3);
});

test('the rate follows the last few seconds, not the whole transfer', () => {
  let now = 0;
  const meter = new ProgressMeter(1_000_000, () => now);
  for (let second = 0; second <= 10; second++) {
    now = second * 1000;
    meter.update(second <= 5 ? second * 100 : 500 + (second - 5) * 10_000);
  }
  assert.ok(meter.update(50_500).rate > 9_000, 'the recent pace, not the slow start');
});

test('before anything moved the time left is unknown', () => {
  const meter = new ProgressMeter(10, () => 0);
  assert.equal(meter.update(0).secondsLeft, Infinity);
});
