import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunks } from '../src/transfer/chunker.js';

const bytes = (n) => Uint8Array.from({ length: n }, (_, i) => i % 251);

test('yields every byte in order, in chunks of the given size, the last one shorter', async () => {
  const blob = new Blob([bytes(10_000)]);
  const sizes = [];
  const all = [];
  for await (const chunk of chunks(blob, 4096, 8192)) {
    sizes.push(chunk.length);
    all.push(...chunk);
  }
  assert.deepEqual(sizes, [4096, 4096, 1808]);
  assert.deepEqual(Uint8Array.from(all), bytes(10_000));
});

test('an empty file yields nothing', async () => {
  const seen = [];
  for await (const chunk of chunks(new Blob([]), 1024)) seen.push(chunk);
  assert.deepEqual(seen, []);
});

test('reads the file a block at a time, one block ahead, never the whole of it', async () => {
  const reads = [];
  const source = new Blob([bytes(100 * 1024)]);
  const watched = {
    size: source.size,
    slice(start, end) {
      reads.push([start, end]);
      return source.slice(start, end);
    },
  };
  const iterator = chunks(watched, 1024, 8192);

  await iterator.next();

  assert.deepEqual(reads, [[0, 8192], [8192, 16384]], 'the first block and the one after it');
  for (let i = 0; i < 8; i++) await iterator.next();
  assert.equal(reads.length, 3, 'the next block is read only when the one before it is used up');
});

test('refuses a chunk size that is not positive', async () => {
  await assert.rejects(chunks(new Blob(['x']), 0).next(), RangeError);
});
