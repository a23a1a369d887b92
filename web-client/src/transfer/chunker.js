// Reads a File (or any Blob) as it goes, a block at a time with the next block already on its
// way, so the sender never holds the whole file: a 1 GB file costs a few MB of memory.

export const READ_SIZE = 4 * 1024 * 1024;

/**
 * Yields `blob`'s bytes as Uint8Arrays of at most `chunkSize` bytes, in order.
 * @param {Blob} blob
 * @param {number} chunkSize
 * @param {number} [readSize] bytes read from the blob at once (a multiple of chunkSize reads best)
 */
export async function* chunks(blob, chunkSize, readSize = READ_SIZE) {
  if (!(chunkSize > 0)) throw new RangeError(`chunkSize: ${chunkSize} (expected: > 0)`);
  const read = (offset) => offset < blob.size
    ? blob.slice(offset, Math.min(offset + readSize, blob.size)).arrayBuffer()
    : null;
  let next = read(0);
  for (let offset = 0; next !== null; offset += readSize) {
    const block = new Uint8Array(await next);
    next = read(offset + readSize);
    for (let start = 0; start < block.length; start += chunkSize) {
      yield block.subarray(start, Math.min(start + chunkSize, block.length));
    }
  }
}
