// Passphrase protection. The sender never sends the passphrase anywhere: it sends a random nonce
// over the DataChannel and the recipient must answer with a proof only the passphrase yields.
//
// The proof is PBKDF2-SHA-256 over the passphrase, salted with the nonce and the "context": both
// DTLS fingerprints of the connection. Each side reads the fingerprints from its own SDP, so if a
// man in the middle (a rogue signalling server swapping fingerprints) relays between two DTLS
// connections, the two sides salt differently and the proof fails. PBKDF2 makes guessing the
// passphrase from an overheard proof slow.

const ITERATIONS = 100_000;
const encoder = new TextEncoder();

const hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** A fresh random challenge. */
export function newNonce() {
  return hex(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * The proof that whoever computes it knows `passphrase`, for this nonce and connection.
 * @returns {Promise<string>} hex
 */
export async function prove(passphrase, nonce, context) {
  const key = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false,
    ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(`${nonce}|${context}`), iterations: ITERATIONS },
    key, 256);
  return hex(bits);
}

/** Whether `proof` is what `passphrase` yields for this nonce and connection (compared in constant time). */
export async function verify(passphrase, nonce, context, proof) {
  const expected = await prove(passphrase, nonce, context);
  if (typeof proof !== 'string' || proof.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ proof.charCodeAt(i);
  return difference === 0;
}
