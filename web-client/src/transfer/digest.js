// SHA-256 computed as bytes go by: WebCrypto can only hash a whole buffer, and a 1 GB file must
// never be one. hash-wasm's WebAssembly SHA-256 runs at a few hundred MB/s.
import { createSHA256 } from 'hash-wasm';
import { chunks } from './chunker.js';

/** An incremental SHA-256: update() with each piece, then hex(). */
export async function sha256() {
  const hasher = await createSHA256();
  hasher.init();
  return {
    update(bytes) {
      hasher.update(bytes);
    },
    hex() {
      return hasher.digest('hex');
    },
  };
}

/**
 * The SHA-256 of a Blob, read piece by piece.
 * @param {Blob} blob
 * @param {(fraction: number) => void} [onProgress]
 */
export async function sha256OfBlob(blob, onProgress = () => {}) {
  const hasher = await sha256();
  let done = 0;
  for await (const piece of chunks(blob, 1024 * 1024)) {
    hasher.update(piece);
    done += piece.length;
    onProgress(blob.size === 0 ? 1 : done / blob.size);
  }
  return hasher.hex();
}
